"""Real exchanges and DRF's messages: the site shows what DRF and Django send, nothing typed.

The scenarios run again here, in a fresh process with no cache, and every exchange on the built
pages must be exactly what they return now; the messages must be what the installed DRF says,
looked up here on their own (in this process, with the test settings) rather than through the
build's runner.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import exchange_data
import exchange_render
import pytest
from bs4 import Tag
from conftest import LANGUAGES, ROOT, Site
from django.utils import translation
from rest_framework import exceptions
from site_urls import page_name
from status_table import DrfCode, StatusCode, TableError

DOCS = ROOT / "docs"

# The codes issue "What DRF actually sends" requires an exchange for, at the least.
REQUIRED = {200, 201, 204, 301, 303, 400, 401, 403, 404, 405, 406, 415, 429, 500}


@pytest.fixture(scope="module")
def declared(all_records: list[StatusCode]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    codes = {record.code for record in all_records}
    scenarios = exchange_data.read_scenarios(DOCS / "exchanges.yml", codes)
    messages = exchange_data.read_messages(
        DOCS / "messages.yml", codes, {s["id"] for s in scenarios}
    )
    return scenarios, messages


@pytest.fixture(scope="module")
def fresh(
    declared: tuple[list[dict[str, Any]], list[dict[str, Any]]], records: list[DrfCode]
) -> exchange_data.Exchanges:
    """Every scenario run again now, without the build's cache."""
    scenarios, messages = declared
    job = exchange_data._runner_job(scenarios, messages, exchange_data.facts(records))
    answer = exchange_data.run(job)
    return exchange_data.assemble(scenarios, messages, answer, DOCS / "exchanges.yml")


def shown_exchange(
    site: Site, language: str, scenario: exchange_data.Scenario, home: str
) -> list[str]:
    """The request and the response after the scenario's anchored caption on its home page."""
    caption = site.soup(language, f"{home}/index.html").find(id=scenario.anchor)
    assert isinstance(caption, Tag), f"{scenario.anchor} missing on {language} {home}"
    blocks = caption.find_next_siblings(limit=2)
    assert [(block.name, block.get("class")) for block in blocks] == [("pre", ["exchange"])] * 2
    return [block.find("samp").get_text() for block in blocks]


def test_every_exchange_on_the_site_is_what_drf_sends_now(
    site: Site, fresh: exchange_data.Exchanges, all_records: list[StatusCode]
) -> None:
    by_code = {record.code: record for record in all_records}
    for scenario in fresh.scenarios:
        home = page_name(by_code[scenario.codes[0]])
        for language in LANGUAGES:
            request, response = shown_exchange(site, language, scenario, home)
            assert request.rstrip("\n") == scenario.exchanges[language].request, scenario.id
            expected = exchange_render.response_text(scenario, language)
            assert response.rstrip("\n") == expected, (scenario.id, language)


def test_each_scenario_is_in_the_section_of_every_code_it_names(
    site: Site, fresh: exchange_data.Exchanges, all_records: list[StatusCode]
) -> None:
    """Shown in full in its home section and on other pages; linked from the sections of the
    home's own page, so that a page holds one copy of each exchange."""
    by_code = {record.code: record for record in all_records}
    for scenario in fresh.scenarios:
        home = by_code[scenario.codes[0]]
        for code in scenario.codes:
            record = by_code[code]
            same_page = page_name(record) == page_name(home)
            for language in LANGUAGES:
                soup = site.soup(language, f"{page_name(record)}/index.html")
                heading = soup.find("h2", id=record.anchor)
                following = heading.find_next("h2")
                blocks, links = [], []
                for node in heading.find_all_next():
                    if node is following:
                        break
                    if node.name == "samp":
                        blocks.append(node.get_text())
                    if node.name == "a" and node.get("href"):
                        links.append(node["href"])
                request = scenario.exchanges[language].request
                if code == home.code or not same_page:
                    assert request in blocks, (scenario.id, code, language)
                else:
                    # A link within the page: MkDocs writes it as ./#ex-<id>.
                    assert f"./#{scenario.anchor}" in links, (scenario.id, code, language)
                    assert request not in blocks, (scenario.id, code, language)


