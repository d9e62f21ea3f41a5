"""Turn table records into Markdown, one small pure function per piece.

Everything here emits Markdown (headings, lists, admonitions, tables) rather than HTML, so that the
table of contents, permalinks, search and link validation all see the generated content. Text from
the table is escaped: it can show code spans, but never becomes markup of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from site_urls import section_target
from status_table import DrfCode, Spec, StatusCode, WildCode
from ui_text import FLAG_LABELS, LABELS

# Which `rest_framework.status` helper answers "is this code in class N?"; the tests check these
# against the installed DRF.
CLASS_HELPERS = {
    1: "is_informational",
    2: "is_success",
    3: "is_redirect",
    4: "is_client_error",
    5: "is_server_error",
}

# Python-Markdown's escapable characters, plus `|` (tables), get a backslash; the HTML specials
# become entities, so that raw HTML in the table shows as text.
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
# In this order: `&` before the other entities, the backslash before the characters that get one;
# no replacement contains a character replaced after it.
_INERT = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    *((char, f"\\{char}") for char in _MARKDOWN_SPECIAL),
)


def _inert(text: str) -> str:
    # str.replace per character present: several times faster than one regex or translation
    # table over the thousands of texts of a large table.
    for char, replacement in _INERT:
        if char in text:
            text = text.replace(char, replacement)
    return text


def escape(text: str) -> str:
    """Make plain text inert: no Markdown, no HTML, one line."""
    return _inert(" ".join(text.split()))


def inline(text: str) -> str:
    """Escape text but keep its `code spans`, which Markdown itself renders safely."""
    parts = _CODE_SPAN.split(" ".join(text.split()))
    # split() alternates plain text (even positions) and code span contents (odd positions)
    return "".join(
        f"`{part}`" if position % 2 else _inert(part) for position, part in enumerate(parts)
    )


def paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; single line breaks are just spaces."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [inline(block) for block in blocks if block.strip()]


def foreign(name: str, language: str) -> str:
    """An English name quoted inside Chinese text, marked so readers and screen readers know."""
    if language == "en":
        return escape(name)
    return f'<span lang="en">{escape(name)}</span>'


def code_link(record: StatusCode, language: str) -> str:
    title = escape(record.text[language].title)
    return f"[{record.code} {title}]({section_target(record)})"


def heading(record: StatusCode, language: str) -> str:
    title = escape(record.text[language].title)
    if language != "en":
        # Readers meet the English phrase in logs and tools; show it next to the local term.
        labels = LABELS[language]
        english = foreign(record.text["en"].title, language)
        title = f"{title}{labels['open_paren']}{english}{labels['close_paren']}"
    return f"## {record.code} {title} {{ #{record.anchor} }}"


def constant_block(record: DrfCode, language: str) -> str:
    """The constant on a line of its own, with a copy button.

    Not a fenced code block: Material mounts every ``pre > code`` on the page with layout reads
    and writes (copy button, overflow check), and on a 30-code page those cost a phone about a
    tenth of a second. Material's clipboard handler serves any button with data-clipboard-text,
    so the button works without being mounted. Search finds the constant in the section's keys,
    so the line stays out of the indexed text. (The constant is [A-Z0-9_], validated.)
    """
    constant = f"status.{record.constant}"
    title = LABELS[language]["copy"]
    button = (
        f'<button class="md-code__button" type="button" data-md-type="copy" '
        f'data-clipboard-text="{constant}" title="{title}"></button>'
    )
    return f'<p class="status-constant" data-search-exclude><code>{constant}</code>{button}</p>'


def _normalized(name: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def _drifts(name: str, record: DrfCode) -> bool:
    """True when a name is not just DRF's constant name spelled another way."""
    return _normalized(name) != _normalized(record.constant.split("_", 2)[2])


def standard_name_differs(record: DrfCode) -> bool:
    """True when the registry's phrase is not just DRF's constant name spelled out."""
    return record.standard_name is None or _drifts(record.standard_name, record)


def spec_link(spec: Spec) -> str:
    return f"[{escape(spec.label)}]({spec.url})"


