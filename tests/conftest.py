"""Shared fixtures: the real table, one real build of the site, a local server, a browser."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from project import (  # noqa: F401 - re-exported to the tests
    CHROMIUM,
    ROOT,
    copy_project,
    mkdocs_env,
    serving,
)

sys.path.insert(0, str(ROOT / "hooks"))
# Guide snippets are plain modules under docs/snippets, imported by the tests that run them.
sys.path.insert(0, str(ROOT / "docs" / "snippets"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "drf_settings")

import django  # noqa: E402

django.setup()

import status_table  # noqa: E402 - the hook modules live in hooks/, not in a package

LANGUAGES = ("zh", "en")
LANGUAGE_PREFIX = {"zh": "", "en": "en/"}
CLASS_PAGES = ("1xx", "2xx", "3xx", "4xx", "5xx")
OTHER_PAGES = ("guide", "lifecycle", "troubleshooting", "xref", "wild", "messages", "export")


def run_mkdocs_build(
    project: Path, site_dir: Path, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = mkdocs_env()
    env.pop("SITE_URL", None)  # the same build whatever the caller's environment
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def all_records() -> list[status_table.StatusCode]:
    return status_table.load_table(ROOT / "docs" / "codes.yml")


@pytest.fixture(scope="session")
def records(all_records: list[status_table.StatusCode]) -> list[status_table.DrfCode]:
    """The codes of rest_framework.status."""
    return [record for record in all_records if isinstance(record, status_table.DrfCode)]


@pytest.fixture(scope="session")
def wild_records(all_records: list[status_table.StatusCode]) -> list[status_table.WildCode]:
    """The appendix: codes met in the wild that DRF does not define."""
    return [record for record in all_records if isinstance(record, status_table.WildCode)]


@dataclass(eq=False)  # identity hash, so soup() can be cached per site
class Site:
    root: Path
    build_log: str

    def page(self, language: str, path: str) -> Path:
        return self.root / LANGUAGE_PREFIX[language] / path

    @functools.cache  # noqa: B019 - one Site per session; pages never change after the build
    def soup(self, language: str, path: str) -> BeautifulSoup:
        return BeautifulSoup(self.page(language, path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real site, built once per test session with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return Site(site_dir, result.stderr)


@pytest.fixture(scope="session")
def server(site: Site) -> Iterator[str]:
    with serving(site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, never a skip."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run tests/run.sh, which installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--headless"]
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def test_database() -> Iterator[None]:
    """An in-memory test database with the guide's models, for a module's APITestCase classes:
    modules that run DRF against models mark themselves with
    ``pytestmark = pytest.mark.usefixtures("test_database")``."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    with pytest.MonkeyPatch.context() as patch:
        # Once the browser tests have started Playwright (a session fixture above), its asyncio
        # loop runs in this thread, and Django would refuse every synchronous query.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        setup_test_environment()
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        yield
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


# --- helpers shared by the browser tests ----------------------------------------------------------


def search(page: Any, text: str) -> list[str]:
    """Type into Material's search box; return the result links as path#fragment."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(text)
    # Text typed through an input method arrives without key events, and Material searches on keyup.
    box.press("End")
    page.locator("li.md-search-result__item > a").first.wait_for()
    hrefs = page.locator("li.md-search-result__item > a").evaluate_all(
        "links => links.map(link => link.href)"
    )
    return [urlsplit(href).path + "#" + urlsplit(href).fragment for href in hrefs]


def switch_language(page: Any, name: str) -> str:
    """Choose a language in the header's switcher; return the new path#fragment."""
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.get_by_role("link", name=name, exact=True).click()
    url = urlsplit(page.url)
    return url.path + (f"#{url.fragment}" if url.fragment else "")
