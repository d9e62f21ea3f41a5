"""jieba's dictionary is derived during the build from the pages, and cuts them exactly as the
full dictionary would; no committed file has to follow the text."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import jieba
import jieba_dict
from conftest import ROOT, Site


def indexed_runs(site: Site) -> set[str]:
    """The Chinese runs of what search indexed, as written before jieba cut them (it inserts
    U+200B between words; the split index keeps that text as Material wrote it)."""
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [(doc["title"] + " " + doc["text"]).replace("\u200b", "") for doc in index["docs"]]
    return jieba_dict.han_runs(texts)


def used_dictionary(site: Site) -> Path:
    # jieba names the dictionary it loads; it is the one the hook derived, under .cache/.
    names = re.findall(r"Building prefix dict from (\S+) \.\.\.", site.build_log)
    assert names, site.build_log
    assert all("/.cache/jieba/" in name for name in names), names
    return Path(names[0])


def test_no_dictionary_is_committed() -> None:
    assert not (ROOT / "hooks" / "jieba_dict.txt").exists()


def test_the_build_derives_it_from_the_pages(site: Site) -> None:
    path = used_dictionary(site)
    assert path.is_file()
    words = {line.split(" ")[0] for line in path.read_text(encoding="utf-8").splitlines()}
    assert "请求" in words and "冲突" in words
    assert len(words) < 20_000  # a cut of the 349,046 words, not the whole
    assert "does not exist" not in site.build_log


def test_segmentation_is_the_same_as_with_the_full_dictionary(site: Site) -> None:
    jieba.setLogLevel(logging.WARNING)
    full = jieba.Tokenizer()
    trimmed = jieba.Tokenizer(dictionary=str(used_dictionary(site)))
    runs = sorted(indexed_runs(site))
    assert len(runs) > 500
    differing = [run for run in runs if list(full.cut(run)) != list(trimmed.cut(run))]
    assert not differing, differing[:10]


def test_runs_spanning_markup_are_whole() -> None:
    # Material's indexer joins the text around tags, so the dictionary must cover the join.
    assert jieba_dict.han_runs(["<p>加粗<strong>文字</strong>后面</p>"]) == {"加粗文字后面"}


def test_cache_is_reused_and_keyed_by_the_text(tmp_path: Path) -> None:
    first = jieba_dict.dictionary_for({"状态码"}, tmp_path)
    stamp = first.stat().st_mtime_ns
    assert jieba_dict.dictionary_for({"状态码"}, tmp_path) == first
    assert first.stat().st_mtime_ns == stamp
    assert jieba_dict.dictionary_for({"冲突"}, tmp_path) != first
