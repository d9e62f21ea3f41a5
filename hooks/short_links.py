"""Short links: /409/ leads to /4xx/#http_409, and /en/409/ to /en/4xx/#http_409.

Each is a tiny HTML page written after the build: a meta refresh (no JavaScript needed), a
canonical link to the section, a plain link for anything that follows neither, and the site's icon
(without one, browsers ask for /favicon.ico, which does not exist).

There is one folder per code and language, which MkDocs deletes at the start of every build. On a
disk where creating a file costs a third of a millisecond, a thousand new files at 500 entries took
half a second, more than the rest of the hook. So each page is written once under the build's
cache, named by its content, and the site gets a hard link to it, which only adds a name. Where a
link cannot be made (another file system, or none with hard links), the page is written.
"""

from __future__ import annotations

import hashlib
import os
from html import escape
from pathlib import Path

from site_urls import section_url
from status_table import StatusCode

TEMPLATE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<link rel="icon" href="{icon}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">{title}</a></p>
</body>
</html>
"""


def redirect_page(record: StatusCode, language: str, language_url: str, icon: str) -> str:
    """The page at <language root>/<code>/; its links are relative, so it works on any path.

    ``language_url`` is the published address of the language's root, for the canonical link;
    ``icon`` is the site's icon, relative to this page.
    """
    target = f"../{section_url(record)}"
    canonical = f"{language_url}{section_url(record)}"
    return TEMPLATE.format(
        lang=language,
        title=escape(f"{record.code} {record.text[language].title}"),
        canonical=escape(canonical),
        icon=escape(icon),
        target=escape(target),
    )


def write_short_links(
    site_dir: Path,
    records: tuple[StatusCode, ...],
    languages: list[str],
    default: str,
    site_url: str,
    favicon: str,
    cache_dir: Path,
) -> None:
    """``favicon`` is the theme's icon, relative to the site root (theme.favicon)."""
    site_url = site_url.rstrip("/") + "/"
    kept_dir = cache_dir / "short-links"
    kept_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for language in languages:
        folder = "" if language == default else f"{language}/"
        icon = "../" * (folder.count("/") + 1) + favicon
        for record in records:
            path = site_dir / folder / str(record.code) / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            page = redirect_page(record, language, f"{site_url}{folder}", icon).encode()
            name = hashlib.sha256(page).hexdigest()[:32] + ".html"
            used.add(name)
            _link_or_write(kept_dir / name, path, page)
    for stale in kept_dir.iterdir():  # pages of codes or titles gone since
        if stale.name not in used:
            stale.unlink()


def _link_or_write(kept: Path, path: Path, page: bytes) -> None:
    # The kept page is checked, not trusted: a tool that edits a site's files in place would
    # have edited it too, through the link.
    if not (kept.is_file() and kept.read_bytes() == page):
        kept.unlink(missing_ok=True)  # never write through an old link into a published site
        kept.write_bytes(page)
    try:
        os.link(kept, path)
    except OSError:
        path.write_bytes(page)