def test_the_required_codes_have_exchanges(fresh: exchange_data.Exchanges) -> None:
    shown = {code for scenario in fresh.scenarios for code in scenario.codes}
    assert shown >= REQUIRED, REQUIRED - shown
    # Each required code is also the status of at least one real response, not just a mention.
    statuses = {scenario.status for scenario in fresh.scenarios}
    assert statuses >= REQUIRED, REQUIRED - statuses


def test_chinese_pages_show_drf_speaking_chinese(fresh: exchange_data.Exchanges) -> None:
    scenario = fresh.by_id()["default-auth-anonymous"]
    with translation.override("zh-hans"):
        zh = str(exceptions.NotAuthenticated.default_detail)
    with translation.override("en-us"):
        en = str(exceptions.NotAuthenticated.default_detail)
    assert zh == "身份认证信息未提供。"  # the example the issue gives, from DRF's own catalog
    assert json.loads(scenario.exchanges["zh"].body) == {"detail": zh}
    assert json.loads(scenario.exchanges["en"].body) == {"detail": en}


def test_pages_say_which_setting_produced_the_bodies(site: Site) -> None:
    zh = site.soup("zh", "4xx/index.html").select_one("article").get_text()
    en = site.soup("en", "4xx/index.html").select_one("article").get_text()
    assert 'LANGUAGE_CODE = "zh-hans"' in zh and 'LANGUAGE_CODE = "en-us"' in en


def drf_text(message: dict[str, Any]) -> str:
    """A message looked up in this process, independently of the build's runner."""
    from django.utils.translation import gettext

    if "attribute" in message:
        module_path, *names = message["attribute"].split(".")
        value: Any = None
        for cut in range(len(names), -1, -1):
            try:
                value = importlib.import_module(".".join([module_path, *names[:cut]]))
            except ImportError:
                continue
            for name in names[cut:]:
                value = value[name] if isinstance(value, dict) else getattr(value, name)
            break
        text = str(value)
    elif "exception" in message:
        text = str(getattr(exceptions, message["exception"])(**message.get("args", {})).detail)
    elif "msgid" in message:
        module = importlib.import_module(message["module"])
        assert message["msgid"] in Path(module.__file__).read_text(encoding="utf-8")
        text = gettext(message["msgid"])
    else:
        return ""  # taken from a scenario's response, checked by the exchange tests
    if "percent" in message:
        module, _, name = message["percent"].rpartition(".")
        text = text % getattr(importlib.import_module(module), name)
    return text.format(**message["format"]) if "format" in message else text


def test_messages_are_drf_s_own_in_both_languages(
    declared: tuple[list[dict[str, Any]], list[dict[str, Any]]],
    fresh: exchange_data.Exchanges,
) -> None:
    _, messages = declared
    texts = {message.id: message.text for message in fresh.messages}
    for message in messages:
        for language, code in exchange_data.LANGUAGE_CODES.items():
            with translation.override(code):
                expected = drf_text(message)
            if expected:
                assert texts[message["id"]][language] == expected, (message["id"], language)
    # DRF translates its own messages; a few are never translated, and the page says so.
    assert texts["permission-denied"]["zh"] == "您没有执行该操作的权限。"
    assert texts["csrf-token-missing"]["zh"] == texts["csrf-token-missing"]["en"]


def test_messages_page_lists_every_message_with_its_codes(
    site: Site, fresh: exchange_data.Exchanges, all_records: list[StatusCode]
) -> None:
    by_code = {record.code: record for record in all_records}
    for language in LANGUAGES:
        rows = site.soup(language, "messages/index.html").select("article table tr")
        cells = [[cell for cell in row.find_all("td")] for row in rows if row.find("td")]
        shown = {(row[0].get_text(), row[1].get_text()): row[2] for row in cells}
        for message in fresh.messages:
            key = (message.text["en"], message.text["zh"])
            assert key in shown, (language, message.id)
            links = [a["href"] for a in shown[key].find_all("a")]
            assert links == [
                f"../{page_name(by_code[c])}/#{by_code[c].anchor}" for c in message.codes
            ]


