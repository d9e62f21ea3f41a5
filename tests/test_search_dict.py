"""The cut-down jieba dictionary is current, and segments the site exactly as the full one."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
import jieba_dict
from conftest import Site


def test_dictionary_is_current(site: Site) -> None:
    expected = jieba_dict.trimmed(jieba_dict.han_runs(site.root))
    current = jieba_dict.OUTPUT.read_text(encoding="utf-8")
    assert current == expected, (
        "The Chinese text changed: run `python hooks/jieba_dict.py SITE_DIR` on a fresh build "
        "to regenerate hooks/jieba_dict.txt."
    )


def test_segmentation_is_the_same_as_with_the_full_dictionary(site: Site) -> None:
    jieba.setLogLevel(logging.WARNING)
    full = jieba.Tokenizer()
    trimmed = jieba.Tokenizer(dictionary=str(Path(jieba_dict.OUTPUT).resolve()))
    runs = sorted(jieba_dict.han_runs(site.root))
    assert len(runs) > 1000
    differing = [run for run in runs if list(full.cut(run)) != list(trimmed.cut(run))]
    assert not differing, differing[:10]


def test_the_build_uses_it(site: Site) -> None:
    # jieba names the dictionary it loads; Material warns (and falls back) when it is missing.
    assert "hooks/jieba_dict.txt" in site.build_log
    assert "does not exist" not in site.build_log
