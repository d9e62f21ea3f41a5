"""The query sets for search are well formed: the development sets (tests/search_queries/*.yml)
and the held-out ones (tests/search_queries/heldout/*.yml, which the benchmark measures)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import status_table
import yaml
from conftest import LANGUAGES, ROOT

QUERIES = ROOT / "tests" / "search_queries"
FIELDS = {"query", "codes", "kind"}
KINDS = ("situation", "message", "symptom")
MIN_QUERIES = 100
MIN_PER_KIND = {"situation": 50, "message": 35, "symptom": 25}


HELD_OUT = QUERIES / "heldout"


def load(language: str, folder: Path = QUERIES) -> list[dict[str, Any]]:
    data = yaml.safe_load((folder / f"{language}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{folder.name}/{language}.yml: expected a list of mappings"
    return data


@pytest.fixture(scope="module")
def table() -> list[status_table.StatusCode]:
    return status_table.load_table(ROOT / "docs" / "codes.yml")


def normalized(query: str) -> str:
    return " ".join(query.casefold().split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_entries_have_the_three_fields(language: str) -> None:
    problems = []
    for index, entry in enumerate(load(language), start=1):
        if not isinstance(entry, dict) or set(entry) != FIELDS:
            problems.append(f"#{index}: expected exactly {sorted(FIELDS)}, got {entry!r}")
            continue
        query, codes, kind = entry["query"], entry["codes"], entry["kind"]
        if not isinstance(query, str) or not query.strip() or query != query.strip():
            problems.append(f"#{index}: query must be a non-empty string without outer spaces")
        if (
            not isinstance(codes, list)
            or not codes
            or any(type(code) is not int for code in codes)
            or len(set(codes)) != len(codes)
        ):
            problems.append(f"#{index} {query!r}: codes must be a non-empty list of integers")
        if kind not in KINDS:
            problems.append(f"#{index} {query!r}: kind must be one of {KINDS}, got {kind!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_enough_queries_of_each_kind(language: str) -> None:
    entries = load(language)
    kinds = Counter(entry["kind"] for entry in entries)
    assert len(entries) >= MIN_QUERIES
    for kind, minimum in MIN_PER_KIND.items():
        assert kinds[kind] >= minimum, f"{language}: {kinds[kind]} {kind} queries, want {minimum}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_is_in_the_table(language: str, table: list[status_table.StatusCode]) -> None:
    known = {record.code for record in table}
    unknown = [
        (entry["query"], code)
        for entry in load(language)
        for code in entry["codes"]
        if code not in known
    ]
    assert not unknown


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_duplicate_queries(language: str) -> None:
    counts = Counter(normalized(entry["query"]) for entry in load(language))
    assert not [query for query, count in counts.items() if count > 1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_query_is_a_number_a_constant_or_a_standard_name(
    language: str, table: list[status_table.StatusCode]
) -> None:
    """Numbers, constants and official names are tested elsewhere; these queries are phrasings."""
    drf = [r for r in table if isinstance(r, status_table.DrfCode)]
    names = {normalized(r.constant) for r in drf}
    names |= {normalized(f"status.{r.constant}") for r in drf}
    names |= {normalized(r.standard_name) for r in drf if r.standard_name}
    bad = [
        entry["query"]
        for entry in load(language)
        if re.fullmatch(r"\d+", entry["query"].strip()) or normalized(entry["query"]) in names
    ]
    assert not bad


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_out_queries_are_well_formed_and_new(
    language: str, table: list[status_table.StatusCode]
) -> None:
    """Held-out queries name codes of the table, and none is a development query: a query in
    both would be tuned for, and the held-out figure would no longer say how search does on
    queries nobody tuned for."""
    codes = {record.code for record in table}
    development = {normalized(entry["query"]) for entry in load(language)}
    entries = load(language, HELD_OUT)
    assert len(entries) >= 50
    for entry in entries:
        assert isinstance(entry, dict) and set(entry) == FIELDS, entry
        assert entry["kind"] in KINDS and entry["codes"], entry
        assert set(entry["codes"]) <= codes, entry
        assert normalized(entry["query"]) not in development, entry


@pytest.mark.parametrize("folder", [QUERIES, HELD_OUT], ids=["development", "held-out"])
def test_english_queries_hold_no_chinese(folder: Path) -> None:
    """A query with Chinese characters is typed on the Chinese site, where search reads Chinese
    words; on the English site it would count a miss that no reader meets. Such queries belong to
    the Chinese sets."""
    assert not [e["query"] for e in load("en", folder) if status_table.HAN.search(e["query"])]
