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

# Which `rest_framework.status` helper answers "is this code in class N?"; the tests check these
# against the installed DRF.
CLASS_HELPERS = {
    1: "is_informational",
    2: "is_success",
    3: "is_redirect",
    4: "is_client_error",
    5: "is_server_error",
}

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "spec": "规范",
        "no_spec": "没有任何 RFC 定义这个状态码",
        "standard_name": "标准名称",
        "unregistered": "IANA 登记表中没有这个状态码",
        "standard_source": "IANA / RFC 9110",
        "former_gap": "；",
        "former_name": "此前名为 {name}，DRF 的常量沿用这个名字，"
        "它也是 Python 3.12 及更早版本的主名称",
        "python": "Python",
        "python_none": "`http.HTTPStatus` 没有这个状态码",
        "python_since": "{version} 起",
        "python_renamed": "3.12 及更早为 {old}；3.13 起为 {new}，旧名仍可作为别名使用",
        "django": "Django",
        "django_preserve": "{call}（Django 5.2 起）",
        "drf_exceptions": "DRF 异常",
        "drf_since": "加入 DRF",
        "drf_original": "{version}（最初的 `status` 模块）",
        "flags": "标记",
        "drf_note": "DRF 的默认行为",
        "wrong_names": "常见错误写法",
        "wrong_name": "{wrong}：`rest_framework.status` 中没有这个名字，{access} 会抛出 "
        "`AttributeError`，{import_} 会抛出 `ImportError`。正确的常量是 {right}。",
        "confused_with": "这个名字错借了 {link} 的常量名。",
        "related": "对比",
        "helper": "判断一个状态码是否属于本类，可以用 {helper}：它只比较数值范围"
        "（{low}–{high}），不检查状态码是否存在。",
        "overview": "全部状态码",
        "overview_code": "状态码",
        "overview_title": "名称",
        "overview_constant": "DRF 常量",
        "not_in_drf": "不在 `rest_framework.status` 中",
        "not_in_drf_body": "DRF 没有这个状态码的常量；它来自 {source}。需要时在项目里自己定义：",
        "sources": "来源",
        "xref_constant": "DRF 常量",
        "xref_drf_since": "加入 DRF",
        "xref_standard": "IANA / RFC 9110 名称",
        "xref_py311": "Python 3.11–3.12",
        "xref_py313": "Python 3.13+",
        "xref_py_since": "Python 起始版本",
        "xref_django": "Django 响应类",
        "xref_exceptions": "DRF 异常",
        "xref_earliest": "≤ 3.6",
        "xref_alias": "别名",
        "xref_legend": "≠ 表示这个名称与 DRF 常量名不一致；— 表示没有对应项。"
        "“别名”是 Python 3.13 仍然接受的旧成员名，用旧名的代码在 3.13 上照常运行。"
        "“≤ 3.6” 表示在核对过的最早版本 Python 3.6 中已经存在。",
        "list_separator": "、",
        "sentence_gap": "",
        "colon": "：",
        "open_paren": "（",
        "close_paren": "）",
    },
    "en": {
        "spec": "Specification",
        "no_spec": "no RFC defines this code",
        "standard_name": "Standard name",
        "unregistered": "the code is not in the IANA registry",
        "standard_source": "IANA / RFC 9110",
        "former_gap": ", ",
        "former_name": "formerly {name}, which DRF's constant keeps and which was Python's "
        "canonical name for the code up to 3.12",
        "python": "Python",
        "python_none": "`http.HTTPStatus` has no member for this code",
        "python_since": "since {version}",
        "python_renamed": "{old} up to 3.12, and {new} from 3.13, which keeps the old name as an "
        "alias",
        "django": "Django",
        "django_preserve": "{call} (Django 5.2 and later)",
        "drf_exceptions": "DRF exceptions",
        "drf_since": "Added in DRF",
        "drf_original": "{version} (the original `status` module)",
        "flags": "Flags",
        "drf_note": "What DRF does by itself",
        "wrong_names": "Wrong names in circulation",
        "wrong_name": "{wrong}: there is no such name in `rest_framework.status`, so {access} "
        "raises `AttributeError` and {import_} raises `ImportError`. The correct constant is "
        "{right}.",
        "confused_with": "The name is borrowed by mistake from {link}.",
        "related": "Compare",
        "helper": "To test whether a code belongs to this class, use {helper}. It only compares "
        "the number against the range {low}–{high}; it does not check that the code exists.",
        "overview": "All status codes",
        "overview_code": "Code",
        "overview_title": "Name",
        "overview_constant": "DRF constant",
        "not_in_drf": "Not in `rest_framework.status`",
        "not_in_drf_body": "DRF has no constant for this code; it comes from {source}. "
        "Define your own in your project if you need it:",
        "sources": "Sources",
        "xref_constant": "DRF constant",
        "xref_drf_since": "Added in DRF",
        "xref_standard": "IANA / RFC 9110 name",
        "xref_py311": "Python 3.11–3.12",
        "xref_py313": "Python 3.13+",
        "xref_py_since": "Python since",
        "xref_django": "Django response class",
        "xref_exceptions": "DRF exceptions",
        "xref_earliest": "≤ 3.6",
        "xref_alias": "alias",
        "xref_legend": "≠ marks a name that differs from DRF's constant; — means there is none. "
        "“alias” marks an old member name that Python 3.13 still accepts, so code that uses it "
        "keeps working there. “≤ 3.6” means present in Python 3.6, the earliest version checked.",
        "list_separator": ", ",
        "sentence_gap": " ",
        "colon": ": ",
        "open_paren": " (",
        "close_paren": ")",
    },
}

FLAG_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "unused": "未使用（编号保留）",
        "unregistered": "未在 IANA 登记",
        "obsoleted": "已废止",
        "deprecated": "已弃用",
        "experimental": "实验性",
        "webdav": "WebDAV",
    },
    "en": {
        "unused": "Unused (number reserved)",
        "unregistered": "Not registered with IANA",
        "obsoleted": "Obsoleted",
        "deprecated": "Deprecated",
        "experimental": "Experimental",
        "webdav": "WebDAV",
    },
}

# Python-Markdown's escapable characters, plus `|` (tables) and the HTML specials, which become
# entities so that raw HTML in the table shows as text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_HTML_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _inert(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.translate(_HTML_SPECIAL))


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


def constant_block(record: DrfCode) -> str:
    return f"```python\nstatus.{record.constant}\n```"


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
            constant_block(record),
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
