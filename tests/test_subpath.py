"""The site built for, and served under, a sub-path, as on a GitHub Pages project site."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import (
    CLASS_PAGES,
    LANGUAGE_PREFIX,
    LANGUAGES,
    ROOT,
    run_mkdocs_build,
    search,
    serving,
    switch_language,
)

PREFIX = "/drf-status"


@pytest.fixture(scope="module")
def subpath_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site_dir = tmp_path_factory.mktemp("subpath-site")
    result = run_mkdocs_build(ROOT, site_dir, site_url=f"https://example.org{PREFIX}/")
    assert result.returncode == 0, result.stderr
    with serving(site_dir, PREFIX) as url:
        yield url


def test_every_page_and_asset_loads(page: Any, subpath_server: str) -> None:
    responses: list[tuple[int, str]] = []
    page.on("response", lambda response: responses.append((response.status, response.url)))
    page.on("requestfailed", lambda request: responses.append((0, request.url)))
    for language in LANGUAGES:
        for name in ("", *(f"{p}/" for p in CLASS_PAGES)):
            page.goto(f"{subpath_server}/{LANGUAGE_PREFIX[language]}{name}")
            page.wait_for_load_state("networkidle")
            assert page.locator("link[rel=stylesheet]").first.evaluate("l => l.sheet !== null")
    host = urlsplit(subpath_server).netloc
    for status, url in responses:
        assert urlsplit(url).netloc == host, url
        assert urlsplit(url).path.startswith(f"{PREFIX}/"), url
        assert 0 < status < 400, (status, url)
    assert len(responses) > 30


@pytest.mark.parametrize(
    ("language", "query", "target"),
    [("zh", "冲突", "4xx/#http_409"), ("en", "Conflict", "en/4xx/#http_409")],
)
def test_search(page: Any, subpath_server: str, language: str, query: str, target: str) -> None:
    page.goto(f"{subpath_server}/{LANGUAGE_PREFIX[language]}")
    results = search(page, query)
    assert f"{PREFIX}/{target}" in results
    page.locator(f'li.md-search-result__item a[href$="{target}"]').first.click()
    page.wait_for_url(f"**{PREFIX}/{target}")


@pytest.mark.parametrize(
    ("start", "choice", "landing"),
    [("/4xx/#http_409", "English", "/en/4xx/#http_409"), ("/en/", "简体中文", "/")],
)
def test_language_switch(
    page: Any, subpath_server: str, start: str, choice: str, landing: str
) -> None:
    page.goto(f"{subpath_server}{start}")
    assert switch_language(page, choice) == f"{PREFIX}{landing}"


@pytest.mark.parametrize(
    ("path", "heading"), [("/x/", "404 页面不存在"), ("/en/x/", "404 Page not found")]
)
def test_404_page(page: Any, subpath_server: str, path: str, heading: str) -> None:
    response = page.goto(f"{subpath_server}{path}")
    assert response.status == 404
    assert page.locator("article h1:visible").all_inner_texts() == [heading]
    assert page.locator("link[rel=stylesheet]").first.evaluate("l => l.sheet !== null")
    page.locator("article a:visible").click()  # back to the home page of the same language
    assert urlsplit(page.url).path == f"{PREFIX}{'/en/' if '/en/' in path else '/'}"


def test_anchor_links(page: Any, subpath_server: str) -> None:
    page.goto(f"{subpath_server}/en/")
    page.locator('article a[href$="4xx/#http_409"]').first.click()
    page.wait_for_url(f"**{PREFIX}/en/4xx/#http_409")
    # 409's related codes, in the details that follow its constant and summary.
    page.locator("#http_409 + .status-constant + p + section a[href$='#http_412']").click()
    page.wait_for_url(f"**{PREFIX}/en/4xx/#http_412")
    page.wait_for_timeout(300)
    assert 0 <= page.locator("#http_412").bounding_box()["y"] <= 200
