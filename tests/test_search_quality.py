"""Search quality, measured by what people type (tests/search_queries/*.yml), not by the table.

Every query runs through Material's own search worker against the built per-language index, as
the other search tests do. Targets: the first result is a section of an acceptable code for at
least 95 % of the queries of each language, and one is among the first three for every query.
The figures and every miss are printed (`pytest -s`, or in the failure message).
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import LANGUAGE_PREFIX, LANGUAGES
from project import RUN_QUERIES
from site_urls import page_name
from status_table import StatusCode
from test_search_queries import load

FIRST = 0.95
TOP = 3


def ranking(page: Any, server: str, language: str) -> dict[str, list[str]]:
    page.goto(f"{server}/{LANGUAGE_PREFIX[language]}")
    queries = [entry["query"] for entry in load(language)]
    return page.evaluate(RUN_QUERIES, queries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_situations_and_messages_find_the_code(
    page: Any, server: str, all_records: list[StatusCode], language: str
) -> None:
    by_code = {record.code: record for record in all_records}
    prefix = f"/{LANGUAGE_PREFIX[language]}"
    answers = ranking(page, server, language)
    first = top = 0
    misses = []
    entries = load(language)
    for entry in entries:
        targets = {
            f"{prefix}{page_name(by_code[code])}/#{by_code[code].anchor}" for code in entry["codes"]
        }
        found = answers[entry["query"]]
        first += bool(found) and found[0] in targets
        top += bool(set(found[:TOP]) & targets)
        if not found or found[0] not in targets:
            misses.append(f"{entry['query']!r} → {found[:3]} (want {sorted(entry['codes'])})")
    report = (
        f"{language}: {first}/{len(entries)} first ({first / len(entries):.1%}), "
        f"{top}/{len(entries)} in the first {TOP}; misses:\n  " + "\n  ".join(misses)
    )
    print(report)
    assert first >= FIRST * len(entries) and top == len(entries), report
