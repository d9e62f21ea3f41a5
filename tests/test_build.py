"""Whole builds of edited copies of the project: clear failures, strict links, live rebuilds."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import status_hooks
from conftest import ROOT, copy_project, run_mkdocs_build
from project import start_serve


def digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def edit_table(project: Path, old: str, new: str, count: int = 1) -> None:
    table = project / "docs" / "codes.yml"
    text = table.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    table.write_text(text.replace(old, new, count), encoding="utf-8")


def test_bad_table_stops_the_build_cleanly_and_keeps_the_old_site(project: Path) -> None:
    site = project / "site"
    assert run_mkdocs_build(project, site).returncode == 0
    before = digest(site)

    edit_table(project, "constant: HTTP_409_CONFLICT", "constant: HTTP_410_GONE")
    edit_table(project, "  zh:\n    title: 继续\n", "  zh:\n    title: \n")
    result = run_mkdocs_build(project, site)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    table = str(project / "docs" / "codes.yml")
    assert f"{table}: 2 problems in the code table:" in result.stderr
    assert "entry 100 (#1), field 'zh.title': expected text, got nothing" in result.stderr
    assert (
        "entry 409 (#" in result.stderr
        and "field 'constant': HTTP_410_GONE does not match code 409" in result.stderr
    )
    assert digest(site) == before  # nothing half-built replaced the previous site


def test_yaml_syntax_error_reports_the_line(project: Path) -> None:
    table = project / "docs" / "codes.yml"
    lines = table.read_text(encoding="utf-8").splitlines()
    line_number = next(i for i, line in enumerate(lines) if line.startswith("- code: 201"))
    lines[line_number + 1] = "  constant: [HTTP_201_CREATED"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"line \d+, column \d+: YAML syntax error", result.stderr)


def test_broken_code_anchor_fails_the_strict_build(project: Path) -> None:
    home = project / "docs" / "index.en.md"
    home.write_text(
        home.read_text(encoding="utf-8") + "\nSee [the missing code](4xx.md#http_499).\n",
        encoding="utf-8",
    )
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "http_499" in result.stderr


def test_build_without_site_url_warns_and_still_passes_strict(site) -> None:  # type: ignore[no-untyped-def]
    """The session's build has no SITE_URL: it says so, once, at WARNING level, before the build
    starts, so `--strict` (which counts warnings during the build) still passes."""
    warnings = [line for line in site.build_log.splitlines() if line.startswith("WARNING")]
    assert warnings == [f"WARNING -  {status_hooks.SITE_URL_MISSING}"]
    assert site.build_log.index("SITE_URL is not set") < site.build_log.index("Building")
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/4xx/</loc>" in sitemap


def test_build_with_site_url_is_quiet_and_uses_it(tmp_path: Path) -> None:
    result = run_mkdocs_build(ROOT, tmp_path / "site", site_url="https://example.org/drf-status/")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/drf-status/4xx/</loc>" in sitemap


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local test server
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        # A request made while `mkdocs serve` rebuilds waits for the build to finish, which can
        # take longer than fetch's timeout on a slow machine: that is "not yet", not a failure.
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    return False


def test_serve_rebuilds_and_reloads_when_the_table_changes(project: Path, page) -> None:  # type: ignore[no-untyped-def]
    server, port = start_serve(project)
    try:
        zh_page, en_page = (f"http://127.0.0.1:{port}{path}4xx/" for path in ("/", "/en/"))
        assert wait_for(lambda: "409 冲突" in fetch(zh_page), 90), "mkdocs serve never came up"
        page.goto(zh_page)
        heading = page.locator("#http_409")
        assert heading.inner_text().startswith("409 冲突")

        edit_table(project, "    title: 冲突\n", "    title: 资源冲突\n")
        edit_table(project, "    title: Conflict\n", "    title: Resource Conflict\n")

        # The open page reloads by itself once the rebuild is done; nobody navigates. While it
        # reloads, the check can run on a document whose body is not parsed yet: no heading is
        # not yet the new heading.
        page.wait_for_function(
            "() => document.getElementById('http_409')?.innerText.startsWith('409 资源冲突')",
            timeout=60_000,
        )
        assert "409 Resource Conflict" in fetch(en_page)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_two_builds_are_byte_identical(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """HTML, JSON and search indexes are byte-identical across builds of the same commit.

    The one allowed difference: sitemap.xml (and its .gz) carry the build date in <lastmod>, so
    two builds either side of midnight differ there and only there.
    """
    again = tmp_path / "again"
    assert run_mkdocs_build(ROOT, again).returncode == 0
    first, second = digest(site.root), digest(again)
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    for name in differing:
        assert name in ("sitemap.xml", "sitemap.xml.gz"), name

        def undated(folder: Path, name: str = name) -> str:
            data = (folder / name).read_bytes()
            text = (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")
            return re.sub(r"<lastmod>[^<]*</lastmod>", "", text)

        assert undated(site.root) == undated(again)


def test_live_server_survives_bad_edits(project: Path, tmp_path: Path) -> None:
    """valid -> syntax error -> duplicated code -> valid: the server stays up, reports each error,
    serves the last good site meanwhile, and serves the fix without a restart."""
    log_path = tmp_path / "serve.log"
    table = project / "docs" / "codes.yml"
    good = table.read_text(encoding="utf-8")
    with log_path.open("w", encoding="utf-8") as log_file:
        server, port = start_serve(project, log_file)
    url = f"http://127.0.0.1:{port}/4xx/"
    try:
        assert wait_for(lambda: "409 冲突" in fetch(url), 90), log_path.read_text()

        def log() -> str:
            return log_path.read_text(encoding="utf-8")

        entry_409 = re.search(r"^- code: 409\n.*?(?=^- code: )", good, re.M | re.S).group(0)
        broken_edits = [
            (good.replace("- code: 201\n", "- code: [201\n", 1), "YAML syntax error"),
            (f"{good.rstrip()}\n{entry_409}", "field 'code': duplicate of entry"),
        ]
        for broken, message in broken_edits:
            table.write_text(broken.replace("title: 冲突\n", "title: 改坏了\n"), encoding="utf-8")
            assert wait_for(lambda message=message: message in log(), 30), log()
            assert "Still serving the last good build" in log()
            assert server.poll() is None
            page = fetch(url)  # answered at once, and still the last good content
            assert "409 冲突" in page and "改坏了" not in page

        table.write_text(good.replace("title: 冲突\n", "title: 已修好\n"), encoding="utf-8")
        assert wait_for(lambda: "409 已修好" in fetch(url), 60), log()
        assert server.poll() is None
        assert "Traceback" not in log()
        assert "SITE_URL is not set" not in log()  # `mkdocs serve` serves at its own address
    finally:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
