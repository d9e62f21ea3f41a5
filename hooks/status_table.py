"""Load ``docs/codes.yml`` into typed records.

The whole table is validated before anything is rendered. Every problem is collected and reported
at once, each naming the file, the entry (its code, or its position) and the field, so that a bad
edit stops the build with one readable message instead of a traceback or a half-built site.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias, TypeGuard
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError

# The C loader is several times faster; plain SafeLoader gives the same result. Which one exists
# depends on how PyYAML was built.
SafeLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

LANGUAGES = ("zh", "en")

FLAGS = ("unused", "unregistered", "obsoleted", "deprecated", "experimental", "webdav")

# Specification links may only point at the bodies that define or document status codes.
SPEC_HOSTS = frozenset(
    {
        "www.rfc-editor.org",
        "rfc-editor.org",
        "datatracker.ietf.org",
        "www.iana.org",
        "iana.org",
        "docs.python.org",
        "docs.djangoproject.com",
        "www.django-rest-framework.org",
    }
)
# Sources of the appendix's vendor claims may also point at the vendors' own documentation and
# source code; still https only.
SOURCE_HOSTS = SPEC_HOSTS | frozenset(
    {
        "nginx.org",
        "developers.cloudflare.com",
        "blog.cloudflare.com",
        "github.com",
        "developers.arcgis.com",
        "developer.apple.com",
    }
)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
PYTHON_MEMBER = re.compile(r"^[A-Z][A-Z0-9_]*$")
RELEASE = re.compile(r"^\d+\.\d+(\.\d+)?$")
PYTHON_RELEASE = re.compile(r"^3\.\d+$")

ENTRY_FIELDS = (
    "code",
    "constant",
    "drf_since",
    "standard_name",
    "former_name",
    "spec",
    "python",
    "django",
    "django_preserve_request",
    "drf_exceptions",
    "flags",
    "wrong_names",
    "related",
    *LANGUAGES,
)
# Codes met in the wild but not in DRF carry a `wild` block instead of the DRF facts.
WILD_ENTRY_FIELDS = ("code", "wild", "spec", "related", *LANGUAGES)
WILD_FIELDS = ("source", "constant", "sources")
TEXT_FIELDS = ("title", "summary", "usage", "drf")
OPTIONAL_TEXT_FIELDS = frozenset({"drf"})
# Search terms: what readers type for the situation a code is for (see search_terms.py).
TERMS_FIELD = "terms"
MAX_TERM_LENGTH = 40


@dataclass(frozen=True)
class Spec:
    doc: str
    section: str
    url: str

    @property
    def label(self) -> str:
        """How the site and the export name the section, such as "RFC 9110 §15.5.10"."""
        return f"{self.doc} §{self.section}"


@dataclass(frozen=True)
class PythonNames:
    """``http.HTTPStatus`` member names; canonical name first."""

    py311: tuple[str, ...]
    py313: tuple[str, ...]
    since: str | None


@dataclass(frozen=True)
class WrongName:
    name: str
    confused_with: int | None


@dataclass(frozen=True)
class Text:
    title: str
    summary: str
    usage: str
    drf: str | None
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """A document that backs a claim about a code met in the wild; the title is shown as written,
    in English, on both languages' pages."""

    title: str
    url: str


@dataclass(frozen=True)
class Wild:
    """A code that is not in rest_framework.status: who emits it, a name for a project's own
    constant, and the documents its claims rest on."""

    source: str
    constant: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class BaseCode:
    """What every entry of the table has, whether DRF defines the code or not."""

    code: int
    spec: Spec | None
    related: tuple[int, ...]
    text: Mapping[str, Text]

    @property
    def status_class(self) -> int:
        return self.code // 100

    @property
    def anchor(self) -> str:
        return f"http_{self.code}"


@dataclass(frozen=True)
class DrfCode(BaseCode):
    """A constant of rest_framework.status, with what DRF, the registry, Python and Django say
    about its code."""

    constant: str
    drf_since: str
    standard_name: str | None
    former_name: str | None
    python: PythonNames
    django: tuple[str, ...]
    django_preserve_request: str | None
    drf_exceptions: tuple[str, ...]
    flags: tuple[str, ...]
    wrong_names: tuple[WrongName, ...]


@dataclass(frozen=True)
class WildCode(BaseCode):
    """A code met in the wild that rest_framework.status does not define (the appendix)."""

    wild: Wild


# An entry of the table: tell the two apart with isinstance(record, DrfCode).
StatusCode: TypeAlias = DrfCode | WildCode


