"""The site in headless Chromium: search per language, anchors, the language switch, offline use."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import CLASS_PAGES, LANGUAGE_PREFIX, LANGUAGES, OTHER_PAGES, search, switch_language
from project import RUN_QUERIES
from site_urls import page_name
from status_table import DrfCode, StatusCode


def queries_for(record: StatusCode, language: str) -> list[str]:
    """What a reader types to find a code: its number, constant, English names, Chinese term."""
    if isinstance(record, DrfCode):
        constant, names = record.constant, (record.standard_name, record.former_name)
    else:
        constant, names = record.wild.constant, (None, None)
    queries = [str(record.code), constant, record.text["en"].title]
    for name in names:
        if name and not name.startswith("("):  # "(Unused)" is a registry remark, not a name
            queries.append(name)
    if language == "zh":
        queries.append(record.text["zh"].title)
    return list(dict.fromkeys(queries))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_is_the_top_search_result(
    page: Any, server: str, all_records: list[StatusCode], language: str
) -> None:
    page.goto(f"{server}/{LANGUAGE_PREFIX[language]}")
    expected = {}
    for record in all_records:  # the codes met in the wild too
        target = f"/{LANGUAGE_PREFIX[language]}{page_name(record)}/#{record.anchor}"
        for query in queries_for(record, language):
            expected[query] = target
    answers = page.evaluate(RUN_QUERIES, list(expected))
    wrong = {
        query: (target, answers[query][:3])
        for query, target in expected.items()
        if not answers[query] or answers[query][0] != target
    }
    assert not wrong, f"{len(wrong)} of {len(expected)} queries miss: {wrong}"


@pytest.mark.parametrize(
    ("language", "query", "target"),
    [
        ("zh", "409", "/4xx/#http_409"),
        ("zh", "冲突", "/4xx/#http_409"),
        ("zh", "HTTP_409_CONFLICT", "/4xx/#http_409"),
        ("en", "Conflict", "/en/4xx/#http_409"),
        ("en", "Unprocessable Content", "/en/4xx/#http_422"),
        ("en", "Too Many Requests", "/en/4xx/#http_429"),
    ],
)
def test_search_box_finds_the_section(
    page: Any, server: str, language: str, query: str, target: str
) -> None:
    page.goto(f"{server}/{LANGUAGE_PREFIX[language]}2xx/")
    results = search(page, query)
    sections = [href for href in results if not href.endswith("#")]
    assert sections[0] == target
    # Results stay in the page's language.
    for href in results:
        assert href.startswith("/en/") == (language == "en"), href


def test_chinese_word_of_a_summary_is_found(page: Any, server: str, records: list[DrfCode]) -> None:
    # "矛盾" (contradicts) is in 409's one-sentence summary, which search indexes, and in no title.
    record = next(record for record in records if record.code == 409)
    assert "矛盾" in record.text["zh"].summary and "矛盾" not in record.text["zh"].title
    page.goto(f"{server}/")
    results = search(page, "矛盾")
    assert "/4xx/#http_409" in results


@pytest.mark.parametrize("language", LANGUAGES)
def test_other_names_of_a_code_find_it(
    page: Any, server: str, all_records: list[StatusCode], language: str
) -> None:
    """Python's and Django's names, DRF's exceptions and the wrong constants readers bring along:
    each finds its code's section, first when no other code shares the name."""
    holders: dict[str, list[str]] = {}
    for record in all_records:
        if not isinstance(record, DrfCode):
            continue  # a code DRF does not define has no other names
        names = [*record.python.py311, *record.python.py313, *record.django, *record.drf_exceptions]
        names += [wrong.name for wrong in record.wrong_names]
        for name in dict.fromkeys(names):
            target = f"/{LANGUAGE_PREFIX[language]}{page_name(record)}/#{record.anchor}"
            holders.setdefault(name, []).append(target)
    assert {"HTTP_307_RESERVED", "HttpResponseNotFound", "Throttled", "CONTENT_TOO_LARGE"} <= set(
        holders
    )
    page.goto(f"{server}/{LANGUAGE_PREFIX[language]}")
    answers = page.evaluate(RUN_QUERIES, list(holders))
    wrong = {
        name: (targets, answers[name][:3])
        for name, targets in holders.items()
        if set(answers[name][: len(targets)]) != set(targets)
    }
    assert not wrong, f"{len(wrong)} of {len(holders)} names miss: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_anchor_lands_just_below_the_header(page: Any, server: str, language: str) -> None:
    page.goto(f"{server}/{LANGUAGE_PREFIX[language]}4xx/#http_409")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # Material settles the layout after load
    header_bottom = page.locator("header.md-header").bounding_box()["height"]
    top = page.locator("#http_409").bounding_box()["y"]
    assert header_bottom - 1 <= top <= header_bottom + 60, (header_bottom, top)


