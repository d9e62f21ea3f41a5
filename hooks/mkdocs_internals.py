"""The internals of MkDocs and mkdocs-static-i18n that the hooks rely on, typed, in one place.

None of these is a documented API; they work with the versions requirements.txt pins (mkdocs
1.6.1, mkdocs-static-i18n 1.3.1) and may change with any upgrade. Check this module when upgrading
either. What each one does for the site, and the tests that fail if it stops working:

- The i18n plugin's ``current_language`` (the language being built): every generated page is
  written in it. tests/test_site.py: test_no_chinese_on_english_pages,
  test_no_untranslated_english_on_chinese_pages, test_both_languages_show_the_same_facts.
- Its ``default_language`` next to ``current_language``: the 404 page of each other language
  moves under its own folder. tests/test_site.py: test_root_404_carries_both_languages,
  test_english_404_is_english_only.
- Its ``building`` (true during the inner, per-language builds) and ``build_languages``: the
  per-language search indexes, short links and exports are written once, after the last
  language. tests/test_site.py: test_output_manifest, test_search_index_per_language; the
  search tests of tests/test_browser.py.
- ``LiveReloadServer.builder``, the function ``mkdocs serve`` calls to rebuild: the hook wraps it
  so that an invalid table does not stop the server. tests/test_build.py:
  test_live_server_survives_bad_edits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from mkdocs.config.defaults import MkDocsConfig

if TYPE_CHECKING:  # only `mkdocs serve` loads the live server; a build need not import it
    from mkdocs.livereload import LiveReloadServer

I18N_PLUGIN = "i18n"  # the plugin's name in mkdocs.yml


class I18nPlugin(Protocol):
    """What the hooks read of mkdocs-static-i18n's plugin (mkdocs_static_i18n.plugin.I18n)."""

    @property
    def current_language(self) -> str:
        """The language being built. The plugin sets it in its own on_config, which runs after
        the hook's, so the hook reads it from later events only."""

    @property
    def default_language(self) -> str:
        """The language at the site root."""

    @property
    def build_languages(self) -> list[str]:
        """Every language built, in the order mkdocs.yml lists them."""

    @property
    def building(self) -> bool:
        """True while the plugin runs the other languages' builds, inside the default one's
        on_post_build."""


def i18n(config: MkDocsConfig) -> I18nPlugin:
    # The plugin ships no types; the Protocol names what the hooks read of it.
    return cast(I18nPlugin, config.plugins[I18N_PLUGIN])


def current_language(config: MkDocsConfig) -> str:
    return i18n(config).current_language


def default_language(config: MkDocsConfig) -> str:
    return i18n(config).default_language


def build_languages(config: MkDocsConfig) -> list[str]:
    return i18n(config).build_languages


def inner_build(config: MkDocsConfig) -> bool:
    """True in the inner, per-language builds, before every language is done."""
    return i18n(config).building


def serve_builder(server: LiveReloadServer) -> Callable[[], None]:
    """What ``mkdocs serve`` calls to rebuild after a change."""
    return server.builder


def replace_serve_builder(server: LiveReloadServer, builder: Callable[[], None]) -> None:
    server.builder = builder
