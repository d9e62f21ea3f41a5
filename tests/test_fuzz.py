"""Property tests: whatever the table holds, the loader gives records that render, or one
TableError whose every problem names where it is. No other exception may escape."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import search_terms
import short_links
import status_export
import status_hooks
import status_render
import status_table
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from status_table import LANGUAGES, StatusCode, TableError, parse_table, require_classes

try:
    from yaml import CSafeDumper as Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as Dumper  # type: ignore[assignment]

PATH = "docs/codes.yml"
REAL = yaml.safe_load((ROOT / "docs" / "codes.yml").read_text(encoding="utf-8"))

# A problem is about the whole file (syntax, shape, a class with no codes) or names its entry,
# and then the field (quoted as Python quotes it) unless the entry itself is not a mapping.
PROBLEM = re.compile(
    r"^(line \d+, column \d+: YAML syntax error: .+"
    r"|YAML syntax error: .+"
    r"|expected a non-empty list of entries, got .+"
    r"|no entries for the [1-5]xx class, which has a page"
    r"|entry #\d+: expected a mapping, got .+"
    r"|entry (-?\d+ \(#\d+\)|#\d+), field ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"): .+)$",
    re.DOTALL,
)


def check(source: str) -> None:
    """What the hook does with the table: load it, require every class, render every page."""
    try:
        records = parse_table(source, PATH)
        require_classes(records, status_render.CLASS_HELPERS, PATH)
    except TableError as error:
        assert str(error).startswith(f"{PATH}: ")
        assert error.problems
        for problem in error.problems:
            assert PROBLEM.match(problem), problem
        return
    render_everything(records)


def render_everything(records: list[StatusCode]) -> None:
    """Everything the hook generates from the table, in every language."""
    for language in LANGUAGES:
        for status_class in range(1, 6):
            status_render.class_page(records, status_class, language)
        for part in status_hooks.GENERATED_PARTS.values():
            part(records, language)
        for record in records:
            search_terms.search_keys(record, language)
            short_links.redirect_page(record, language, "https://example.org/", "../favicon.svg")
    status_export.to_json(records)
    status_export.to_csv(records)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False)


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
documents = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_arbitrary_yaml_documents(document: Any) -> None:
    check(dump(document))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text(source: str) -> None:
    check(source)


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
def test_deep_nesting(monkeypatch: pytest.MonkeyPatch, loader: type) -> None:
    # libyaml refuses deep nesting itself; the pure-Python loader (used when PyYAML was built
    # without libyaml) recurses until Python stops it.
    monkeypatch.setattr(status_table, "SafeLoader", loader)
    for depth in (50, 1000, 100_000):
        check("[" * depth + "]" * depth)
        check("{a: " * depth + "1" + "}" * depth)
    check("- code:\n" + "".join(f"{'  ' * (i + 1)}- a:\n" for i in range(3000)))


# --- mutations of the real table --------------------------------------------------------------

PATHS = [
    ("code",),
    ("constant",),
    ("drf_since",),
    ("standard_name",),
    ("spec",),
    ("spec", "url"),
    ("spec", "section"),
    ("python",),
    ("python", "3.11"),
    ("python", "since"),
    ("django",),
    ("drf_exceptions",),
    ("flags",),
    ("wrong_names",),
    ("related",),
    ("zh",),
    ("en",),
    ("zh", "title"),
    ("zh", "summary"),
    ("zh", "usage"),
    ("zh", "drf"),
    ("en", "title"),
    ("en", "summary"),
    ("en", "usage"),
    ("en", "drf"),
    ("wild",),
    ("wild", "source"),
    ("wild", "constant"),
]
NASTY_VALUES = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        99,
        600,
        409,
        -1,
        409.0,
        "409",
        "",
        "   ",
        "\t\n",
        [],
        {},
        [409],
        {"x": 1},
        "x" * 100_000,
        "冲突" * 50_000,
        "\u200b",
        "a\u202eb",
        "\u2066x\u2069",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "{ #http_404 }",
        "## x",
        "---",
        "HTTP_410_GONE",
        "https://evil.example/",
        "http://www.rfc-editor.org/",
        "unused",
        [[[[[[[[[[["deep"]]]]]]]]]]],
    ]
)


def get_parent(entry: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any] | None:
    holder: Any = entry
    for key in path[:-1]:
        if not isinstance(holder, dict) or key not in holder:
            return None
        holder = holder[key]
    return holder if isinstance(holder, dict) else None


mutation = st.tuples(
    st.sampled_from(["drop", "rename", "retype", "duplicate", "code"]),
    st.integers(min_value=0, max_value=len(REAL) - 1),
    st.sampled_from(PATHS),
    NASTY_VALUES,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutations_of_the_real_table(
    mutations: list[tuple[str, int, tuple[str, ...], Any]],
) -> None:
    data = copy.deepcopy(REAL)
    for kind, index, path, value in mutations:
        index %= len(data)
        if kind == "duplicate":
            data.append(copy.deepcopy(data[index]))
            continue
        if kind == "code":
            data[index]["code"] = value
            continue
        parent = get_parent(data[index], path)
        if parent is None or path[-1] not in parent:
            continue
        if kind == "drop":
            del parent[path[-1]]
        elif kind == "rename":
            parent[path[-1] + "x"] = parent.pop(path[-1])
        else:
            parent[path[-1]] = value
    check(dump(data))


def test_real_table_renders() -> None:
    check(dump(REAL))