# --- validation ---------------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "exchanges.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_scenario_names_file_entry_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- id: Bad Id\n  status: 700\n  codes: [999]\n  caption: {zh: 说明}\n"
        "  request: {method: get, path: nope}\n  colour: red\n",
    )
    with pytest.raises(TableError) as caught:
        exchange_data.read_scenarios(path, {200, 404})
    message = str(caught.value)
    assert str(path) in message
    for expected in (
        "field 'id'",
        "field 'status'",
        "field 'codes[0]'",
        "field 'caption.en': missing",
        "field 'request.method'",
        "field 'request.path'",
        "field 'colour': unknown field",
    ):
        assert expected in message, expected


def test_a_status_drf_does_not_send_stops_the_build(
    declared: tuple[list[dict[str, Any]], list[dict[str, Any]]],
    fresh: exchange_data.Exchanges,
) -> None:
    scenarios, messages = declared
    answer = {
        "exchanges": {
            s.id: {lang: {**vars(e), "headers": list(e.headers)} for lang, e in s.exchanges.items()}
            for s in fresh.scenarios
        },
        "messages": {m.id: m.text for m in fresh.messages},
        "versions": fresh.versions,
    }
    wrong = [{**scenarios[0], "status": 418}, *scenarios[1:]]
    with pytest.raises(TableError, match=r"declared 418, but DRF answered"):
        exchange_data.assemble(wrong, messages, answer, DOCS / "exchanges.yml")


def test_an_unknown_embedded_scenario_is_an_error(fresh: exchange_data.Exchanges) -> None:
    with pytest.raises(KeyError, match="no-such-scenario"):
        exchange_render.embed(":::exchange no-such-scenario\n", fresh, "en", "page.md")


def test_captions_are_not_part_of_the_cache_key(
    declared: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    scenarios, messages = declared
    edited = [{**scenarios[0], "caption": {"zh": "改过的说明", "en": "Edited"}}, *scenarios[1:]]
    key = exchange_data._cache_key(exchange_data._runner_job(scenarios, messages))
    assert key == exchange_data._cache_key(exchange_data._runner_job(edited, messages))
    moved = [{**scenarios[0], "request": {**scenarios[0]["request"], "path": "/x/"}}]
    assert key != exchange_data._cache_key(exchange_data._runner_job(moved, messages))


# --- the table's facts, checked by the build against the installed DRF, Django and Python --------


def test_the_build_checks_the_table_against_drf_django_and_python(
    records: list[DrfCode],
) -> None:
    facts = exchange_data.facts(records)
    assert (
        exchange_data.run({"facts": facts, "languages": {}, "scenarios": [], "messages": []})[
            "fact_problems"
        ]
        == []
    )
    wrong = [dict(fact) for fact in facts]
    by_code = {fact["code"]: fact for fact in wrong}
    by_code[409]["constant"] = "HTTP_409_CONFLICTS"
    by_code[404]["django"] = ["HttpResponseGone"]
    by_code[429]["drf_exceptions"] = ["NotFound"]
    by_code[413]["python"] = {"3.11": ["CONTENT_TOO_LARGE"], "3.13": ["REQUEST_ENTITY_TOO_LARGE"]}
    by_code[307]["wrong_names"] = ["HTTP_307_TEMPORARY_REDIRECT"]
    answer = exchange_data.run({"facts": wrong, "languages": {}, "scenarios": [], "messages": []})
    problems = answer["fact_problems"]
    expected = [
        "entry 409, field 'constant': rest_framework.status has no HTTP_409_CONFLICTS = 409",
        "entry 404, field 'django[0]': django.http.HttpResponseGone does not send 404",
        "entry 429, field 'drf_exceptions[0]': rest_framework.exceptions.NotFound has no "
        "status_code 429",
        "entry 307, field 'wrong_names[0].name': HTTP_307_TEMPORARY_REDIRECT does exist",
        "rest_framework.status.HTTP_409_CONFLICT = 409 has no entry",
    ]
    for line in expected:
        assert line in problems, (line, problems)
    assert any(p.startswith("entry 413, field 'python.3.") for p in problems), problems