class TableError(PluginError):
    """The code table is invalid; the message lists every problem found."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        lines = [f"{self.path}: {len(problems)} {noun} in the code table:"]
        lines += [f"  - {problem}" for problem in problems]
        super().__init__("\n".join(lines))


MISSING = object()  # a field that is absent, as opposed to one set to null


class _Entry:
    """Reads one table entry field by field, noting problems instead of raising."""

    def __init__(self, raw: dict[str, Any], index: int, problems: list[str]) -> None:
        self.raw = raw
        self.problems = problems
        code = raw.get("code")
        self.label = f"entry {code} (#{index})" if _is_int(code) else f"entry #{index}"

    def problem(self, field: str, message: str) -> None:
        # repr() quotes like the plain 'name' form, and stays unambiguous for odd keys.
        self.problems.append(f"{self.label}, field {str(field)!r}: {message}")

    def value(self, field: str, source: Mapping[str, Any] | None = None, key: str = "") -> Any:
        """Return the field's value, or MISSING (already reported) when absent."""
        holder = self.raw if source is None else source
        key = key or field.rsplit(".", 1)[-1]
        if key not in holder:
            self.problem(field, "missing")
            return MISSING
        return holder[key]

    def text(self, field: str, value: Any, *, optional: bool = False) -> str | None:
        if value is MISSING or (value is None and optional):
            return None
        if not isinstance(value, str):
            self.problem(field, f"expected text, got {_type_name(value)}")
            return None
        if not value.strip():
            self.problem(field, "is empty")
            return None
        hidden = _hidden_character(value)
        if hidden:
            self.problem(field, f"contains the invisible character {hidden}")
            return None
        return value.strip()

    def matching(self, field: str, value: Any, pattern: re.Pattern[str], what: str) -> str | None:
        text = self.text(field, value)
        if text is not None and not pattern.match(text):
            self.problem(field, f"{text!r} is not {what}")
            return None
        return text

    def listing(self, field: str, value: Any, check: Callable[[str, Any], Any]) -> tuple[Any, ...]:
        if value is MISSING:
            return ()
        if not isinstance(value, list):
            self.problem(field, f"expected a list, got {_type_name(value)}")
            return ()
        items = [check(f"{field}[{i}]", item) for i, item in enumerate(value)]
        return tuple(item for item in items if item is not None)

    def mapping(self, field: str, value: Any, keys: tuple[str, ...]) -> dict[str, Any] | None:
        if value is MISSING:
            return None
        if not isinstance(value, dict):
            self.problem(field, f"expected a mapping, got {_type_name(value)}")
            return None
        for key in value:
            if key not in keys:
                self.problem(f"{field}.{key}", "unknown field")
        return value


def _hidden_character(text: str) -> str | None:
    """Control and formatting characters (zero-width, bidi overrides) hide or reorder what the
    reader sees, and zero-width space is search's own word separator; none belongs in the table."""
    if text.replace("\n", "").replace("\t", "").isprintable():
        return None  # the usual case, checked in C; only text with something unusual is scanned
    for char in text:
        if char in "\n\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cf"):
            return f"U+{ord(char):04X}"
    return None


