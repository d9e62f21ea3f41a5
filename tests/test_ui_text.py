"""The interface strings (hooks/ui_text.py) exist in both languages, key for key."""

from __future__ import annotations

import string
from collections.abc import Mapping

import pytest
import ui_text
from status_table import LANGUAGES


def tables() -> dict[str, Mapping[str, Mapping[str, str]]]:
    """Every table of the module: each public mapping, found by looking, so a new one is checked
    without being listed here."""
    return {
        name: value
        for name, value in vars(ui_text).items()
        if not name.startswith("_") and isinstance(value, Mapping)
    }


def test_the_tables_are_found() -> None:
    assert {"LABELS", "FLAG_LABELS", "EXCHANGE_LABELS", "SCHEMA_LABELS"} <= set(tables())


@pytest.mark.parametrize("name", sorted(tables()))
def test_both_languages_have_the_same_keys(name: str) -> None:
    table = tables()[name]
    assert sorted(table) == sorted(LANGUAGES), (
        f"ui_text.{name}: has the languages {sorted(table)}, expected {sorted(LANGUAGES)}"
    )
    problems = [
        f"ui_text.{name}: key {key!r} is missing in {language!r}; {other!r} has it"
        for language in LANGUAGES
        for other in LANGUAGES
        if other != language
        for key in table[other]
        if key not in table[language]
    ]
    assert not problems, "\n".join(problems)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("name", sorted(tables()))
def test_both_languages_fill_in_the_same_placeholders(name: str) -> None:
    """A {placeholder} one language lacks would drop a fact from its pages, or fail the build."""
    table = tables()[name]
    first, *others = LANGUAGES
    problems = [
        f"ui_text.{name}[{language!r}][{key!r}]: placeholders {sorted(placeholders(text))}, "
        f"but {first!r} has {sorted(placeholders(table[first][key]))}"
        for language in others
        for key, text in table[language].items()
        if key in table[first] and placeholders(text) != placeholders(table[first][key])
    ]
    assert not problems, "\n".join(problems)
