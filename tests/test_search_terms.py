"""The hidden search fields of a code's section (hooks/search_terms.py), field by field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import search_terms
from conftest import ROOT
from exchange_data import Exchanges
from status_table import HAN, DrfCode


def by_code(records: list[DrfCode]) -> dict[int, DrfCode]:
    return {record.code: record for record in records}


def test_keys_hold_the_constant_and_each_whole_name_as_one_marked_token(
    records: list[DrfCode],
) -> None:
    codes = by_code(records)
    assert search_terms.search_keys(codes[402], "zh").split() == [
        "HTTP_402_PAYMENT_REQUIRED",
        "zqpayment_requiredzq",
    ]
    keys_413 = search_terms.search_keys(codes[413], "en").split()
    assert "zqrequest_entity_too_largezq" in keys_413 and "zqcontent_too_largezq" in keys_413
    # The whole name of a hyphenated one is joined the way the search worker joins a query's.
    assert "zqnon_authoritative_informationzq" in search_terms.search_keys(codes[203], "en")


def test_name_words_hold_each_word_once_and_the_chinese_term_on_the_chinese_site(
    records: list[DrfCode],
) -> None:
    codes = by_code(records)
    assert search_terms.search_name_words(codes[402], "zh").split() == [
        "Payment",
        "Required",
        "需要付款",
    ]
    words_413 = search_terms.search_name_words(codes[413], "en").split()
    assert words_413.count("Too") == 1 and "Entity" in words_413
    assert "Non-Authoritative" not in search_terms.search_name_words(codes[203], "en")


def test_aliases_name_what_the_keys_do_not(records: list[DrfCode]) -> None:
    codes = by_code(records)
    assert search_terms.search_aliases(codes[404]).split() == ["HttpResponseNotFound", "NotFound"]
    assert "HTTP_307_RESERVED" in search_terms.search_aliases(codes[307]).split()
    # HTTPStatus.CONTENT_TOO_LARGE and REQUEST_ENTITY_TOO_LARGE are 413's names, already keys.
    assert search_terms.search_aliases(codes[413]) == ""


def test_numbers_and_common_words_stay_out_of_phrases() -> None:
    assert search_terms.whole_and_cut(["403 instead of 401"], str) == "instead"
    assert search_terms.without_stop_words("This field is required.").split() == [
        "field",
        "required.",
    ]


def test_a_name_that_starts_with_a_common_word_is_kept_whole() -> None:
    """Django's Http404 is one word, not the common "Http" and a code: the term once indexed
    only "404", which the keys leave to the number, and a search for Http404 found nothing."""
    assert search_terms.without_stop_words("raise Http404 or HTTP/2").split() == [
        "raise",
        "Http404",
        "/2",
    ]
    assert search_terms.whole_and_cut(["Http404"], str) == "Http404"


def test_short_chinese_terms_are_also_whole_tokens() -> None:
    def cut(text: str) -> str:
        return " ".join([text[:2], *text[2:]])  # stands in for jieba

    assert search_terms.whole_and_cut(["乐观锁"], cut).split() == ["乐观锁", "乐观"]
    long_run = "这是一个很长的中文短语"
    assert long_run not in search_terms.whole_and_cut([long_run], cut).split()
    # A two-character run is whole too where the cut takes it apart, and only once where not.
    assert search_terms.whole_and_cut(["幂等"], " ".join).split() == ["幂等"]
    assert search_terms.whole_and_cut(["删除"], str).split() == ["删除"]


def test_words_no_query_looks_up_stay_out_of_the_hidden_fields() -> None:
    """The search worker never looks up a single Chinese character, and punctuation splits into
    nothing: in the terms and messages they would only add to the index's size."""
    assert search_terms.whole_and_cut(
        ["订单 已 支付 。", "Expect 100 - continue"], str
    ).split() == [
        "订单",
        "支付",
        "Expect",
        "continue",
    ]

    def cut(text: str) -> str:
        return HAN.sub(lambda m: f" {m.group(0)} ", text)  # stands in for jieba

    field = search_terms._messages_field(["认证令牌无效。", "Invalid token."], cut)
    assert field.split() == ["detail", "Invalid", "token."]


