"""Short links: /409/ leads to /4xx/#http_409, and /en/409/ to /en/4xx/#http_409.

Each is a tiny HTML page written after the build: a meta refresh (no JavaScript needed), a
canonical link to the section, a plain link for anything that follows neither, and the site's icon
(without one, browsers ask for /favicon.ico, which does not exist).
"""

from __future__ import annotations

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
) -> None:
    """``favicon`` is the theme's icon, relative to the site root (theme.favicon)."""
    site_url = site_url.rstrip("/") + "/"
    for language in languages:
        folder = "" if language == default else f"{language}/"
        icon = "../" * (folder.count("/") + 1) + favicon
        for record in records:
            path = site_dir / folder / str(record.code) / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            page = redirect_page(record, language, f"{site_url}{folder}", icon)
            path.write_text(page, encoding="utf-8")
