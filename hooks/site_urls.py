"""Where each code's section is on the site: the page, the Markdown link target, the URL.

The class pages hold DRF's codes (``4xx``), the appendix the codes met in the wild. Both languages
use the same page names and anchors; each language's pages sit under its own root.
"""

from __future__ import annotations

from status_table import DrfCode, StatusCode

WILD_PAGE = "wild"


def page_name(record: StatusCode) -> str:
    """The page a code's section is on: its class page, or the appendix for codes not in DRF."""
    return f"{record.status_class}xx" if isinstance(record, DrfCode) else WILD_PAGE


def section_target(record: StatusCode) -> str:
    """A code's section as a Markdown link target; MkDocs validates it, as it names a .md file."""
    return f"{page_name(record)}.md#{record.anchor}"


def section_url(record: StatusCode) -> str:
    """A code's section as a URL relative to its language's root: where search, the short links
    and the export point."""
    return f"{page_name(record)}/#{record.anchor}"