def test_the_search_worker_knows_the_same_stop_words() -> None:
    script = (ROOT / "docs" / "assets" / "javascripts" / "workers" / "site-search.js").read_text(
        encoding="utf-8"
    )
    block = script[script.index("var SEARCH_STOP_WORDS") : script.index(').split(" ")')]
    words = "".join(re.findall(r'"([^"]*)"', block)).split()
    assert set(words) == search_terms.STOP_WORDS


def test_the_search_worker_reads_the_same_values_in_a_message() -> None:
    """The worker's MESSAGE_VALUE and the hook's _MESSAGE_VALUE are one pattern (in Python the
    double quotes are escaped), so a value the index writes as 0 is read as 0 in a query."""
    script = (ROOT / "docs" / "assets" / "javascripts" / "workers" / "site-search.js").read_text(
        encoding="utf-8"
    )
    worker = re.search(r"var MESSAGE_VALUE =\s*/(.*)/g;", script)
    assert worker is not None
    assert worker.group(1) == search_terms._MESSAGE_VALUE.pattern.replace('\\"', '"')


def test_a_whole_message_is_one_marked_token_in_either_language() -> None:
    # Chinese characters as code points: Material cuts every Chinese run of a query into words.
    assert search_terms.snake("无效游标") == "zq65e0_6548_6e38_6807zq"
    assert search_terms.snake("字段 “archived” 无效。") == "zq5b57_6bb5_archived_65e0_6548zq"
    assert search_terms.snake("Not Found.") == "zqnot_foundzq"


def test_settings_in_terms_are_marked_tokens_and_constants_stay_out() -> None:
    # A setting or directive is kept whole and marked, as the search worker marks a whole query:
    # typed in full it finds its code, while "client" or "data" alone prefix-match nothing.
    cut = search_terms.whole_and_cut(["nginx client_max_body_size", "HTTP_422_X 422"], str)
    assert cut.split() == ["zqclient_max_body_sizezq", "nginx"]


def test_the_search_worker_looks_inside_a_query_for_terms_as_long_as_the_whole_ones() -> None:
    script = (ROOT / "docs" / "assets" / "javascripts" / "workers" / "site-search.js").read_text(
        encoding="utf-8"
    )
    shortest = re.search(r"var SHORTEST_NAME_INSIDE = (\d+);", script)
    assert shortest and int(shortest.group(1)) == search_terms.WHOLE_TERM_WORDS


def test_long_latin_terms_are_also_whole_tokens(records: list[DrfCode]) -> None:
    """nginx's line "client intended to send too large body" is pasted whole; shorter terms and
    the Chinese ones are found by their words."""
    record = by_code(records)[413]
    pasted = search_terms.snake("client intended to send too large body")
    assert pasted in search_terms.whole_terms(record, "en")
    for language in ("en", "zh"):
        tokens = search_terms.whole_terms(record, language)
        for term in record.text[language].terms:
            words = re.findall(r"[A-Za-z0-9]+", term)
            if HAN.search(term) or len(words) < search_terms.WHOLE_TERM_WORDS:
                assert search_terms.snake(term) not in tokens, term
    no_messages = Exchanges(scenarios=(), messages=(), versions={})
    keys = search_terms.fields(record, no_messages, "en", str, "")["keys"].split()
    assert pasted in keys and len(keys) == len(set(keys))


def test_a_rebuild_cuts_only_the_texts_the_last_build_did_not_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve` rebuilds in one process: the cuts of unchanged texts are taken from the last
    build, and a new text is cut as a build from nothing would cut it."""
    texts = ["并发修改时返回冲突", "上传文件过大被拒绝"]
    first = search_terms.segmenter(texts, tmp_path)
    cuts = [first(text) for text in texts]
    made: list[object] = []
    real_tokenizer = search_terms.jieba.Tokenizer
    monkeypatch.setattr(
        search_terms.jieba,
        "Tokenizer",
        lambda **kwargs: made.append(kwargs) or real_tokenizer(**kwargs),
    )
    again = search_terms.segmenter(texts, tmp_path)
    assert [again(text) for text in texts] == cuts and not made
    edited = [texts[0], "令牌过期以后重新登录"]
    after_edit = search_terms.segmenter(edited, tmp_path)
    assert after_edit(edited[0]) == cuts[0] and not made
    new_cut = after_edit(edited[1])
    assert len(made) == 1
    search_terms._CUTS.clear()
    assert new_cut == search_terms.segmenter(edited, tmp_path)(edited[1])
