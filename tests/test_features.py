"""Short links, the data export, the name cross-reference and the appendix of wild codes."""

from __future__ import annotations

import csv
import http
import io
import json
import sys
from typing import Any
from urllib.parse import urlsplit

import pytest
import rest_framework
import status_export
from conftest import LANGUAGE_PREFIX, LANGUAGES, Site
from rest_framework import status
from site_urls import page_name
from status_table import HAN, DrfCode, StatusCode, WildCode

# --- short links ----------------------------------------------------------------------------


def test_every_code_has_a_short_link(site: Site, all_records: list[StatusCode]) -> None:
    for language in LANGUAGES:
        for record in all_records:
            soup = site.soup(language, f"{record.code}/index.html")
            target = f"../{page_name(record)}/#{record.anchor}"
            refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
            assert refresh == f"0; url={target}"
            canonical = soup.find("link", rel="canonical")["href"]
            assert canonical.endswith(
                f"/{LANGUAGE_PREFIX[language]}{page_name(record)}/#{record.anchor}"
            )
            assert soup.find("a")["href"] == target
            assert soup.html["lang"] == language
            assert soup.title.get_text() == f"{record.code} {record.text[language].title}"


@pytest.mark.parametrize(
    ("path", "landing"),
    [
        ("/409/", "/4xx/#http_409"),
        ("/en/409/", "/en/4xx/#http_409"),
        ("/en/100/", "/en/1xx/#http_100"),
    ],
)
def test_short_link_lands_on_the_heading_without_javascript(
    browser: Any, server: str, path: str, landing: str
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto(f"{server}{path}")
        page.wait_for_url(f"**{landing}")
        url = urlsplit(page.url)
        assert f"{url.path}#{url.fragment}" == landing
        top = page.locator(f"#{url.fragment}").bounding_box()["y"]
        assert 0 <= top <= 200
    finally:
        context.close()


def test_unknown_code_short_link_is_a_404(page: Any, server: str) -> None:
    response = page.goto(f"{server}/en/419/")
    assert response.status == 404
    assert page.locator("article h1:visible").all_inner_texts() == ["404 Page not found"]


# --- data export ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(site: Site) -> tuple[dict[str, Any], list[dict[str, str]]]:
    document = json.loads((site.root / "codes.json").read_text(encoding="utf-8"))
    # utf-8-sig: the file starts with a byte order mark, for Excel (see test_site.py).
    text = (site.root / "codes.csv").read_text(encoding="utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    return document, table


def test_export_matches_installed_drf(
    exported: tuple[dict[str, Any], list[dict[str, str]]],
) -> None:
    document, _ = exported
    assert document["drf_version"] == rest_framework.VERSION
    constants = {name: value for name, value in vars(status).items() if name.startswith("HTTP_")}
    assert {row["constant"]: row["code"] for row in document["codes"]} == constants
    python_key = "python_3_13" if sys.version_info >= (3, 13) else "python_3_11"
    for row in document["codes"]:
        if row[python_key]:
            assert http.HTTPStatus(row["code"]).name == row[python_key][0]
        assert row["class"] == f"{row['code'] // 100}xx"


def test_export_matches_the_table(
    exported: tuple[dict[str, Any], list[dict[str, str]]], records: list[DrfCode]
) -> None:
    document, _ = exported
    by_code = {record.code: record for record in records}
    assert [row["code"] for row in document["codes"]] == sorted(by_code)
    for row in document["codes"]:
        record = by_code[row["code"]]
        assert row["title_zh"] == record.text["zh"].title
        assert row["summary_en"] == record.text["en"].summary
        assert row["spec_url"] == (record.spec.url if record.spec else None)
        assert row["python_3_13"] == list(record.python.py313)
        assert row["django"] == list(record.django)
        assert row["drf_exceptions"] == list(record.drf_exceptions)
        assert row["flags"] == list(record.flags)
        assert row["drf_since"] == record.drf_since
        assert row["url_en"] == f"en/{record.status_class}xx/#{record.anchor}"


def test_csv_has_the_same_rows_as_json(
    exported: tuple[dict[str, Any], list[dict[str, str]]],
) -> None:
    document, table = exported
    assert len(table) == len(document["codes"])
    for row, line in zip(document["codes"], table, strict=True):
        assert list(line) == list(row)
        for key, value in row.items():
            if isinstance(value, list):
                assert line[key].split() == value, key
            else:
                assert line[key] == ("" if value is None else str(value)), key


def test_schema_page_documents_every_field(
    site: Site, exported: tuple[dict[str, Any], list[dict[str, str]]]
) -> None:
    document, _ = exported
    for language in LANGUAGES:
        table = site.soup(language, "export/index.html").select("article table")[-1]
        documented = [row.find("code").get_text() for row in table.select("tbody tr")]
        assert documented == list(document["codes"][0])
    assert [field.name for field in status_export.FIELDS] == list(document["codes"][0])


# --- name cross-reference ----------------------------------------------------------------


def test_cross_reference_has_a_row_per_code(site: Site, records: list[DrfCode]) -> None:
    for language in LANGUAGES:
        table = site.soup(language, "xref/index.html").select_one("article table")
        rows = table.select("tbody tr")
        assert [row.find("a")["href"] for row in rows] == [
            f"../{record.status_class}xx/#{record.anchor}" for record in records
        ]
        cells = {
            int(row.find("a").get_text()): [td.get_text() for td in row.find_all("td")]
            for row in rows
        }
        # Drift is marked where RFC 9110 and Python 3.13 renamed a code but DRF did not; the
        # old member name, still an alias on 3.13, follows the new one.
        alias = {"zh": "（别名）", "en": " (alias)"}[language]
        for code, new_name, old_name in [
            (413, "CONTENT_TOO_LARGE", "REQUEST_ENTITY_TOO_LARGE"),
            (422, "UNPROCESSABLE_CONTENT", "UNPROCESSABLE_ENTITY"),
        ]:
            assert cells[code][5] == f"{new_name} ≠{old_name}{alias}"
            assert cells[code][3].endswith("≠") and not cells[code][4].endswith("≠")
        assert cells[409][3] == "Conflict" and cells[409][2] == "0.1"
        assert cells[306][4] == "—" and cells[418][6] == "3.9"


# --- codes met in the wild -----------------------------------------------------------------


def test_wild_codes_are_documented_and_not_in_drf(site: Site, wild_records: list[WildCode]) -> None:
    assert {104, 444, 499, 520, 530, 599} <= {record.code for record in wild_records}
    drf_codes = {value for name, value in vars(status).items() if name.startswith("HTTP_")}
    for record in wild_records:
        assert record.code not in drf_codes
        for language in LANGUAGES:
            soup = site.soup(language, "wild/index.html")
            heading = soup.find("h2", id=record.anchor)
            assert heading is not None, (language, record.code)
            # The notice is the first block after the heading, kept out of search in a <section>.
            warning = heading.find_next_sibling("section").find("div", class_="warning")
            assert "rest_framework.status" in warning.find(class_="admonition-title").get_text()
            assert (
                warning.find("pre").get_text().strip() == f"{record.wild.constant} = {record.code}"
            )
            assert record.wild.source in warning.get_text()


def test_wild_page_snippets_work() -> None:
    from wild import own_codes

    assert status.is_server_error(own_codes.HTTP_599_NETWORK_CONNECT_TIMEOUT_ERROR)
    assert own_codes.upstream_failure(599).status_code == status.HTTP_504_GATEWAY_TIMEOUT
    assert own_codes.upstream_failure(520).status_code == status.HTTP_502_BAD_GATEWAY


def test_wild_titles_do_not_reuse_drf_titles(all_records: list[StatusCode]) -> None:
    for language in LANGUAGES:
        titles = [record.text[language].title for record in all_records]
        assert len(set(titles)) == len(titles)
    assert all(HAN.search(record.text["zh"].title) for record in all_records)


def test_new_pages_are_in_the_navigation(site: Site) -> None:
    for language in LANGUAGES:
        nav = site.soup(language, "index.html").select("nav.md-nav--primary a.md-nav__link")
        hrefs = [a["href"] for a in nav]
        for name in ("guide/", "xref/", "wild/", "export/"):
            assert any(href.endswith(name) for href in hrefs), (language, name, hrefs)