def fact_lines(record: DrfCode, language: str) -> list[str]:
    labels = LABELS[language]
    colon = labels["colon"]
    lines: list[str] = []

    if record.spec is None:
        spec = labels["no_spec"]
    else:
        spec = spec_link(record.spec)
    lines.append(f"**{labels['spec']}**{colon}{spec}")

    if standard_name_differs(record):
        if record.standard_name is None:
            name = labels["unregistered"]
        else:
            name = (
                f"{foreign(record.standard_name, language)}"
                f"{labels['open_paren']}{labels['standard_source']}{labels['close_paren']}"
            )
            if record.former_name:
                former = labels["former_name"].format(name=foreign(record.former_name, language))
                name = f"{name}{labels['former_gap']}{former}"
        lines.append(f"**{labels['standard_name']}**{colon}{name}")

    lines.append(f"**{labels['python']}**{colon}{python_names(record, language)}")

    django = [f"`{name}`" for name in record.django]
    if record.django_preserve_request:
        call = f"`{record.django_preserve_request}(url, preserve_request=True)`"
        django.append(labels["django_preserve"].format(call=call))
    if django:
        lines.append(f"**{labels['django']}**{colon}{labels['list_separator'].join(django)}")

    if record.drf_exceptions:
        names = labels["list_separator"].join(f"`{name}`" for name in record.drf_exceptions)
        lines.append(f"**{labels['drf_exceptions']}**{colon}{names}")

    version = escape(record.drf_since)
    if record.drf_since == "0.1":
        version = labels["drf_original"].format(version=version)
    lines.append(f"**{labels['drf_since']}**{colon}{version}")

    if record.flags:
        flags = " · ".join(FLAG_LABELS[language][flag] for flag in record.flags)
        lines.append(f"**{labels['flags']}**{colon}{flags}")
    return [f"- {line}" for line in lines]


def python_names(record: DrfCode, language: str) -> str:
    labels = LABELS[language]
    python = record.python
    if not python.py313:
        return labels["python_none"]
    if python.py311 == python.py313:
        text = labels["list_separator"].join(f"`HTTPStatus.{name}`" for name in python.py313)
    else:
        text = labels["python_renamed"].format(
            new=f"`HTTPStatus.{python.py313[0]}`",
            old=f"`HTTPStatus.{python.py311[0]}`",
        )
    if python.since:
        text += labels["open_paren"] + labels["python_since"].format(version=python.since)
        text += labels["close_paren"]
    return text


def admonition(kind: str, title: str, body: Sequence[str]) -> str:
    lines = [f'!!! {kind} "{title}"', ""]
    for block in body:
        lines += [f"    {line}" if line else "" for line in block.split("\n")]
        lines.append("")
    return "\n".join(lines).rstrip()


def wrong_name_notes(record: DrfCode, language: str, by_code: dict[int, StatusCode]) -> list[str]:
    labels = LABELS[language]
    notes = []
    for wrong in record.wrong_names:
        note = labels["wrong_name"].format(
            wrong=f"`{wrong.name}`",
            access=f"`status.{wrong.name}`",
            import_=f"`from rest_framework.status import {wrong.name}`",
            right=f"`status.{record.constant}`",
        )
        if wrong.confused_with is not None:
            link = code_link(by_code[wrong.confused_with], language)
            note += labels["sentence_gap"] + labels["confused_with"].format(link=link)
        notes.append(note)
    return notes


def related_line(record: StatusCode, language: str, by_code: dict[int, StatusCode]) -> str:
    labels = LABELS[language]
    links = " · ".join(code_link(by_code[code], language) for code in record.related)
    return f"**{labels['related']}**{labels['colon']}{links}"


def search_excluded(blocks: Sequence[str]) -> str:
    """Blocks shown on the page but kept out of the search index (Material skips the element).

    Search finds a code's section by its identifying terms (see search_keys) and by its
    one-sentence summary, which is also what the result list previews. Indexing the rest (facts,
    advice, notes) would triple the index every reader downloads, for terms the keys already hold.
    """
    body = "\n\n".join(blocks)
    # A <section>, not a <div>: Material's indexer tells elements apart by tag name only, so the
    # first inner <div> to close (an admonition, a code block) would end the exclusion early.
    return f"<section data-search-exclude markdown>\n\n{body}\n\n</section>"


def code_section(
    record: DrfCode,
    language: str,
    by_code: dict[int, StatusCode],
    exchanges: str | None = None,
) -> str:
    """A code's section; ``exchanges`` is the Markdown of its real exchanges, if it has any."""
    labels = LABELS[language]
    text = record.text[language]
    details = ["\n".join(fact_lines(record, language)), *paragraphs(text.usage)]
    if text.drf:
        details.append(admonition("info", labels["drf_note"], paragraphs(text.drf)))
    if exchanges:
        details.append(exchanges)
    if record.wrong_names:
        notes = wrong_name_notes(record, language, by_code)
        details.append(admonition("warning", labels["wrong_names"], notes))
    if record.related:
        details.append(related_line(record, language, by_code))
    return "\n\n".join(
        [
            heading(record, language),
            constant_block(record, language),
            inline(text.summary),
            search_excluded(details),
        ]
    )


def wild_section(record: WildCode, language: str, by_code: dict[int, StatusCode]) -> str:
    """A code met in the wild: clearly not DRF's, who emits it, a constant to define, and the
    sources its claims rest on."""
    labels = LABELS[language]
    text = record.text[language]
    wild = record.wild
    source = foreign(wild.source, language)
    define = f"```python\n{wild.constant} = {record.code}\n```"
    notice = labels["not_in_drf_body"].format(source=source)
    facts = []
    if record.spec is not None:
        # Appendix specifications are drafts named by identifiers, so mark them as English.
        spec = f"[{foreign(record.spec.label, language)}]({record.spec.url})"
        facts.append(f"- **{labels['spec']}**{labels['colon']}{spec}")
    if wild.sources:
        links = " · ".join(
            f"[{foreign(item.title, language)}]({item.url})" for item in wild.sources
        )
        facts.append(f"- **{labels['sources']}**{labels['colon']}{links}")
    details = ["\n".join(facts)] if facts else []
    details += paragraphs(text.usage)
    if record.related:
        details.append(related_line(record, language, by_code))
    return "\n\n".join(
        [
            heading(record, language),
            search_excluded([admonition("warning", labels["not_in_drf"], [notice, define])]),
            inline(text.summary),
            search_excluded(details),
        ]
    )


