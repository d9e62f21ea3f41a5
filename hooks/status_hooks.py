"""MkDocs hooks: every page, index and file generated from ``docs/codes.yml``.

mkdocs-static-i18n runs the whole build once per language, so every event below runs once per
language and must not keep state between calls. The table is read from disk on each build (``mkdocs
serve`` never reloads this module); what is derived from it (the validated records, the exchanges,
the vocabulary verdict, each page's generated Markdown) is memoised on the sources' exact text, in
this process and under ``.cache/`` for the next build (see build_cache).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import build_cache
import exchange_data
import exchange_render
import jieba
import jieba_dict
import mkdocs_internals
import search_split
import search_terms
import short_links
import site_urls
import status_export
import status_render
import status_table
import text_rules
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

if TYPE_CHECKING:  # only `mkdocs serve` loads the live server; a build need not import it
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.hooks.status_codes")

TABLE_NAME = "codes.yml"


def _table_path(config: MkDocsConfig) -> Path:
    return Path(config.docs_dir) / TABLE_NAME


@functools.lru_cache(maxsize=4)
def _parse(source: str, path: str) -> tuple[status_table.StatusCode, ...]:
    def validated() -> tuple[status_table.StatusCode, ...]:
        records = tuple(status_table.parse_table(source, path))
        status_table.require_classes(records, status_render.CLASS_HELPERS, path)
        return records

    # The same table as an earlier build's is not parsed again (see build_cache).
    return build_cache.memoised(_cache_dir(str(Path(path).parent)), "table", [source], validated)


def load_records(config: MkDocsConfig) -> tuple[status_table.StatusCode, ...]:
    path = _table_path(config)
    return _parse(status_table.read_source(path), str(path))


EXCHANGE_FILES = ("exchanges.yml", "messages.yml")
# The files the exchanges are made of: the table (its facts are checked in the same run) first.
EXCHANGE_SOURCES = (TABLE_NAME, *EXCHANGE_FILES)


def _texts(config: MkDocsConfig, names: tuple[str, ...]) -> tuple[str, ...]:
    docs = Path(config.docs_dir)
    return tuple(status_table.read_source(docs / name) for name in names)


def _exchange_inputs(texts: tuple[str, ...]) -> list[str]:
    """What the records and exchanges are made of: the texts of EXCHANGE_SOURCES, and the DRF
    and Django that ran the scenarios and hold the messages."""
    return [*texts, *exchange_data.installed_versions()]


def load_exchanges(config: MkDocsConfig) -> exchange_data.Exchanges:
    """The scenarios and messages, with what DRF sent; run once and cached (see exchange_data)."""
    return _exchanges(_texts(config, EXCHANGE_SOURCES), config.docs_dir)


@functools.lru_cache(maxsize=4)
def _exchanges(texts: tuple[str, ...], docs: str) -> exchange_data.Exchanges:
    # Keyed on the files' text (the table's included), so a serve rebuild after an edit rereads.
    def loaded() -> exchange_data.Exchanges:
        records = _parse(texts[0], str(Path(docs) / TABLE_NAME))
        return exchange_data.load(Path(docs), records, _cache_dir(docs))

    # The same files as an earlier build's, and the same DRF and Django, give the same scenarios,
    # messages and answers: not read or validated again (see build_cache).
    return build_cache.memoised(
        _cache_dir(docs), "exchange-records", _exchange_inputs(texts), loaded
    )


def _cache_dir(docs_dir: str) -> Path:
    """Derived files the build reuses between runs (never committed): beside docs/."""
    return Path(docs_dir).parent / ".cache"


SITE_URL_MISSING = (
    "SITE_URL is not set: building for http://127.0.0.1:8000/. sitemap.xml and the canonical "
    "links name that address, and the 404 page expects the site at the root of its host. To "
    "publish, set SITE_URL to the site's address, e.g. SITE_URL=https://example.org/drf-status/"
)


def on_startup(*, command: str, dirty: bool) -> None:
    # Said before the build starts, so `--strict` (which counts warnings during the build only)
    # does not fail on it: local builds and the test suite need no SITE_URL. `mkdocs serve` serves
    # at its own address and needs none (MkDocs reports `serve --clean` as "build", which warns).
    if command in ("build", "gh-deploy") and not os.environ.get("SITE_URL"):
        log.warning(SITE_URL_MISSING)


def check_sources(config: MkDocsConfig) -> None:
    """Everything the build reads, validated before anything is written: the table, the
    scenarios (run against DRF) and messages, and the vocabulary of every text."""
    load_records(config)
    load_exchanges(config)
    # Every language's build checks the same texts: once per content is enough.
    pages = tuple(sorted(path.name for path in Path(config.docs_dir).glob("*.md")))
    names = (*EXCHANGE_SOURCES, text_rules.GLOSSARY_NAME, *pages)
    _check_vocabulary(names, _texts(config, names), config.docs_dir)


@functools.lru_cache(maxsize=4)
def _check_vocabulary(names: tuple[str, ...], texts: tuple[str, ...], docs: str) -> None:
    """The vocabulary rules on every text; keyed on the names and texts of the table, the
    scenarios and messages, the glossary and the pages, in that order (a page's name says its
    language)."""

    def checked() -> bool:
        records = _parse(texts[0], str(Path(docs) / TABLE_NAME))
        exchanges = _exchanges(texts[: len(EXCHANGE_SOURCES)], docs)
        text_rules.check(
            Path(docs),
            records,
            text_rules.as_texts(exchanges.scenarios, "caption"),
            text_rules.as_texts(exchanges.messages, "cause"),
        )
        return True

    # Texts that passed in an earlier build pass again (see build_cache).
    build_cache.memoised(_cache_dir(docs), "vocabulary", [*names, *texts], checked)


def on_config(config: MkDocsConfig) -> None:
    # Validate before MkDocs cleans or writes anything, so a bad table leaves the old site intact.
    check_sources(config)
    # Rebuild when the table changes under `mkdocs serve`; it is excluded from the site itself.
    docs = Path(config.docs_dir)
    watched = (*EXCHANGE_FILES, text_rules.GLOSSARY_NAME)
    for path in (_table_path(config), *(docs / name for name in watched)):
        if str(path) not in config.watch:
            config.watch.append(str(path))


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
) -> LiveReloadServer:
    # MkDocs' live server stops answering requests after a failed rebuild until a build succeeds.
    # While the table is invalid, report it and skip the rebuild instead, so the last good site
    # stays served; the next valid edit rebuilds as usual.
    rebuild = mkdocs_internals.serve_builder(server)

    def rebuild_unless_table_is_invalid() -> None:
        try:
            check_sources(config)
        except PluginError as error:
            log.error(f"{error}\nStill serving the last good build; fix the table to rebuild.")
            return
        rebuild()

    mkdocs_internals.replace_serve_builder(server, rebuild_unless_table_is_invalid)
    return server


# What a page asks for in its front matter (`generated: xref`) and the function that writes it.
GENERATED_PARTS = {
    "overview": status_render.overview,
    "wild": status_render.wild_page,
    "xref": status_render.xref_page,
    "export": status_export.schema_page,
}


def generated_markdown(
    meta: Mapping[str, Any],
    records: tuple[status_table.StatusCode, ...],
    language: str,
    page: str,
    exchanges: exchange_data.Exchanges,
) -> str | None:
    """What the hook adds to a page, from its front matter; None for pages it does not own."""
    status_class = meta.get("status_class")
    part = meta.get("generated")
    if part == "messages":
        return exchange_render.messages_page(records, exchanges, language)
    if part is not None:
        if part not in GENERATED_PARTS:
            raise PluginError(
                f"{page}: front matter 'generated' must be one of "
                f"{', '.join([*GENERATED_PARTS, 'messages'])}, got {part!r}"
            )
        return GENERATED_PARTS[part](records, language)
    if status_class is None:
        return None
    if status_class not in status_render.CLASS_HELPERS:
        raise PluginError(
            f"{page}: front matter 'status_class' must be one of "
            f"{', '.join(map(str, status_render.CLASS_HELPERS))}, got {status_class!r}"
        )
    by_code = {record.code: record for record in records}
    shown: dict[int, str] = {}
    for record in records:
        if record.status_class != status_class or not isinstance(record, status_table.DrfCode):
            continue  # only this page's codes show exchanges here
        markdown = exchange_render.code_exchanges(record.code, exchanges, language, by_code)
        if markdown:
            shown[record.code] = markdown
    note = exchange_render.provenance(exchanges, language) if shown else None
    return status_render.class_page(records, status_class, language, shown, note)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = mkdocs_internals.current_language(config)
    embeds = exchange_render.EMBED.search(markdown) is not None
    if "status_class" not in page.meta and "generated" not in page.meta and not embeds:
        return markdown
    src = page.file.src_uri
    # What the hook makes of a page follows from the page's own text and front matter, its
    # language, and the sources of the records and exchanges: made once for them (see build_cache).
    key = [markdown, language, src, json.dumps(page.meta, sort_keys=True, default=str)]
    key.append(_sources_key(_texts(config, EXCHANGE_SOURCES)))
    kind = f"page-{language}-{src.replace('/', '-')}"
    return build_cache.memoised(
        _cache_dir(config.docs_dir),
        kind,
        key,
        lambda: _filled_page(markdown, page.meta, language, src, config, embeds=embeds),
    )


@functools.lru_cache(maxsize=4)
def _sources_key(texts: tuple[str, ...]) -> str:
    return build_cache.content_key(_exchange_inputs(texts))


def _filled_page(
    markdown: str,
    meta: Mapping[str, Any],
    language: str,
    src: str,
    config: MkDocsConfig,
    *,
    embeds: bool,
) -> str:
    exchanges = load_exchanges(config)
    if embeds:
        try:
            markdown = exchange_render.embed(markdown, exchanges, language, src)
        except KeyError as error:
            raise PluginError(str(error.args[0])) from None
    records = load_records(config)
    generated = generated_markdown(meta, records, language, src, exchanges)
    if generated is None:
        return markdown
    return f"{markdown.rstrip()}\n\n{generated}"


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # Every page is rendered by now and none is indexed yet: give jieba the dictionary cut for
    # exactly these pages (see jieba_dict), before Material's search segments the first one.
    pages = [file.page.content or "" for file in files.documentation_pages() if file.page]
    runs = jieba_dict.han_runs(pages)
    jieba.set_dictionary(str(jieba_dict.dictionary_for(runs, _cache_dir(config.docs_dir))))
    return env


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Every language build writes its 404 page to the site root, so the last language would win.
    # Keep the default language's page at the root and put the others under their own folder.
    language = mkdocs_internals.current_language(config)
    if template_name != "404.html" or language == mkdocs_internals.default_language(config):
        return output_content
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return ""  # MkDocs skips writing a template that renders empty


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged search
def on_post_build(config: MkDocsConfig) -> None:
    """Once every language is built: per-language search, short links, the data export."""
    if mkdocs_internals.inner_build(config):
        return  # an inner, per-language build; the merged index does not exist yet
    languages = mkdocs_internals.build_languages(config)
    default = mkdocs_internals.default_language(config)
    records = load_records(config)
    exchanges = load_exchanges(config)
    urls = {record.code: site_urls.section_url(record) for record in records}
    sources = _exchange_inputs(_texts(config, EXCHANGE_SOURCES))
    fields = search_terms.all_index_fields(
        records, exchanges, languages, _cache_dir(config.docs_dir), sources
    )
    terms = {
        language: {urls[code]: values for code, values in by_code.items()}
        for language, by_code in fields.items()
    }
    site_dir = Path(config.site_dir)
    try:
        search_split.write_split_indexes(site_dir, languages, default, terms)
    except ValueError as error:
        raise PluginError(str(error)) from None
    short_links.write_short_links(
        site_dir,
        records,
        languages,
        default,
        config.site_url or "/",
        config.theme["favicon"],
        _cache_dir(config.docs_dir),
    )
    (site_dir / status_export.JSON_NAME).write_text(status_export.to_json(records), "utf-8")
    (site_dir / status_export.CSV_NAME).write_text(status_export.to_csv(records), "utf-8")
