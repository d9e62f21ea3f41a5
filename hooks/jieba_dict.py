"""jieba's dictionary cut down to the words this build's pages use, derived during the build.

Material segments Chinese text for search with jieba, and loading jieba's full dictionary
(349,046 words) was the largest single cost of a build. Segmentation only ever consults words that
occur in the text being cut, and the dictionary's total frequency. So the build keeps every
dictionary word that occurs in the rendered pages, plus one placeholder entry that keeps the total
unchanged: jieba then cuts this site's text exactly as with the full dictionary.

The pages are all rendered before any of them is indexed (MkDocs calls ``on_env`` in between), so
the hook derives the dictionary there from the real HTML, and caches it under ``.cache/jieba/``
keyed by the text it was cut for. Editing Chinese text needs no extra step.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import jieba

# A private-use character: it never occurs in the pages, so this entry never matches anything.
PLACEHOLDER = "\ue000"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TAG = re.compile(r"<[^>]+>")
KEEP = 8  # cached dictionaries kept (one per language, a few edits back)


def han_runs(html_pages: Iterable[str]) -> set[str]:
    """Every run of Chinese characters in the pages' text. Tags are removed without a space, as
    Material's indexer joins the text around them, so runs that span markup are whole here too."""
    runs: set[str] = set()
    for html in html_pages:
        runs.update(HAN_RUN.findall(TAG.sub("", html)))
    return runs


@functools.cache
def full_dictionary() -> tuple[dict[str, tuple[int, str]], int, int]:
    """jieba's own dictionary (word → frequency and tag), its total frequency, its longest word."""
    words: dict[str, tuple[int, str]] = {}
    total = 0
    path = Path(jieba.__file__).with_name("dict.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq, *tag = line.split(" ")
        words[word] = (int(freq), tag[0] if tag else "")
        total += int(freq)  # summed over every line, as jieba does
    return words, total, max(map(len, words))


def trimmed(runs: Iterable[str]) -> str:
    words, total, longest = full_dictionary()
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


def dictionary_for(runs: set[str], cache_dir: Path) -> Path:
    """The trimmed dictionary for these runs, from the cache or written to it."""
    key = hashlib.sha256("\n".join(sorted(runs)).encode("utf-8")).hexdigest()[:20]
    path = cache_dir / "jieba" / f"{key}.txt"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(trimmed(runs), encoding="utf-8")
        older = sorted(path.parent.glob("*.txt"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in older[KEEP:]:
            stale.unlink()
    return path
