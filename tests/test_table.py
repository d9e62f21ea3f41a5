"""The table loader: the real table loads, and every kind of bad input is named precisely."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import status_table
import yaml
from status_table import TableError, parse_table

PATH = "docs/codes.yml"


def entry(code: int = 409, constant: str = "HTTP_409_CONFLICT", **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "code": code,
        "constant": constant,
        "drf_since": "0.1",
        "standard_name": "Conflict",
        "spec": {
            "doc": "RFC 9110",
            "section": "15.5.10",
            "url": "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        },
        "python": {"3.11": ["CONFLICT"], "3.13": ["CONFLICT"], "since": None},
        "django": [],
        "django_preserve_request": None,
        "drf_exceptions": [],
        "flags": [],
        "wrong_names": [],
        "related": [],
        "zh": {"title": f"冲突{code}", "summary": "请求与资源状态冲突。", "usage": "用于冲突。"},
        "en": {"title": f"Conflict {code}", "summary": "It conflicts.", "usage": "Use it."},
    }
    base.update(changes)
    return base


def problems_for(entries: list[Any]) -> list[str]:
    with pytest.raises(TableError) as caught:
        parse_table(yaml.safe_dump(entries, allow_unicode=True), PATH)
    message = str(caught.value)
    assert message.startswith(f"{PATH}: "), message
    return caught.value.problems


def test_real_table_has_every_drf_constant_once(records: list[status_table.DrfCode]) -> None:
    assert len(records) == 64
    assert [record.code for record in records] == sorted({record.code for record in records})


def test_valid_entry_loads_into_typed_record() -> None:
    (record,) = parse_table(yaml.safe_dump([entry()], allow_unicode=True), PATH)
    assert record.code == 409
    assert record.anchor == "http_409"
    assert record.status_class == 4
    assert record.spec is not None and record.spec.section == "15.5.10"
    assert record.text["en"].title == "Conflict 409"
    assert record.text["zh"].drf is None


def test_yaml_syntax_error_names_the_line() -> None:
    source = "- code: 409\n  constant: [unclosed\n  drf_since: '0.1'\n"
    with pytest.raises(TableError) as caught:
        parse_table(source, PATH)
    (problem,) = caught.value.problems
    assert problem.startswith("line 3, column ")
    assert "YAML syntax error" in problem


def test_top_level_must_be_a_list() -> None:
    with pytest.raises(TableError, match="expected a non-empty list of entries, got a mapping"):
        parse_table("code: 409\n", PATH)


def test_missing_field_is_named() -> None:
    broken = entry()
    del broken["constant"]
    assert problems_for([broken]) == ["entry 409 (#1), field 'constant': missing"]


def test_wrong_field_type_is_named() -> None:
    assert problems_for([entry(django="HttpResponse")]) == [
        "entry 409 (#1), field 'django': expected a list, got text"
    ]


@pytest.mark.parametrize(
    ("code", "description"),
    [("409", "text"), (409.0, "a number"), (True, "a boolean"), (None, "nothing")],
)
def test_code_must_be_an_integer(code: Any, description: str) -> None:
    problems = problems_for([entry(code=code)])
    assert problems == [f"entry #1, field 'code': expected an integer, got {description}"]


@pytest.mark.parametrize("code", [99, 600, -409])
def test_code_outside_range(code: int) -> None:
    problems = problems_for([entry(code=code, constant=f"HTTP_{code}_X")])
    assert f"entry {code} (#1), field 'code': {code} is outside 100-599" in problems


def test_duplicated_code_points_at_the_first() -> None:
    problems = problems_for(
        [entry(), entry(zh={"title": "别的", "summary": "摘要。", "usage": "用法。"})]
    )
    assert problems == ["entry 409 (#2), field 'code': duplicate of entry #1"]


def test_constant_must_match_code() -> None:
    assert problems_for([entry(constant="HTTP_410_GONE")]) == [
        "entry 409 (#1), field 'constant': HTTP_410_GONE does not match code 409 "
        "(expected HTTP_409_...)"
    ]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_missing_language_block(language: str) -> None:
    broken = entry()
    del broken[language]
    assert problems_for([broken]) == [f"entry 409 (#1), field '{language}': missing"]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("field", ["title", "summary"])
def test_missing_title_or_summary(language: str, field: str) -> None:
    broken = entry()
    del broken[language][field]
    assert problems_for([broken]) == [f"entry 409 (#1), field '{language}.{field}': missing"]


def test_empty_and_whitespace_text_is_rejected() -> None:
    broken = entry()
    broken["en"]["summary"] = "   \n "
    assert problems_for([broken]) == ["entry 409 (#1), field 'en.summary': is empty"]


def test_text_in_the_wrong_language_is_a_missing_translation() -> None:
    broken = entry()
    broken["zh"]["summary"] = "The request conflicts."
    broken["en"]["usage"] = "冲突。"
    assert problems_for([broken]) == [
        "entry 409 (#1), field 'zh.summary': Chinese text contains no Chinese characters",
        "entry 409 (#1), field 'en.usage': English text contains Chinese characters",
    ]


def test_unknown_fields_catch_typos() -> None:
    broken = entry(sumary="x")
    broken["en"]["titel"] = "x"
    assert problems_for([broken]) == [
        "entry 409 (#1), field 'sumary': unknown field",
        "entry 409 (#1), field 'en.titel': unknown field",
    ]


def test_spec_link_must_be_https_on_an_allowed_host() -> None:
    plain = entry()
    plain["spec"]["url"] = "http://www.rfc-editor.org/rfc/rfc9110"
    elsewhere = entry(code=410, constant="HTTP_410_GONE")
    elsewhere["spec"]["url"] = "https://example.com/rfc9110"
    problems = problems_for([plain, elsewhere])
    assert problems[0] == (
        "entry 409 (#1), field 'spec.url': 'http://www.rfc-editor.org/rfc/rfc9110' "
        "is not an https link"
    )
    assert problems[1].startswith(
        "entry 410 (#2), field 'spec.url': host 'example.com' is not one of"
    )


def test_references_must_exist() -> None:
    problems = problems_for(
        [entry(related=[409, 999], wrong_names=[{"name": "HTTP_409", "confused_with": 408}])]
    )
    assert problems == [
        "entry 409 (#1), field 'related[0]': refers to itself",
        "entry 409 (#1), field 'related[1]': 999 is not in the table",
        "entry 409 (#1), field 'wrong_names[0].confused_with': 408 is not in the table",
    ]


def test_a_term_may_not_be_another_codes_name() -> None:
    """Search ranks a code's section first for its names; a term spelled like another code's
    name (in either language, in any case) would take that search from it."""
    conflict = entry()
    gone = entry(410, "HTTP_410_GONE", standard_name="Gone")
    gone["en"] = {**gone["en"], "terms": ["conflict 409"]}
    gone["zh"] = {**gone["zh"], "terms": ["冲突409", "资源已删除"]}
    assert problems_for([conflict, gone]) == [
        "entry 410 (#2), field 'zh.terms[0]': '冲突409' is the name of entry 409, "
        "which search must find first",
        "entry 410 (#2), field 'en.terms[0]': 'conflict 409' is the name of entry 409, "
        "which search must find first",
    ]


def test_every_problem_is_reported_at_once() -> None:
    first = entry(constant="HTTP_410_GONE")
    second = copy.deepcopy(entry(code=700, constant="HTTP_700_X"))
    del second["en"]
    problems = problems_for([first, second, "not a mapping"])
    assert problems == [
        "entry 409 (#1), field 'constant': HTTP_410_GONE does not match code 409 "
        "(expected HTTP_409_...)",
        "entry 700 (#2), field 'code': 700 is outside 100-599",
        "entry 700 (#2), field 'en': missing",
        "entry #3: expected a mapping, got text",
    ]


def test_unreadable_file_is_a_table_error(tmp_path: Any) -> None:
    missing = tmp_path / "codes.yml"
    with pytest.raises(TableError, match="cannot read the file"):
        status_table.load_table(missing)


def test_real_table_titles_are_unique_per_language(records: list[status_table.DrfCode]) -> None:
    for language in ("zh", "en"):
        titles = [record.text[language].title for record in records]
        assert len(set(titles)) == len(titles)


def test_every_class_must_have_codes() -> None:
    records = parse_table(yaml.safe_dump([entry()], allow_unicode=True), PATH)
    with pytest.raises(TableError) as caught:
        status_table.require_classes(records, [1, 4, 5], PATH)
    assert caught.value.problems == [
        "no entries for the 1xx class, which has a page",
        "no entries for the 5xx class, which has a page",
    ]


def test_invisible_characters_are_refused() -> None:
    broken = entry()
    broken["en"]["summary"] = "Looks fine\u202e but is reversed."
    broken["zh"]["title"] = "冲\u200b突"
    assert problems_for([broken]) == [
        "entry 409 (#1), field 'zh.title': contains the invisible character U+200B",
        "entry 409 (#1), field 'en.summary': contains the invisible character U+202E",
    ]
