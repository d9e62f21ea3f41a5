"""Regenerate hooks/jieba_dict.txt: jieba's dictionary cut down to the words this site uses.

Material segments Chinese text for search with jieba, and loading jieba's full dictionary
(349,046 words) was the largest single cost of a build. Segmentation only ever consults words
that occur in the text being cut, and the dictionary's total frequency. So this file keeps every
dictionary word that occurs anywhere in the Chinese pages, plus one placeholder entry that keeps
the total unchanged: jieba then cuts this site's text exactly as with the full dictionary.

Run after the Chinese text changes (tests/test_search_dict.py says when):
    python hooks/jieba_dict.py SITE_DIR     # SITE_DIR: a site built with `mkdocs build`
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

import jieba

OUTPUT = Path(__file__).with_name("jieba_dict.txt")
# A private-use character: it never occurs in the pages, so this entry never matches anything.
PLACEHOLDER = "\ue000"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TAG = re.compile(r"<[^>]+>")


def han_runs(site_dir: Path) -> set[str]:
    """Every run of Chinese characters on the pages of the default (Chinese) language."""
    runs: set[str] = set()
    for page in site_dir.rglob("*.html"):
        if page.relative_to(site_dir).parts[0] == "en":
            continue
        runs.update(HAN_RUN.findall(TAG.sub(" ", page.read_text(encoding="utf-8"))))
    return runs


def full_dictionary() -> tuple[dict[str, tuple[int, str]], int]:
    words: dict[str, tuple[int, str]] = {}
    total = 0
    path = Path(jieba.__file__).with_name("dict.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq, *tag = line.split(" ")
        words[word] = (int(freq), tag[0] if tag else "")
        total += int(freq)  # summed over every line, as jieba does
    return words, total


def trimmed(runs: Iterable[str]) -> str:
    words, total = full_dictionary()
    longest = max(map(len, words))
    used = {
        run[start:end]
        for run in runs
        for start in range(len(run))
        for end in range(start + 1, min(len(run), start + longest) + 1)
        if run[start:end] in words
    }
    lines = [f"{word} {words[word][0]} {words[word][1]}".rstrip() for word in sorted(used)]
    kept = sum(words[word][0] for word in used)
    lines.append(f"{PLACEHOLDER} {total - kept} x")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(trimmed(han_runs(Path(sys.argv[1]))), encoding="utf-8")
    print(f"wrote {OUTPUT}")
