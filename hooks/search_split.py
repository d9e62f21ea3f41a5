"""Give each language its own search index, with the search settings that language needs.

mkdocs-static-i18n merges every language into one ``search/search_index.json`` with one shared
configuration, so English pages find Chinese sections and English multi-word queries rank badly
(Chinese needs jieba's zero-width separator, English the plain one). After the last language is
built, this module splits the merged index into ``search/search_index.json`` for the default
language and ``<lang>/search/search_index.json`` for each other one, with locations made relative
to that language's root. The page template points those pages' search at their own root.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# What Material's search worker is told per language. Underscores are deliberately not separators,
# so a DRF constant such as HTTP_409_CONFLICT stays one searchable token; dots are, so that
# `status.HTTP_409_CONFLICT` yields it too.
_COMMON_SEPARATORS = r"\s\-,:;!=\[\]()\"`/|"
SEARCH_SETTINGS: dict[str, dict[str, Any]] = {
    "zh": {
        # Chinese words are already apart: Material's build-time jieba segmentation puts U+200B
        # between them, and the separator splits there. Declaring lunr's "zh" language would only
        # make the search worker fetch two more scripts before the index is ready, for a stemmer
        # that changes nothing. Declared "en" with an empty pipeline, lunr leaves every token as
        # the separator cut it, as on the English side.
        "lang": ["en"],
        "separator": rf"[{_COMMON_SEPARATORS}\u200b\u3000、。，．？！；：（）《》「」“”]+|\.(?!\d)",
        "pipeline": [],
    },
    "en": {
        "lang": ["en"],
        "separator": rf"[{_COMMON_SEPARATORS}]+|\.(?!\d)",
        # No stop-word filter: reason phrases are made of "No", "Not", "Too", and dropping them
        # makes "No Content" or "Not Found" indistinguishable from their neighbours. No stemmer
        # either: Material adds a trailing wildcard to every term, which covers plurals.
        "pipeline": [],
    },
}

INDEX_PATH = Path("search", "search_index.json")

# Material's jieba segmentation writes U+200B (three bytes) between the Chinese words of every
# title and text, over 5000 times in the Chinese index. The index carries a one-byte stand-in
# that no text may hold (the table refuses control characters), and the search worker
# (site-search.js) turns it back before Material reads the index: 1.1 KB less gzip for every
# reader, the same index for search.
WORD_BREAK = "\u200b"
WORD_BREAK_STAND_IN = "\x7f"

# Extra, never-displayed fields of each code section (see search_terms). A code's number decides
# a query that names it; then what identifies a code exactly (its constant, each name as one
# token); then the situations readers describe; then the words of the messages DRF sends with
# it, of its names and of its Chinese term; all above the page text. Its other names and its
# advice come last. A message pasted whole is found by its token in the keys; its words are
# worth less than a term's, since 400's many validation messages would otherwise pull every
# query with "file", "field" or "valid" to 400. Measured with the query sets in
# tests/search_queries (test_search_quality).
EXTRA_FIELDS = {
    "code": {"boost": 1e5},
    "keys": {"boost": 5e4},
    "terms": {"boost": 2e4},
    "messages": {"boost": 1e4},
    "names": {"boost": 1e4},
    "aliases": {"boost": 100},
    "advice": {"boost": 10},
}

# Every other entry (guide, troubleshooting, lifecycle, messages, page introductions) is scored
# lower, so that a query both match lands on the code's section, with the explaining page next.
OTHER_BOOST = 0.3

# Of every other section, the first sentence is indexed: a troubleshooting entry's symptom, the
# conclusion a guide section opens with, the start of a lifecycle step. It finds the section and
# makes its preview; the rest of a long page would double the index every reader loads, and the
# codes' own advice, which search holds too, repeats it. A second sentence (the cause) cost the
# Chinese index 2.9 KB gzip, room its situation terms need, and found no more query-set codes.
OTHER_SENTENCES = 1
# A sentence ends at 。！？, or at . ! ? before a space, a tag or the end ("request.data" goes on).
_SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s|<|$)")
_TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*>")


def _first_sentences(text: str, count: int) -> str:
    """The first ``count`` sentences of an entry's text (Material keeps a few tags, bare), with
    the tags still open there closed."""
    ends = [
        match.end()
        for match in _SENTENCE_END.finditer(text)
        if text.rfind("<", 0, match.start()) <= text.rfind(">", 0, match.start())
    ][: count + 1]
    if len(ends) <= count:
        return text
    cut = text[: ends[count - 1]]
    still_open: list[str] = []
    for tag in _TAG.finditer(cut):
        if not tag.group(1):
            still_open.append(tag.group(2))
        elif still_open and still_open[-1] == tag.group(2):
            still_open.pop()
    return cut + "".join(f"</{name}>" for name in reversed(still_open))


# Code blocks stay out of the index: every identifier worth finding (constants, Python and Django
# names, exceptions) is in the keys, and code would add a third to the index every reader loads.
# Material writes kept tags bare and escapes the text inside them, so this cannot overmatch.
_CODE_BLOCK = re.compile(r"<pre>.*?</pre>\s*", re.S)


def _with_stand_in(entry: dict[str, Any]) -> dict[str, Any]:
    for name, value in entry.items():
        if isinstance(value, str) and WORD_BREAK_STAND_IN in value:
            raise ValueError(
                f"search entry {entry['location'] or '(home page)'!r}, field {name!r}: holds "
                f"U+007F, which the index uses for U+200B; remove it from the page"
            )
    return {
        name: value.replace(WORD_BREAK, WORD_BREAK_STAND_IN) if isinstance(value, str) else value
        for name, value in entry.items()
    }


def split_index(
    merged: Mapping[str, Any],
    languages: Sequence[str],
    default: str,
    terms: Mapping[str, Mapping[str, Mapping[str, str]]],
) -> dict[str, dict[str, Any]]:
    """Return one index per language; pure, so it can be tested without a build.

    ``terms`` maps a language and a location (relative to that language's root) to extra fields.
    """
    prefixes = {language: f"{language}/" for language in languages if language != default}
    # Pages holding code sections, whose introductions only preview the codes indexed below them.
    code_pages = {
        language: {location.split("#")[0] for location in locations}
        for language, locations in terms.items()
    }
    docs: dict[str, list[dict[str, Any]]] = {language: [] for language in languages}
    for entry in merged["docs"]:
        location = entry["location"]
        language = next(
            (lang for lang, prefix in prefixes.items() if location.startswith(prefix)), default
        )
        if language != default:
            entry = {**entry, "location": location[len(prefixes[language]) :]}
        entry = {**entry, **terms.get(language, {}).get(entry["location"], {})}
        # A page's own entry (no #fragment) holds its introduction. On a page of codes, search
        # finds the page by its title and each code by its own section, so the preview goes.
        is_introduction = "#" not in entry["location"]
        if is_introduction and entry["location"] in code_pages.get(language, ()):
            entry["text"] = ""
        entry["text"] = _CODE_BLOCK.sub("", entry["text"])
        if entry["location"] not in terms.get(language, {}):
            entry["boost"] = OTHER_BOOST
            if not is_introduction:
                entry["text"] = _first_sentences(entry["text"], OTHER_SENTENCES)
        docs[language].append(_with_stand_in(entry))

    indexes = {}
    for language in languages:
        if not docs[language]:
            raise ValueError(f"the merged search index has no entries for language {language!r}")
        config = {**merged["config"], **SEARCH_SETTINGS[language]}
        config["fields"] = {**config["fields"], **EXTRA_FIELDS}
        indexes[language] = {"config": config, "docs": docs[language]}
    return indexes


def write_split_indexes(
    site_dir: Path,
    languages: Sequence[str],
    default: str,
    terms: Mapping[str, Mapping[str, Mapping[str, str]]],
) -> None:
    merged_path = site_dir / INDEX_PATH
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for language, index in split_index(merged, languages, default, terms).items():
        root = site_dir if language == default else site_dir / language
        path = root / INDEX_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        # Same compact form Material writes, so the files stay as small as the original.
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        path.write_text(data, encoding="utf-8")