@pytest.mark.parametrize(
    ("path", "anchor"),
    [
        ("4xx/", "#ex-throttled"),
        ("en/4xx/", "#ex-unsupported-media-type"),
        ("en/5xx/", "#http_511"),
    ],
)
def test_anchor_deep_in_a_page_lands_on_it(page: Any, server: str, path: str, anchor: str) -> None:
    """The sections above the target are laid out only near the screen (content-visibility in
    site.css); a link into the middle of a page still lands on its target, and stays there."""
    page.goto(f"{server}/{path}{anchor}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    header_bottom = page.locator("header.md-header").bounding_box()["height"]
    top = page.locator(anchor).bounding_box()["y"]
    assert header_bottom - 1 <= top <= header_bottom + 60, (header_bottom, top)


@pytest.mark.parametrize(("language", "copied"), [("zh", "已复制"), ("en", "Copied to clipboard")])
def test_constant_copy_button_copies_the_constant(
    browser: Any, server: str, language: str, copied: str
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{server}/{LANGUAGE_PREFIX[language]}4xx/#http_409")
        button = page.locator("#http_409 + .status-constant button")
        button.click()
        assert page.evaluate("navigator.clipboard.readText()") == "status.HTTP_409_CONFLICT"
        # Material's clipboard handler answered the click: its notice says so.
        assert page.locator(".md-dialog__inner").inner_text() == copied
    finally:
        context.close()


@pytest.mark.parametrize(
    ("start", "choice", "landing"),
    [
        ("/4xx/#http_409", "English", "/en/4xx/#http_409"),
        ("/en/4xx/#http_409", "简体中文", "/4xx/#http_409"),
        ("/en/5xx/#http_503", "简体中文", "/5xx/#http_503"),
        ("/", "English", "/en/"),
    ],
)
def test_language_switch_keeps_the_code(
    page: Any, server: str, start: str, choice: str, landing: str
) -> None:
    page.goto(f"{server}{start}")
    assert switch_language(page, choice) == landing
    if "#" in landing:
        page.wait_for_timeout(300)
        top = page.locator(landing[landing.index("#") :]).bounding_box()["y"]
        assert 0 <= top <= 200


def test_no_request_leaves_the_machine_and_none_fails(page: Any, server: str) -> None:
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: response.status < 400 or failed.append(response.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    for language in LANGUAGES:
        for name in ("", *(f"{p}/" for p in (*CLASS_PAGES, *OTHER_PAGES))):
            page.goto(f"{server}/{LANGUAGE_PREFIX[language]}{name}")
            page.wait_for_load_state("networkidle")
        search(page, "409")
    hosts = {urlsplit(url).netloc for url in requested if urlsplit(url).scheme in ("http", "https")}
    assert hosts == {urlsplit(server).netloc}, hosts
    assert len(requested) > 20
    assert not failed, failed


MISSING_PAGES = {
    # language: (heading, title and site name, home page)
    "zh": ("404 页面不存在", "DRF 状态码参考", "/"),
    "en": ("404 Page not found", "DRF Status Code Reference", "/en/"),
}


@pytest.mark.parametrize(
    ("path", "language"),
    [("/nope/", "zh"), ("/a/b/c.html", "zh"), ("/en/nope/", "en"), ("/en/a/b/c", "en")],
)
def test_missing_page_shows_the_language_404(
    page: Any, server: str, path: str, language: str
) -> None:
    """The host answers every missing path with the root 404.html; its script shows the message
    of the path's language and gives the page that language, title, site name and home links."""
    heading, title, home = MISSING_PAGES[language]
    response = page.goto(f"{server}{path}")
    assert response.status == 404
    assert page.locator("article h1:visible").all_inner_texts() == [heading]
    assert page.evaluate("document.documentElement.lang") == language
    assert page.title() == title
    assert page.locator(".md-header__topic .md-ellipsis").first.inner_text() == title
    # The 404 page's assets load from the site root whatever the depth of the missing URL.
    assert page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.locator("link[rel=stylesheet]").first.evaluate("link => link.sheet !== null")
    assert urlsplit(page.locator("a.md-logo").first.evaluate("a => a.href")).path == home
    page.locator("article a:visible").click()
    page.wait_for_url(f"{server}{home}")


@pytest.mark.parametrize(("path", "target"), [("/nope/", "/4xx/"), ("/en/nope/", "/en/4xx/")])
def test_404_searches_the_language_of_the_path(
    page: Any, server: str, path: str, target: str
) -> None:
    page.goto(f"{server}{path}")
    assert f"{target}#http_409" in search(page, "409")


def test_404_without_javascript_shows_both_languages(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        response = page.goto(f"{server}/en/nope/")
        assert response.status == 404
        headings = page.locator("article h1:visible").all_inner_texts()
        assert headings == [MISSING_PAGES["zh"][0], MISSING_PAGES["en"][0]]
    finally:
        context.close()


@pytest.mark.parametrize(
    ("language", "query", "target"),
    [
        ("en", 'Method "PATCH" not allowed.', "/en/4xx/#http_405"),
        ("en", "CSRF Failed: CSRF token missing.", "/en/4xx/#http_403"),
        ("zh", "身份认证信息未提供。", "/4xx/#http_401"),
        ("zh", "token过期", "/4xx/#http_401"),
        ("zh", "乐观锁", "/4xx/#http_409"),
    ],
)
def test_the_search_box_finds_a_situation_or_a_pasted_message(
    page: Any, server: str, language: str, query: str, target: str
) -> None:
    """Through the real search box: quotes in a pasted message, Chinese glued to Latin letters
    and the last character of a Chinese query all count (assets/javascripts/workers/)."""
    page.goto(f"{server}/{LANGUAGE_PREFIX[language]}")
    results = search(page, query)
    sections = [href for href in results if not href.endswith("#")]
    assert target in sections[:2], sections[:5]
    # The whole-name token the script adds to a query is never shown as a missing word.
    listing = page.locator(".md-search-result").inner_text()
    assert "zq" not in listing
    # The index's stand-in for U+200B (search_split.WORD_BREAK_STAND_IN) is turned back in time.
    assert "\x7f" not in listing and "\x7f" not in page.locator(".md-search-result").inner_html()
