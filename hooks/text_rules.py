"""The site's vocabulary rules (docs/glossary.yml), checked on every text before the build.

Three rules, all reported like the table's own problems (file, entry or line, field):
- a text uses a word the glossary lists under `avoid` for its language (one term for one thing);
- Chinese prose uses a Latin-script word that is neither on the glossary's `latin` list nor in a
  code span (identifiers go in code spans; English names are marked by the renderer);
- English prose contains Chinese characters outside code spans (an untranslated sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError
from status_table import HAN, LANGUAGES, SafeLoader, StatusCode, TableError, read_source

GLOSSARY_NAME = "glossary.yml"
LATIN_WORD = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z'\-]*")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


@dataclass(frozen=True)
class Glossary:
    # language -> word to avoid -> the site's term (and what it names), for the message
    avoid: Mapping[str, Mapping[str, str]]
    latin: frozenset[str]
    # Derived from `avoid` once, not for each of the thousands of texts a build checks.
    _patterns: Mapping[str, re.Pattern[str] | None] = field(init=False, repr=False, compare=False)
    _preferred: Mapping[str, Mapping[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = {
            language: _avoided_pattern(language, words) for language, words in self.avoid.items()
        }
        preferred = {
            language: {word.casefold(): term for word, term in words.items()}
            for language, words in self.avoid.items()
        }
        object.__setattr__(self, "_patterns", patterns)  # frozen: set once, here
        object.__setattr__(self, "_preferred", preferred)

    def avoided(self, language: str) -> re.Pattern[str] | None:
        """One pattern for all of a language's avoided words, so each text is scanned once."""
        return self._patterns[language]

    def preferred(self, language: str, word: str) -> str:
        """The message's suggestion for an avoided word, found in any letter case."""
        return self._preferred[language][word.casefold()]