def _is_int(value: object) -> TypeGuard[int]:
    # YAML `true` loads as a bool, which Python counts as an int; a code must be a real integer.
    return isinstance(value, int) and not isinstance(value, bool)


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def read_source(path: Path | str) -> str:
    """The table's text; a missing or undecodable file is a ``TableError`` like any other.

    Every page's build asks for the same few files; they are read again only when they change."""
    try:
        stat = Path(path).stat()
        return _file_text(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as error:
        raise TableError(path, [f"cannot read the file: {error.strerror}"]) from None
    except UnicodeDecodeError as error:
        raise TableError(path, [f"not UTF-8 text (byte {error.start})"]) from None


@functools.lru_cache(maxsize=64)
def _file_text(path: str, mtime_ns: int, size: int) -> str:
    del mtime_ns, size  # the key: a saved edit changes them
    return Path(path).read_text(encoding="utf-8")


def load_table(path: Path | str) -> list[StatusCode]:
    """Read and validate the table; raise ``TableError`` naming every problem."""
    return parse_table(read_source(path), path)


def parse_table(source: str, path: Path | str = "docs/codes.yml") -> list[StatusCode]:
    try:
        data = yaml.load(source, Loader=SafeLoader)  # noqa: S506 - SafeLoader (C or Python) only
    except yaml.YAMLError as error:
        raise TableError(path, [_yaml_problem(error)]) from None
    except RecursionError:
        raise TableError(path, ["YAML syntax error: the document is nested too deeply"]) from None

    if not isinstance(data, list) or not data:
        raise TableError(path, [f"expected a non-empty list of entries, got {_type_name(data)}"])

    problems: list[str] = []
    records: list[StatusCode] = []
    first_index: dict[int, int] = {}
    # Codes that entries claim, valid or not, so one broken entry does not also break every
    # reference to it.
    claimed: set[int] = set()
    for raw in data:
        code = raw.get("code") if isinstance(raw, dict) else None
        if _is_int(code):
            claimed.add(code)
    for index, raw in enumerate(data, start=1):
        if not isinstance(raw, dict):
            problems.append(f"entry #{index}: expected a mapping, got {_type_name(raw)}")
            continue
        record = _read_entry(_Entry(raw, index, problems))
        if record is None:
            continue
        if record.code in first_index:
            problems.append(
                f"entry {record.code} (#{index}), field 'code': "
                f"duplicate of entry #{first_index[record.code]}"
            )
            continue
        first_index[record.code] = index
        records.append(record)

    problems += _cross_entry_problems(records, first_index, claimed)
    if problems:
        raise TableError(path, problems)
    return sorted(records, key=lambda record: record.code)


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    if mark is not None:
        return f"line {mark.line + 1}, column {mark.column + 1}: YAML syntax error: {reason}"
    return f"YAML syntax error: {reason}"


def _read_entry(entry: _Entry) -> StatusCode | None:
    raw = entry.raw
    count_before = len(entry.problems)
    is_wild = "wild" in raw
    for key in raw:
        if key not in (WILD_ENTRY_FIELDS if is_wild else ENTRY_FIELDS):
            entry.problem(str(key), "unknown field")

    code = _read_code(entry)
    spec = _read_spec(entry)
    related = entry.listing("related", entry.value("related"), _code_reference(entry))
    texts = {language: _read_text(entry, language) for language in LANGUAGES}
    text = {language: block for language, block in texts.items() if block is not None}
    if is_wild:
        wild = _read_wild(entry, code)
        # Every None here was reported as a problem.
        if len(entry.problems) > count_before or code is None or wild is None:
            return None
        return WildCode(code=code, spec=spec, related=related, text=text, wild=wild)

    constant = entry.matching("constant", entry.value("constant"), IDENTIFIER, "a Python name")
    if constant is not None and code is not None and not constant.startswith(f"HTTP_{code}_"):
        entry.problem(
            "constant", f"{constant} does not match code {code} (expected HTTP_{code}_...)"
        )

    drf_since = entry.matching(
        "drf_since", entry.value("drf_since"), RELEASE, "a release number such as 3.14.0"
    )
    standard_name = entry.text("standard_name", entry.value("standard_name"), optional=True)
    former_name = entry.text("former_name", raw.get("former_name"), optional=True)
    python = _read_python(entry)
    django = entry.listing("django", entry.value("django"), _identifier(entry))
    preserve = entry.value("django_preserve_request")
    django_preserve_request = (
        None
        if preserve is None or preserve is MISSING
        else _identifier(entry)("django_preserve_request", preserve)
    )
    drf_exceptions = entry.listing(
        "drf_exceptions", entry.value("drf_exceptions"), _identifier(entry)
    )
    flags = entry.listing("flags", entry.value("flags"), _flag(entry))
    wrong_names = entry.listing("wrong_names", entry.value("wrong_names"), _wrong_name(entry))

    # Every None here was reported as a problem.
    if (
        len(entry.problems) > count_before
        or code is None
        or constant is None
        or drf_since is None
        or python is None
    ):
        return None
    return DrfCode(
        code=code,
        spec=spec,
        related=related,
        text=text,
        constant=constant,
        drf_since=drf_since,
        standard_name=standard_name,
        former_name=former_name,
        python=python,
        django=django,
        django_preserve_request=django_preserve_request,
        drf_exceptions=drf_exceptions,
        flags=flags,
        wrong_names=wrong_names,
    )


def _read_code(entry: _Entry) -> int | None:
    code = entry.value("code")
    if code is MISSING:
        return None
    if not _is_int(code):
        entry.problem("code", f"expected an integer, got {_type_name(code)}")
        return None
    if not 100 <= code <= 599:
        entry.problem("code", f"{code} is outside 100-599")
        return None
    return code


def _read_wild(entry: _Entry, code: int | None) -> Wild | None:
    raw = entry.mapping("wild", entry.value("wild"), WILD_FIELDS)
    if raw is None:
        return None
    source = entry.text("wild.source", entry.value("wild.source", raw))
    listed = raw.get("sources")  # optional; null means none, like an absent field
    sources = entry.listing("wild.sources", [] if listed is None else listed, _source(entry))
    constant = entry.matching(
        "wild.constant", entry.value("wild.constant", raw), IDENTIFIER, "a Python name"
    )
    if constant is not None and code is not None and not constant.startswith(f"HTTP_{code}_"):
        entry.problem(
            "wild.constant", f"{constant} does not match code {code} (expected HTTP_{code}_...)"
        )
        return None
    if source is None or constant is None:
        return None
    return Wild(source=source, constant=constant, sources=sources)


def _source(entry: _Entry) -> Callable[[str, Any], Source | None]:
    def check(field: str, value: Any) -> Source | None:
        raw = entry.mapping(field, value, ("title", "url"))
        if raw is None:
            return None
        title = entry.text(f"{field}.title", entry.value(f"{field}.title", raw))
        # Shown on the English page too, so it must be English like the `en` blocks.
        _check_language(entry, f"{field}.title", title, "en")
        url = _link(entry, f"{field}.url", entry.value(f"{field}.url", raw), SOURCE_HOSTS)
        if title is None or url is None:
            return None
        return Source(title=title, url=url)

    return check


def _link(entry: _Entry, field: str, value: Any, hosts: frozenset[str]) -> str | None:
    """An https URL on one of the allowed hosts, or None (reported)."""
    url = entry.text(field, value)
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme != "https":
        entry.problem(field, f"{url!r} is not an https link")
        return None
    if parts.hostname not in hosts:
        entry.problem(field, f"host {parts.hostname!r} is not one of {', '.join(sorted(hosts))}")
        return None
    return url


def _read_spec(entry: _Entry) -> Spec | None:
    raw = entry.value("spec")
    if raw is None or raw is MISSING:
        return None
    spec = entry.mapping("spec", raw, ("doc", "section", "url"))
    if spec is None:
        return None
    doc = entry.text("spec.doc", entry.value("spec.doc", spec))
    section = entry.text("spec.section", entry.value("spec.section", spec))
    url = _link(entry, "spec.url", entry.value("spec.url", spec), SPEC_HOSTS)
    if doc is None or section is None or url is None:
        return None
    return Spec(doc=doc, section=section, url=url)


def _read_python(entry: _Entry) -> PythonNames | None:
    raw = entry.mapping("python", entry.value("python"), ("3.11", "3.13", "since"))
    if raw is None:
        return None

    def member(field: str, value: Any) -> str | None:
        return entry.matching(field, value, PYTHON_MEMBER, "an HTTPStatus member name")

    py311 = entry.listing("python.3.11", entry.value("python.3.11", raw, "3.11"), member)
    py313 = entry.listing("python.3.13", entry.value("python.3.13", raw, "3.13"), member)
    since = entry.value("python.since", raw)
    if since is MISSING:
        since = None
    elif since is not None:
        since = entry.matching(
            "python.since", since, PYTHON_RELEASE, "a Python version such as 3.9"
        )
    return PythonNames(py311=py311, py313=py313, since=since)


def _identifier(entry: _Entry) -> Callable[[str, Any], str | None]:
    def check(field: str, value: Any) -> str | None:
        return entry.matching(field, value, IDENTIFIER, "a class name")

    return check


def _flag(entry: _Entry) -> Callable[[str, Any], str | None]:
    def check(field: str, value: Any) -> str | None:
        if not isinstance(value, str) or value not in FLAGS:
            entry.problem(field, f"{value!r} is not one of {', '.join(FLAGS)}")
            return None
        return value

    return check


def _code_reference(entry: _Entry) -> Callable[[str, Any], int | None]:
    def check(field: str, value: Any) -> int | None:
        if not _is_int(value):
            entry.problem(field, f"expected a status code, got {_type_name(value)}")
            return None
        return value

    return check


def _wrong_name(entry: _Entry) -> Callable[[str, Any], WrongName | None]:
    def check(field: str, value: Any) -> WrongName | None:
        raw = entry.mapping(field, value, ("name", "confused_with"))
        if raw is None:
            return None
        name = entry.matching(
            f"{field}.name", entry.value(f"{field}.name", raw), IDENTIFIER, "a Python name"
        )
        confused_with = raw.get("confused_with")
        if confused_with is not None:
            confused_with = _code_reference(entry)(f"{field}.confused_with", confused_with)
        if name is None:
            return None
        return WrongName(name=name, confused_with=confused_with)

    return check


def _read_text(entry: _Entry, language: str) -> Text | None:
    block = entry.mapping(language, entry.value(language), (*TEXT_FIELDS, TERMS_FIELD))
    if block is None:
        return None
    terms = _read_terms(entry, language, block.get(TERMS_FIELD, []))
    values: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        field = f"{language}.{name}"
        optional = name in OPTIONAL_TEXT_FIELDS
        value = block.get(name) if optional else entry.value(field, block)
        values[name] = entry.text(field, value, optional=optional)
        _check_language(entry, field, values[name], language)
    title, summary, usage = values["title"], values["summary"], values["usage"]
    if title is None or summary is None or usage is None:
        return None  # reported: every text field but the optional ones is required
    return Text(title=title, summary=summary, usage=usage, drf=values["drf"], terms=terms)


def _read_terms(entry: _Entry, language: str, value: Any) -> tuple[str, ...]:
    """A list of short, distinct phrases; in `en`, without Chinese characters."""
    field = f"{language}.{TERMS_FIELD}"
    seen: set[str] = set()

    def check(item_field: str, item: Any) -> str | None:
        text = entry.text(item_field, item)
        if text is None:
            return None
        if len(text) > MAX_TERM_LENGTH:
            entry.problem(item_field, f"{text!r} is longer than {MAX_TERM_LENGTH} characters")
            return None
        if "\n" in text:
            entry.problem(item_field, f"{text!r} spans lines")
            return None
        if language == "en" and HAN.search(text):
            entry.problem(item_field, "English text contains Chinese characters")
            return None
        if text.casefold() in seen:
            entry.problem(item_field, f"{text!r} is listed twice")
            return None
        seen.add(text.casefold())
        return text

    return entry.listing(field, value, check)


def _check_language(entry: _Entry, field: str, value: str | None, language: str) -> None:
    """A block in the wrong language is a missing translation, not a fallback."""
    if value is None:
        return
    if language == "en" and HAN.search(value):
        entry.problem(field, "English text contains Chinese characters")
    if language == "zh" and not HAN.search(value):
        entry.problem(field, "Chinese text contains no Chinese characters")


def english_names(record: StatusCode) -> list[str]:
    """A code's English names: its title, and DRF's former name where the registry's changed."""
    former = record.former_name if isinstance(record, DrfCode) else None
    return [name for name in (record.text["en"].title, former) if name]


def _cross_entry_problems(
    records: list[StatusCode], first_index: dict[int, int], codes: set[int]
) -> list[str]:
    problems: list[str] = []
    titles: dict[tuple[str, str], int] = {}
    # Search ranks a code's section first for each of its names; a term spelled like another
    # code's name would take that search from it.
    names: dict[str, int] = {}
    for record in records:
        for name in (record.text["zh"].title, *english_names(record)):
            names.setdefault(name.casefold(), record.code)
    for record in records:
        label = f"entry {record.code} (#{first_index[record.code]})"
        for language in LANGUAGES:
            for i, term in enumerate(record.text[language].terms):
                owner = names.get(term.casefold(), record.code)
                if owner != record.code:
                    problems.append(
                        f"{label}, field '{language}.terms[{i}]': {term!r} is the name of entry "
                        f"{owner}, which search must find first"
                    )
        for i, other in enumerate(record.related):
            if other == record.code:
                problems.append(f"{label}, field 'related[{i}]': refers to itself")
            elif other not in codes:
                problems.append(f"{label}, field 'related[{i}]': {other} is not in the table")
        wrong_names = record.wrong_names if isinstance(record, DrfCode) else ()
        for i, wrong in enumerate(wrong_names):
            if wrong.confused_with is not None and wrong.confused_with not in codes:
                problems.append(
                    f"{label}, field 'wrong_names[{i}].confused_with': "
                    f"{wrong.confused_with} is not in the table"
                )
        for language in LANGUAGES:
            key = (language, record.text[language].title.casefold())
            if key in titles:
                problems.append(
                    f"{label}, field '{language}.title': same title as entry {titles[key]}"
                )
            else:
                titles[key] = record.code
    return problems


def require_classes(
    records: Sequence[StatusCode], classes: Iterable[int], path: Path | str
) -> None:
    """The site has a page per class; a class without codes would publish an empty page."""
    present = {record.status_class for record in records if isinstance(record, DrfCode)}
    missing = [status_class for status_class in classes if status_class not in present]
    if missing:
        raise TableError(
            path, [f"no entries for the {c}xx class, which has a page" for c in missing]
        )
