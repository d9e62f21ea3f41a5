"""Short-link pages (hooks/short_links.py): hard links to pages kept in the build's cache, and
what happens when that cache is edited through a published site or a link cannot be made."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import short_links
from status_table import DrfCode


def write(records: list[DrfCode], site: Path, cache: Path) -> None:
    short_links.write_short_links(
        site, tuple(records), ["zh", "en"], "zh", "https://example.org/", "favicon.svg", cache
    )


def page_of(records: list[DrfCode], code: int, language: str) -> str:
    record = next(record for record in records if record.code == code)
    folder = "" if language == "zh" else "en/"
    icon = "../" * (folder.count("/") + 1) + "favicon.svg"
    return short_links.redirect_page(record, language, f"https://example.org/{folder}", icon)


def test_each_page_is_a_link_to_the_kept_copy(records: list[DrfCode], tmp_path: Path) -> None:
    write(records, tmp_path / "site", tmp_path / "cache")
    page = tmp_path / "site" / "en" / "409" / "index.html"
    assert page.read_text(encoding="utf-8") == page_of(records, 409, "en")
    assert page.stat().st_nlink == 2  # the site's name and the cache's
    assert len(list((tmp_path / "cache" / "short-links").iterdir())) == 2 * len(records)


def test_a_page_edited_through_a_site_is_written_again(
    records: list[DrfCode], tmp_path: Path
) -> None:
    write(records, tmp_path / "old", tmp_path / "cache")
    (tmp_path / "old" / "409" / "index.html").write_text("edited in place", encoding="utf-8")
    write(records, tmp_path / "new", tmp_path / "cache")
    fresh = tmp_path / "new" / "409" / "index.html"
    assert fresh.read_text(encoding="utf-8") == page_of(records, 409, "zh")
    # and the old site's file was not written through again
    assert (tmp_path / "old" / "409" / "index.html").read_text(encoding="utf-8") == (
        "edited in place"
    )


def test_pages_are_written_where_no_link_can_be_made(
    records: list[DrfCode], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot_link(source: object, target: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cannot_link)
    write(records, tmp_path / "site", tmp_path / "cache")
    page = tmp_path / "site" / "409" / "index.html"
    assert page.read_text(encoding="utf-8") == page_of(records, 409, "zh")
    assert page.stat().st_nlink == 1


def test_the_cache_keeps_only_the_pages_of_the_last_build(
    records: list[DrfCode], tmp_path: Path
) -> None:
    write(records, tmp_path / "first", tmp_path / "cache")
    write(records[:3], tmp_path / "second", tmp_path / "cache")
    assert len(list((tmp_path / "cache" / "short-links").iterdir())) == 2 * 3
    # A page of the first site keeps its text: a link outlives the cache's name.
    last = records[-1].code
    assert (tmp_path / "first" / str(last) / "index.html").read_text(encoding="utf-8") == (
        page_of(records, last, "zh")
    )