def wild_page(records: Iterable[StatusCode], language: str) -> str:
    records = list(records)
    by_code = {record.code: record for record in records}
    sections = [wild_section(r, language, by_code) for r in records if isinstance(r, WildCode)]
    return "\n\n".join(sections) + "\n"


def _cell(value: str, drift: bool = False) -> str:
    return f"{value} ≠" if drift else value


def xref_page(records: Iterable[StatusCode], language: str) -> str:
    """One row per DRF code: what DRF, the registry, Python and Django call it."""
    labels = LABELS[language]
    columns = [
        "overview_code",
        "xref_constant",
        "xref_drf_since",
        "xref_standard",
        "xref_py311",
        "xref_py313",
        "xref_py_since",
        "xref_django",
        "xref_exceptions",
    ]
    rows = []
    for record in records:
        if not isinstance(record, DrfCode):
            continue
        python = record.python
        standard = record.standard_name or "—"
        py311 = f"`{python.py311[0]}`" if python.py311 else "—"
        py313 = f"`{python.py313[0]}`" if python.py313 else "—"
        # Python 3.13 kept the old names as aliases: show them, so the old name is not read as gone.
        aliases = [
            f"`{name}`{labels['open_paren']}{labels['xref_alias']}{labels['close_paren']}"
            for name in python.py313[1:]
        ]
        django = [f"`{name}`" for name in record.django]
        if record.django_preserve_request:
            django.append(f"`{record.django_preserve_request}(…, preserve_request=True)`")
        cells = [
            f"[{record.code}]({section_target(record)})",
            f"`{record.constant}`",
            escape(record.drf_since),
            _cell(
                foreign(standard, language) if record.standard_name else standard,
                record.standard_name is not None and standard_name_differs(record),
            ),
            _cell(py311, bool(python.py311) and _drifts(python.py311[0], record)),
            "<br>".join(
                [_cell(py313, bool(python.py313) and _drifts(python.py313[0], record)), *aliases]
            ),
            python.since or (labels["xref_earliest"] if python.py311 else "—"),
            "<br>".join(django) or "—",
            "<br>".join(f"`{name}`" for name in record.drf_exceptions) or "—",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    header = "| " + " | ".join(labels[column] for column in columns) + " |"
    rule = "|" + "---|" * len(columns)
    # Every cell repeats a fact of a code's own section; search finds it there.
    table = "\n".join([header, rule, *rows])
    return f"{labels['xref_legend']}\n\n{search_excluded([table])}\n"


def helper_block(status_class: int, language: str) -> str:
    helper = CLASS_HELPERS[status_class]
    low, high = status_class * 100, status_class * 100 + 99
    sentence = LABELS[language]["helper"].format(helper=f"`status.{helper}()`", low=low, high=high)
    example = f"```python\nfrom rest_framework import status\n\nstatus.{helper}({low})  # True\n```"
    return f"{sentence}\n\n{example}"


def class_page(
    records: Iterable[StatusCode],
    status_class: int,
    language: str,
    exchanges: Mapping[int, str] | None = None,
    note: str | None = None,
) -> str:
    """What the hook appends to a class stub: the helper, an optional note, then one section per
    code; ``exchanges`` maps a code to the Markdown of its real exchanges."""
    records = list(records)
    by_code = {record.code: record for record in records}
    own = [r for r in records if isinstance(r, DrfCode) and r.status_class == status_class]
    if not own:
        raise ValueError(f"the table has no {status_class}xx codes")
    exchanges = exchanges or {}
    sections = [code_section(r, language, by_code, exchanges.get(r.code)) for r in own]
    head = [helper_block(status_class, language), *([note] if note else [])]
    return "\n\n".join([*head, *sections]) + "\n"


def overview(records: Iterable[StatusCode], language: str) -> str:
    """The home page's table of every code, kept out of search so searches land on the sections."""
    labels = LABELS[language]
    rows = [
        f"| [{record.code}]({section_target(record)}) "
        f"| {escape(record.text[language].title)} | `{record.constant}` |"
        for record in records
        if isinstance(record, DrfCode)
    ]
    header = (
        f"| {labels['overview_code']} | {labels['overview_title']} "
        f"| {labels['overview_constant']} |\n|---|---|---|"
    )
    table = "\n".join([header, *rows])
    return f"## {labels['overview']} {{ #overview }}\n\n{search_excluded([table])}\n"
