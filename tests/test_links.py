"""Crawl the built site: every internal link, asset and #fragment resolves, in both languages."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from conftest import Site
from status_table import SOURCE_HOSTS

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default site_url; links to it are internal
# Hosts that pages may link to (never load from): the specification and source hosts the table
# allows, and the theme's site, credited in the footer.
LINKABLE_HOSTS = SOURCE_HOSTS | {"squidfunk.github.io"}


@functools.cache
def ids_in(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(element["id"] for element in soup.find_all(id=True))


def target_file(site_root: Path, url_path: str) -> Path:
    path = site_root / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def broken_links(site: Site) -> list[str]:
    problems = []
    base = urlsplit(SITE_URL)
    for page in sorted(site.root.rglob("*.html")):
        relative = page.relative_to(site.root).as_posix()
        page_url = SITE_URL + relative
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("a[href], link[href], script[src], img[src], iframe[src]"):
            raw = element.get("href") or element.get("src")
            url = urlsplit(urljoin(page_url, raw))
            where = f"{relative}: {element.name} {raw!r}"
            if url.scheme not in ("http", "https"):
                problems.append(f"{where}: scheme {url.scheme!r}")
                continue
            if url.netloc != base.netloc:
                if url.scheme != "https" or url.hostname not in LINKABLE_HOSTS:
                    problems.append(f"{where}: external link not on the allow-list")
                elif element.name != "a":
                    problems.append(f"{where}: loads a resource from another host")
                continue
            target = target_file(site.root, url.path)
            if not target.is_file():
                problems.append(f"{where}: no file {target.relative_to(site.root)}")
            elif url.fragment and target.suffix == ".html" and url.fragment not in ids_in(target):
                problems.append(f"{where}: no element #{url.fragment}")
    return problems


def test_every_link_resolves(site: Site) -> None:
    problems = broken_links(site)
    assert not problems, "\n".join(problems)


def test_crawler_reports_a_broken_fragment(site: Site, tmp_path: Path) -> None:
    """The crawler itself can fail: a copy of the site with one bad anchor is reported."""
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    page = copy / "en" / "index.html"
    html = page.read_text(encoding="utf-8").replace("4xx/#http_409", "4xx/#http_499", 1)
    page.write_text(html, encoding="utf-8")
    ids_in.cache_clear()
    problems = broken_links(Site(copy, ""))
    assert problems == ["en/index.html: a '4xx/#http_499': no element #http_499"]