def _avoided_pattern(language: str, avoid: Mapping[str, str]) -> re.Pattern[str] | None:
    """Chinese words match anywhere, English ones as whole words; longest first."""
    words = sorted(avoid, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(map(re.escape, words))
    return re.compile(alternatives if language == "zh" else rf"\b(?:{alternatives})\b", re.I)


def load_glossary(path: Path) -> Glossary:
    try:
        data = yaml.load(read_source(path), Loader=SafeLoader)  # noqa: S506 - SafeLoader only
    except yaml.YAMLError as error:
        raise TableError(path, [f"YAML syntax error: {error}"]) from None
    problems: list[str] = []
    avoid: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    terms = data.get("terms") if isinstance(data, dict) else None
    latin = data.get("latin") if isinstance(data, dict) else None
    if not isinstance(terms, list) or not isinstance(latin, list):
        raise TableError(path, ["expected a mapping with the lists 'terms' and 'latin'"])
    for index, term in enumerate(terms, start=1):
        if not isinstance(term, dict) or not all(isinstance(term.get(k), str) for k in LANGUAGES):
            problems.append(f"terms #{index}: needs 'zh' and 'en' text")
            continue
        for language, words in (term.get("avoid") or {}).items():
            if language not in LANGUAGES or not isinstance(words, list):
                problems.append(f"terms #{index}, field 'avoid.{language}': expected a list")
                continue
            for word in words:
                avoid[language][str(word)] = f"the site's term, {term[language]} ({term['en']})"
    if not all(isinstance(word, str) and LATIN_WORD.fullmatch(word) for word in latin):
        problems.append("field 'latin': expected a list of single Latin-script words")
    spelling = data.get("spelling") or {}
    if not isinstance(spelling, dict):
        problems.append("field 'spelling': expected a mapping of British to American spellings")
        spelling = {}
    for british, american in spelling.items():
        avoid["en"][str(british)] = f"{american!r} (American spelling)"
    if problems:
        raise TableError(path, problems)
    return Glossary(avoid=avoid, latin=frozenset(latin))


def problems_in(text: str, language: str, glossary: Glossary) -> Iterator[str]:
    """What is wrong with one text; code spans are code, and are left alone."""
    prose = _CODE_SPAN.sub(" ", text)
    pattern = glossary.avoided(language)
    found = dict.fromkeys(match.group(0) for match in pattern.finditer(prose)) if pattern else {}
    for word in found:
        yield f"uses {word!r}; write {glossary.preferred(language, word)}"
    if language == "en" and HAN.search(prose):
        yield f"English text contains Chinese characters ({''.join(HAN.findall(prose))[:12]})"
    if language == "zh":
        stray = sorted(set(LATIN_WORD.findall(prose)) - glossary.latin)
        if stray:
            yield (
                f"Latin-script words {', '.join(stray)} outside code spans: put identifiers in "
                f"`code spans`, or add real product names to 'latin' in docs/{GLOSSARY_NAME}"
            )


# What is not prose in a hand-written page: front matter, fenced blocks, raw HTML tags and the
# English marked as such, link targets and attribute lists, and lines that embed an exchange.
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
_MARKED_ENGLISH = re.compile(r'<(\w+)[^>]*\blang="en"[^>]*>.*?</\1>|<code>.*?</code>', re.S)
_TAG = re.compile(r"<[^>]+>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_ATTRIBUTES = re.compile(r"\{[:#][^}]*\}|\{ ?#[^}]*\}")
_EMBED = re.compile(r"^:::exchange .*$", re.M)


def page_prose(source: str) -> str:
    """A Markdown page's prose, with the same number of lines, so problems name the right one."""

    def blank(match: re.Match[str]) -> str:
        return "\n" * match.group(0).count("\n")

    text = _FRONT_MATTER.sub(blank, source)
    text = _FENCE.sub(blank, text)
    for pattern in (_MARKED_ENGLISH, _TAG, _LINK_TARGET, _ATTRIBUTES, _EMBED):
        text = pattern.sub(lambda m: " " + blank(m), text)
    return text


def page_language(path: Path) -> str:
    return "en" if path.name.endswith(".en.md") else "zh"


def check_pages(pages: Iterable[Path], glossary: Glossary, root: Path) -> list[str]:
    problems = []
    for path in sorted(pages):
        language = page_language(path)
        for number, line in enumerate(page_prose(read_source(path)).splitlines(), start=1):
            for problem in problems_in(line, language, glossary):
                problems.append(f"{path.relative_to(root)}, line {number}: {problem}")
    return problems


def check_table(records: Iterable[StatusCode], glossary: Glossary, table: str) -> list[str]:
    problems = []
    for record in records:
        for language in LANGUAGES:
            text = record.text[language]
            for name in ("title", "summary", "usage", "drf"):
                value = getattr(text, name)
                for problem in problems_in(value or "", language, glossary):
                    problems.append(
                        f"{table}: entry {record.code}, field '{language}.{name}': {problem}"
                    )
    return problems


def check_texts(
    texts: Iterable[tuple[str, str, Mapping[str, str]]], glossary: Glossary, file: str
) -> list[str]:
    """(kind, id, {language: text}) of the exchanges' captions and the messages' causes."""
    problems = []
    for kind, entry_id, by_language in texts:
        for language, value in by_language.items():
            for problem in problems_in(value, language, glossary):
                problems.append(f"{file}: {kind} {entry_id}, field '{language}': {problem}")
    return problems


class VocabularyError(PluginError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        lines = [f"{len(problems)} {noun} with the site's vocabulary (docs/{GLOSSARY_NAME}):"]
        super().__init__("\n".join([*lines, *(f"  - {problem}" for problem in problems)]))


def check(
    docs_dir: Path,
    records: Iterable[StatusCode],
    captions: Iterable[tuple[str, Mapping[str, str]]],
    causes: Iterable[tuple[str, Mapping[str, str]]],
) -> None:
    """Raise VocabularyError naming every problem in every text of the site."""
    glossary = load_glossary(docs_dir / GLOSSARY_NAME)
    root = docs_dir.parent
    problems = check_table(records, glossary, "docs/codes.yml")
    problems += check_texts(
        (("scenario", i, t) for i, t in captions), glossary, "docs/exchanges.yml"
    )
    problems += check_texts((("message", i, t) for i, t in causes), glossary, "docs/messages.yml")
    problems += check_pages(docs_dir.glob("*.md"), glossary, root)
    if problems:
        raise VocabularyError(problems)


def as_texts(items: Iterable[Any], attribute: str) -> list[tuple[str, Mapping[str, str]]]:
    return [(item.id, getattr(item, attribute)) for item in items]
