"""What search finds a code's section by, beyond its title and summary: hidden index fields.

Readers arrive with a situation ("rate limit", "乐观锁"), a message DRF sent them, or a word from a
code's advice. Each code section's index entry gets extra, never-displayed fields, weighted in
search_split.EXTRA_FIELDS: the identifying keys and other names (status_render.search_keys and
search_aliases), the situation terms of the table, DRF's messages that come with the code, and the
advice text (usage and DRF notes). On the Chinese site the English terms and messages are
indexed too, since many Chinese projects run DRF in English and their developers search in both.

Chinese field text is cut into words with jieba, as Material cuts the text it indexes, using a
dictionary cut for exactly these texts (jieba_dict), so words inside sentences are found.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import build_cache
import jieba
import jieba_dict
from exchange_data import Exchanges
from jieba_dict import HAN_RUN
from status_table import HAN, DrfCode, StatusCode, english_names

Segment = Callable[[str], str]
# The longest Chinese run of a term that is also indexed whole (see whole_and_cut).
WHOLE_RUN = 6


# Words too common to tell codes apart. In the hidden fields they only let a query that shares
# "not" or "request" with a term pull that code up; the keys, titles and summaries keep them, so
# names such as "Not Found" and "Bad Request" are still found by every word.
STOP_WORDS = frozenset(
    """a about after all also an and any are as at be been but by can could did do does for from
    get got had has have how i if in into is it its just may me might must my no nor not of on
    only or other our should so some than that the their them then there these they this to too
    us was we were what when where which while who why will with would you your
    api client clients code codes drf endpoint error errors http request requests response
    responses server status app""".split()
)
# A word runs on through digits: Http404 is a name, not the common "Http" before a number.
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9']*")


def without_stop_words(text: str) -> str:
    return _WORD.sub(lambda m: "" if m.group(0).casefold() in STOP_WORDS else m.group(0), text)


# Marks both ends of the token of a whole name. Search matches every query word as a prefix, so
# an unmarked "request_timeout" would be hit by every query starting with "request", and
# "httpresponse" by every query for a class that starts with it. Nobody types "zq".
NAME_MARK = "zq"


# The parts of a whole-name token: Latin words, and each Chinese character as its code point in
# hex, because Material cuts every Chinese run of a query into words before it looks them up.
_TOKEN_PART = re.compile(r"[a-z0-9]+|" + HAN.pattern)


def snake(name: str) -> str:
    """A whole name or message as one marked token, "Not Found" → "zqnot_foundzq", "无效游标" →
    "zq65e0_6548_6e38_6807zq". The search worker (site-search.js) adds the same token to a query
    when the index has it, so a name typed in full or a message pasted whole matches its own
    code's token, and only that: neither "Found" nor "Request Header Too Large" can be
    outweighed by codes that merely share their words (404 for "Found", 431 for 494's name)."""
    parts = (
        part if part.isascii() else f"{ord(part):x}" for part in _TOKEN_PART.findall(name.lower())
    )
    return NAME_MARK + "_".join(parts) + NAME_MARK


# The values DRF and Django put into their messages: a quoted method, media type, key or host
# (Method "DELETE" not allowed., 无效主键 “99” － 对象不存在。, Invalid HTTP_HOST header:
# '10.0.0.5:8000'.) and numbers (37 seconds). A reader pastes the message with their own values,
# so each message is also indexed with every value as 0 (the search worker writes a query's token
# the same way); the apostrophes of "doesn't" are no quotes, as a quoted value has no space. A
# method in capitals is a value without its quotes too: readers retype DRF's 405 message as
# "Method GET not allowed".
_MESSAGE_VALUE = re.compile(
    r"\"[^\"]*\"|“[^”]*”|'[^'\s]*'|[0-9]+|\b(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT)\b"
)


def snake_without_values(message: str) -> str:
    return snake(_MESSAGE_VALUE.sub(" 0 ", message))


def search_keys(record: StatusCode, language: str) -> str:
    """What identifies a code exactly: its constant, each English name as one token (including
    the older name that DRF's constant keeps where the registry's has changed: 413, 414, 416,
    422) and, on the Chinese site, its Chinese term, whole (the search worker lets a Chinese
    query end on its last character, so "需要付款" is looked up as that word). The number has a
    field of its own. The browser tests search for each and require the code's section first."""
    constant = record.constant if isinstance(record, DrfCode) else record.wild.constant
    keys = [constant, *(snake(name) for name in english_names(record))]
    return " ".join(dict.fromkeys(keys))


def search_name_words(record: StatusCode, language: str) -> str:
    """The words of the English names, each once: a word shared by a current and a former name
    ("Too Large" of 413) must not outweigh a word that only the right code has. Hyphenated parts
    stay out: search splits them, and a short part such as the "Non" of "Non-Authoritative"
    would prefix-match queries meant for other codes ("No ...")."""
    words: dict[str, str] = {}
    for name in english_names(record):
        for word in name.split():
            if "-" not in word:
                words.setdefault(word.casefold(), word)
    if language == "zh":
        # Whole: the search worker lets a Chinese query end on its last character, so "需要付款"
        # is looked up as that word. Not in the keys: every query starting with "请求" would
        # prefix-match "请求超时" there, at the weight of an exact name.
        words.setdefault("", record.text["zh"].title)
    return " ".join(words.values())


def search_aliases(record: StatusCode) -> str:
    """Other names a reader may hold for a code: Python's ``HTTPStatus`` members, Django's
    response classes, DRF's exceptions, and the wrong constants that circulate (the code's
    section explains the mistake). Lower than the keys: search matches every term as a prefix,
    and names such as ``NotAcceptable`` must not pull the "No …" queries from their codes."""
    if not isinstance(record, DrfCode):
        return ""  # a code DRF does not define has none of these names
    # Most HTTPStatus members are the English name in capitals, which the keys already hold.
    known = {snake(name)[len(NAME_MARK) : -len(NAME_MARK)] for name in english_names(record)}
    python = [
        name for name in (*record.python.py311, *record.python.py313) if name.lower() not in known
    ]
    wrong = [wrong.name for wrong in record.wrong_names]
    return " ".join(dict.fromkeys([*python, *record.django, *record.drf_exceptions, *wrong]))


def plain(text: str) -> str:
    """Table text as words: code spans are just words here."""
    return " ".join(text.replace("`", " ").split())


def messages_for(record: StatusCode, exchanges: Exchanges, language: str) -> list[str]:
    """DRF's messages that come with the code, in the reader's language and, on the Chinese site,
    in English as well."""
    languages = ("zh", "en") if language == "zh" else ("en",)
    texts = [
        m.text[lang] for m in exchanges.messages if record.code in m.codes for lang in languages
    ]
    return list(dict.fromkeys(texts))


def terms_for(record: StatusCode, language: str) -> list[str]:
    return list(record.text[language].terms)


# The fewest words of a term that is also indexed whole: the search worker looks for whole names
# of four words and more inside a longer query (SHORTEST_NAME_INSIDE of site-search.js).
WHOLE_TERM_WORDS = 4
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


def whole_terms(record: StatusCode, language: str) -> list[str]:
    """The tokens of the code's Latin terms of four words and more: many are lines readers paste
    (nginx's "upstream prematurely closed connection", its page title "Request Header Or Cookie
    Too Large"), and as tokens they are found whole, as a message is, where their words alone
    are shared with other codes ("header", "large"). Chinese terms are left to their words: each
    character is a part of a token, and the worker cuts Chinese queries into the index's words."""
    return list(
        dict.fromkeys(
            snake(term)
            for term in terms_for(record, language)
            if not HAN.search(term) and len(_LATIN_WORD.findall(term)) >= WHOLE_TERM_WORDS
        )
    )


def terms_field(record: StatusCode, language: str, segment: Segment) -> str:
    """The code's situation terms; on the Chinese site, then each word of its English terms that
    the Chinese ones lack, once (readers mix the two, and the index every reader loads stays
    within its budget)."""
    own = whole_and_cut(terms_for(record, language), segment)
    if language != "zh":
        return own
    present = {word.casefold() for word in own.split()}
    english = whole_and_cut(terms_for(record, "en"), segment).split()
    extra = [word for word in distinct(" ".join(english)).split() if word not in present]
    return " ".join([own, *extra])


# Left out of the advice: codes and snake_case names (HTTP_409_CONFLICT, bad_request). They
# identify codes in the keys; repeated across other codes' advice, they would make those keys
# common words to the scorer and let the wrong code win a search for a name or a number.
_IDENTIFYING = re.compile(r"\b(?:\w*_\w*|[1-5]\d\d)\b")
# Left out of the terms: codes and the constants of rest_framework.status (the keys). Other
# snake_case names (client_max_body_size, DEFAULT_THROTTLE_RATES) are settings and directives
# that readers paste: a term keeps each as one marked token (snake), as the search worker marks a
# whole query, so the name typed in full finds its code, while a query word such as
# "data" or "default" does not prefix-match every setting that starts with it.
_CODES = re.compile(r"\b(?:HTTP_[1-5]\d\d_\w*|[1-5]\d\d)\b")
_SNAKE = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b")


def advice_for(record: StatusCode, language: str) -> str:
    text = record.text[language]
    advice = " ".join(part for part in (text.usage, text.drf) if part)
    return plain(without_stop_words(_IDENTIFYING.sub(" ", advice)))


def whole_and_cut(phrases: Iterable[str], segment: Segment) -> str:
    """Each phrase cut into words, and a short Chinese phrase also whole: Material's query side
    looks a Chinese query up by its longest indexed prefix, so "乐观锁" must be a token of its
    own. Long runs stay cut only: as whole tokens they would be rare words that every query
    starting with one of their characters (不, 请) matches. Status codes in a phrase ("403
    instead of 401") and constants are left to the keys; other snake_case names are marked
    tokens."""
    out = []
    for phrase in phrases:
        phrase = _CODES.sub(" ", phrase)
        out += [snake(name) for name in _SNAKE.findall(phrase)]
        phrase = without_stop_words(_SNAKE.sub(" ", phrase)).strip()
        if not phrase:
            continue
        if HAN.search(phrase):
            cut = segment(phrase)
            words = set(cut.split())
            # A run is added whole where the cut lacks it whole, two characters included: jieba
            # cuts some two-character words apart (幂等 as 幂 等).
            out += [
                run
                for run in HAN_RUN.findall(phrase)
                if 2 <= len(run) <= WHOLE_RUN and run not in words
            ]
            out.append(cut)
        else:
            out.append(phrase)
    return looked_up(" ".join(out))


# A word with a letter, a digit or a Chinese character: the index splits the rest away.
_FINDABLE = re.compile(r"[A-Za-z0-9]|" + HAN.pattern)


def findable(word: str) -> bool:
    """Whether a query can find the word. The search worker never looks up a single Chinese
    character (chineseQueryWords of site-search.js: a lone 不 or 的 would match dozens of codes),
    and a word of punctuation ("-", "。") splits into nothing: in a hidden field both would only
    cost index size, and the Chinese index is near its budget."""
    return bool(_FINDABLE.search(word)) and not (len(word) == 1 and HAN.match(word))


def looked_up(text: str) -> str:
    """The words of a hidden field that a query can find."""
    return " ".join(word for word in text.split() if findable(word))


def _messages_field(messages: list[str], segment: Segment) -> str:
    # Readers paste whole response bodies, {"detail": "..."}: DRF's key is part of the message.
    if not messages:
        return ""
    cut = [segment(without_stop_words(_IDENTIFYING.sub(" ", text))) for text in messages]
    return looked_up(" ".join(["detail", *cut]))


def distinct(text: str) -> str:
    """Each word once, in order, and only the words a query can find (findable): what the advice
    field is for is that a word of a code's advice finds it. How often it occurs there hardly
    moves the score; repeats and unfindable words only cost index size."""
    seen: dict[str, None] = {}
    for word in re.split(r"[\s\u200b]+", text):
        word = word.casefold().strip(".,;:!?()\"'。，；：！？（）、“”")
        if findable(word):
            seen.setdefault(word, None)
    return " ".join(seen)


# A word found in the advice of more than this share of the codes tells none of them apart: the
# scorer gives it next to no weight, and the index would carry it dozens of times. The Chinese
# share is lower, as the Chinese index is the one at its size budget: at 0.07 it is 2.6 KB smaller
# (gzip) than at 0.2, and as many development queries find an acceptable code first.
COMMON_ADVICE_SHARE = {"zh": 0.07, "en": 0.2}


def common_advice_words(advice: Iterable[str], language: str) -> frozenset[str]:
    texts = [set(text.split()) for text in advice]
    counts: dict[str, int] = {}
    for words in texts:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    limit = COMMON_ADVICE_SHARE[language] * len(texts)
    return frozenset(word for word, count in counts.items() if count > limit or not word.isalnum())


def index_fields(
    records: Sequence[StatusCode], exchanges: Exchanges, language: str, segment: Segment
) -> dict[int, dict[str, str]]:
    """The hidden fields of every code's section in one language's index, by code."""
    advice = {record.code: distinct(segment(advice_for(record, language))) for record in records}
    common = common_advice_words(advice.values(), language)
    # A code's name typed in full finds that code first: a message spelled like another code's
    # name (DRF's "Invalid token." and 498 Invalid Token) keeps only its words in the messages.
    names = frozenset(snake(name) for record in records for name in english_names(record))
    return {
        record.code: fields(
            record, exchanges, language, segment, advice[record.code], common, names
        )
        for record in records
    }


def fields(
    record: StatusCode,
    exchanges: Exchanges,
    language: str,
    segment: Segment,
    advice: str,
    common: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """The hidden search fields of a code's section; empty ones are left out of the index."""
    aliases = search_aliases(record)
    messages = messages_for(record, exchanges, language)
    values = {
        "code": str(record.code),
        # Another name typed in full (HttpResponse, ValidationError) is exact too, and so is a
        # message pasted whole, in either language ("Invalid token." is DRF's 401, not Esri's
        # 498), and a long term (whole_terms).
        # Each token once: a term may be a message too (405's 'Method "DELETE" not allowed.').
        "keys": " ".join(
            dict.fromkeys(
                [
                    *search_keys(record, language).split(),
                    *map(snake, aliases.split()),
                    *(
                        token
                        for token in (
                            *map(snake, messages),
                            *map(snake_without_values, messages),
                            *whole_terms(record, language),
                        )
                        if token not in names
                    ),
                ]
            )
        ),
        "names": search_name_words(record, language),
        "aliases": aliases,
        "terms": terms_field(record, language, segment),
        "messages": _messages_field(messages, segment),
    }
    # A word the code's other fields already hold adds nothing to its advice but size.
    held = {word.casefold() for value in values.values() for word in value.split()}
    values["advice"] = " ".join(w for w in advice.split() if w not in common and w not in held)
    return {name: value for name, value in values.items() if value}


def all_index_fields(
    records: Sequence[StatusCode],
    exchanges: Exchanges,
    languages: Sequence[str],
    cache_dir: Path,
    sources: Sequence[str],
) -> dict[str, dict[int, dict[str, str]]]:
    """Every language's hidden fields, by code; kept under ``cache_dir`` for the next build with
    the same ``sources`` (the texts of the table and the messages' declarations, and the DRF and
    Django whose messages they hold), since cutting the Chinese advice into words is most of
    their cost (see build_cache)."""

    def made() -> dict[str, dict[int, dict[str, str]]]:
        segment = segmenter(chinese_texts(records, exchanges), cache_dir)
        return {
            language: index_fields(
                records, exchanges, language, segment if language == "zh" else str
            )
            for language in languages
        }

    return build_cache.memoised(cache_dir, "search-fields", [*sources, *languages], made)


def chinese_texts(records: Sequence[StatusCode], exchanges: Exchanges) -> list[str]:
    """Every text the Chinese index's hidden fields cut into words."""
    texts: list[str] = []
    for record in records:
        texts += terms_for(record, "zh") + messages_for(record, exchanges, "zh")
        texts.append(advice_for(record, "zh"))
    return texts


# The cuts of the last build in this process, by text. `mkdocs serve` rebuilds in the process that
# made them, and a text is cut the same whatever else the build holds: every dictionary jieba_dict
# makes cuts as jieba's full one does. So a rebuild after an edit cuts only the edited texts.
_CUTS: dict[str, str] = {}


def segmenter(texts: Iterable[str], cache_dir: Path) -> Segment:
    """Cut Chinese runs into words as Material does, with a private tokenizer whose dictionary
    covers these texts, so Material's own jieba setup is left alone. The words are joined by
    spaces rather than Material's U+200B (three bytes each): these fields are never shown. The
    tokenizer is only made when a text was not cut in the last build (see _CUTS)."""
    texts = list(texts)
    earlier = dict(_CUTS)
    _CUTS.clear()  # keeps this build's cuts only, so an editing session does not pile them up
    tokenizer: jieba.Tokenizer | None = None

    def segment(text: str) -> str:
        nonlocal tokenizer
        if not HAN.search(text):
            return text
        cut = _CUTS.get(text, earlier.get(text))
        if cut is None:
            if tokenizer is None:
                path = jieba_dict.dictionary_for(jieba_dict.han_runs(texts), cache_dir)
                tokenizer = jieba.Tokenizer(dictionary=str(path))
                logging.getLogger("jieba").setLevel(logging.WARNING)
            cut = " ".join(tokenizer.cut(text))
        _CUTS[text] = cut
        return cut

    return segment
