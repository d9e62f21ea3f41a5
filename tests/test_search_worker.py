"""The site's side of search (docs/assets/javascripts/workers/site-search.js), run in Chromium.

Its functions are checked against a small index with the real index's settings, and against the
hook that writes the real index; the last test pastes every DRF message the site lists into the
real search.
"""

from __future__ import annotations

import json
import re
from typing import Any

import exchange_data
import pytest
import search_terms
from conftest import LANGUAGE_PREFIX, LANGUAGES, ROOT, Site
from project import RUN_QUERIES
from site_urls import page_name
from status_table import StatusCode

WORKER = ROOT / "docs" / "assets" / "javascripts" / "workers" / "site-search.js"

# Runs an expression with the worker's functions in scope, once it has read ``index``; its hooks
# into a real worker (its message listener, the loading of Material's worker) are stubbed out.
IN_WORKER = """
([source, index, expression]) => {
  const run = "(index, expression) => { learnIndexWords(index); return eval(expression); }";
  const scope = new Function("addEventListener", "importScripts", "location",
    source + "\\nreturn " + run + ";");
  return scope(() => {}, () => {}, {hash: ""})(index, expression);
}
"""


def index(site: Site, language: str) -> dict[str, Any]:
    path = site.page(language, "search/search_index.json")
    return json.loads(path.read_text(encoding="utf-8"))


def small_index(site: Site, *words: str) -> dict[str, Any]:
    """An index of one section whose terms are ``words``, with the real index's settings."""
    config = index(site, "zh")["config"]
    return {"config": config, "docs": [{"location": "x/", "title": "x", "terms": " ".join(words)}]}


def in_worker(page: Any, index: dict[str, Any], expression: str) -> Any:
    return page.evaluate(IN_WORKER, [WORKER.read_text(encoding="utf-8"), index, expression])


def with_other_values(message: str) -> str:
    """A message as a reader's own response has it: other quoted values, other numbers."""
    message = re.sub(r'"[^"]*"', '"PATCHED"', message)
    message = re.sub(r"“[^”]*”", "“PATCHED”", message)
    message = re.sub(r"'[^'\s]*'", "'api.example.org'", message)
    return re.sub(r"[0-9]+", "4242", message)


def messages(site: Site, records: list[StatusCode]) -> exchange_data.Exchanges:
    # The site's build has filled the cache, so this reads what the build read.
    return exchange_data.load(ROOT / "docs", tuple(records), ROOT / ".cache")


# Material's search worker (with lunr) and this site's worker, loaded side by side in a page:
# the keys lunr gives two states of its automaton of words, by lunr's own toString and by the
# site's mended one. State A goes by "1" to state 12 and by "3" to state 4; state B by "1" to
# state 1 and by "2" to state 34.
STATE_KEYS = """
([material, site]) => {
  const scope = {};
  new Function("self", "addEventListener", "importScripts", material)(scope, () => {}, () => {});
  const lunr = scope.lunr;
  const state = (edges) => {
    const node = new lunr.TokenSet();
    for (const [label, id] of edges) {
      node.edges[label] = new lunr.TokenSet();
      node.edges[label].id = id;
    }
    return node;
  };
  const keys = () => [
    state([["1", 12], ["3", 4]]).toString(),
    state([["1", 1], ["2", 34]]).toString(),
  ];
  const before = keys();
  const mend = new Function("addEventListener", "importScripts", "location",
    site + "\\nreturn mendTokenSetKeys;")(() => {}, () => {}, {hash: ""});
  mend(lunr);
  return [before, keys()];
}
"""


def test_lunr_keeps_different_states_of_its_automaton_apart(page: Any, site: Site) -> None:
    """lunr merges equal states of the automaton holding the index's words by a key that runs
    edge characters and state ids together, so with digits two different states share a key
    and are merged; the automaton then holds words the index lacks, and a query reaching one
    made lunr fail: Material showed no result (for "HTTP/2", once a term was added to 409).
    The worker's key keeps them apart."""
    workers = site.root / "assets" / "javascripts" / "workers"
    material = next(workers.glob("search.*.min.js")).read_text(encoding="utf-8")
    before, after = page.evaluate(STATE_KEYS, [material, WORKER.read_text(encoding="utf-8")])
    assert before[0] == before[1], "lunr's own key tells these apart now: is the mend needed?"
    assert after[0] != after[1]


def test_a_chinese_run_is_looked_up_by_the_indexes_words(page: Any, site: Site) -> None:
    small = small_index(site, "管理员 权限不足 暂停 服务 不足 创建成功 成功返回 返回 资源 地址")
    runs = ["超级管理员", "暂停服务", "权限不足", "创建成功返回新资源地址", "没有的词"]
    cut = in_worker(page, small, f"{json.dumps(runs)}.map(chineseQueryWords)")
    # Material's own lookup finds nothing when no word starts at a run's first character (超),
    # and stops at the first character no word starts with (停).
    assert cut[0] == ["管理员"]
    assert cut[1] == ["暂停", "服务"]
    assert cut[2] == ["权限不足"]  # the longest word, not the shorter one inside it
    # No overlapping words (not 成功返回 beside 创建成功); of two cuts covering as much, the one
    # whose earlier words are longer; 新 is in no word and left out.
    assert cut[3] == ["创建成功", "返回", "资源", "地址"]
    assert cut[4] == []  # no word of the index


def test_chinese_words_are_looked_up_exactly(page: Any, site: Site) -> None:
    """Each Chinese word of a query is one the index holds, so it is looked up as itself: as a
    prefix, 资源 would also match every longer word that starts with it (资源未变化 of 304)."""
    small = small_index(site, "创建成功 资源")
    assert in_worker(page, small, 'rewriteQuery("创建成功 资源")').split() == [
        "创建成功〇^1",
        "资源〇^1",
    ]


def test_a_run_without_a_word_of_the_index_is_kept_only_alone(page: Any, site: Site) -> None:
    """Material would cut such a run into single characters, each matching dozens of codes
    (多 of 太多 finds 300 多种选择); so it is dropped beside other words, and kept when the
    query has nothing else."""
    small = small_index(site, "cookie 请求头过大")
    assert in_worker(page, small, 'rewriteQuery("cookie 太多 请求头过大")').split() == [
        "cookie",
        "请求头过大〇^1",
    ]
    assert in_worker(page, small, 'rewriteQuery("太多")').split() == ["太多〇^1"]


def test_a_pinyin_slip_is_read_as_the_sites_word(page: Any, site: Site) -> None:
    small = small_index(site, "登录 账号 优惠券 过期 重定向")
    assert in_worker(page, small, 'rewriteQuery("登陆 帐号")').split() == ["登录〇^1", "账号〇^1"]
    assert in_worker(page, small, 'rewriteQuery("重定项")').split() == ["重定向〇^1"]
    assert in_worker(page, small, 'rewriteQuery("优惠卷过期")').split() == [
        "优惠券〇^1",
        "过期〇^1",
    ]


def test_a_number_in_chinese_quotes_is_still_a_number(page: Any, site: Site) -> None:
    small = small_index(site, "无效主键 对象不存在")
    rewritten = in_worker(page, small, 'rewriteQuery("无效主键 “42” － 对象不存在。")').split()
    assert "42^1" in rewritten


def test_a_quantity_is_not_read_as_a_code(page: Any, site: Site) -> None:
    """A number that counts seconds, bytes or times would otherwise put that status code first
    ("cloudflare 100 秒超时" found 100 Continue); a number alone, or before a word, stays, and so
    does a code's plural ("502s"). No lone letter is left to prefix-match every word."""
    small = small_index(site, "cloudflare 超时 upload file")
    for query, kept in [
        ("cloudflare 100 秒超时", []),
        ("cloudflare 100秒超时", []),
        ("upload a 200MB file", []),
        ("upload 500 mb file", []),
        ("timeout after 100 s", []),
        ("524 after 100 seconds", ["524^1"]),
        ("100 continue", ["100^1"]),
        ("upload 413", ["413^1"]),
        # A code's plural is the code; 100s and 300s are seconds, and the "s" goes too.
        ("getting 502s from nginx", ["502^1"]),
        ("too many 404s", ["404^1"]),
        ("cut off at 100s", []),
        ("proxy_read_timeout 300s", []),
    ]:
        words = in_worker(page, small, f"rewriteQuery({json.dumps(query)})").split()
        assert [word for word in words if word[0].isdigit()] == kept, query
        assert not any(len(word.split("^")[0]) == 1 for word in words), query


def test_single_quotes_around_a_word_go_and_apostrophes_stay(page: Any, site: Site) -> None:
    """The browser's "No 'Access-Control-Allow-Origin' header" searched for "'access" and
    "origin'", which no section holds."""
    small = small_index(site, "header throttle")
    for query, words in [
        (
            "No 'Access-Control-Allow-Origin' header",
            ["No", "Access-Control-Allow-Origin", "header"],
        ),
        ("rate set for 'uploads' scope", ["rate", "set", "for", "uploads", "scope"]),
        ("'uploads' doesn't exist", ["uploads", "doesn't", "exist"]),
    ]:
        rewritten = in_worker(page, small, f"rewriteQuery({json.dumps(query)})").split()
        typed = [word.split("^")[0] for word in rewritten if not word.endswith("~1")]
        assert typed == words, query


def test_lunr_syntax_in_a_query_is_taken_as_text(page: Any, site: Site) -> None:
    """A pasted "Expect:" would name a search field, "-X" would exclude the next word, a word
    ending in "-" ("bytes=0-") left every code out of the results, and the numbers of a query
    string matched every code starting with their digits (?ids=1,2,3 found 1xx codes)."""
    small = small_index(site, "expect continue range bytes")
    for query, words in [
        ("Expect: 100-continue", ["Expect", "100-continue"]),
        ("curl -X POST", ["curl", "POST"]),
        ("Range bytes=0- past", ["Range", "bytes", "0", "past"]),
        ("GET ?ids=1,2,3&page=2", ["GET", "ids", "1", "2", "3", "page", "2"]),
        ("ab +bc cd^2 de~1 ef*", ["ab", "bc", "cd", "2", "de", "1", "ef"]),
    ]:
        rewritten = in_worker(page, small, f"rewriteQuery({json.dumps(query)})").split()
        # The rewrite's own syntax: ^ after a word, and a long word again with ~1.
        typed = [word.split("^")[0] for word in rewritten if not word.endswith("~1")]
        assert typed == words, query


def test_a_number_glued_to_brackets_or_slashes_is_read_as_a_number(page: Any, site: Site) -> None:
    """Glued to a bracket or a slash, a size ("varying(50)") or an id ("/api/users/50") reached
    Material as one word, whose number part it then looked up as a prefix, of 503, 504 and 506."""
    small = small_index(site, "value too long varying")
    for query, number in [
        ("value too long for type character varying(50)", "50"),
        ("line 1 column 1 (char 0)", "0"),
        ("max_length=[255]", "255"),
        ("GET /api/users/50 returns nothing", "50"),
    ]:
        rewritten = in_worker(page, small, f"rewriteQuery({json.dumps(query)})").split()
        assert f"{number}^1" in rewritten, query
        assert not any(mark in word for word in rewritten for mark in "()[]/"), query


def test_common_chinese_words_are_dropped_only_beside_telling_ones(page: Any, site: Site) -> None:
    small = small_index(site, "接口 报错 权限不足")
    assert in_worker(page, small, 'rewriteQuery("接口报错 权限不足")').split() == ["权限不足〇^1"]
    assert in_worker(page, small, 'rewriteQuery("接口报错")').split() == ["接口〇^1", "报错〇^1"]


def test_a_setting_in_a_query_is_looked_up_as_its_marked_token(page: Any, site: Site) -> None:
    small = small_index(site, "zqallowed_hostszq 报错")
    rewritten = in_worker(page, small, 'rewriteQuery("settings.ALLOWED_HOSTS 报错")').split()
    assert "zqallowed_hostszq^10" in rewritten
    assert not any("allowed_hosts" in word.lower() for word in rewritten if "zq" not in word)
    # A name the index does not hold as a marked token is left as it was typed.
    assert "MEDIA_ROOT" in in_worker(page, small, 'rewriteQuery("MEDIA_ROOT")').split()


def test_another_name_typed_in_full_is_looked_up_as_its_marked_token(page: Any, site: Site) -> None:
    """An alias (DRF's exception, Django's response class) inside a longer query weighs as much
    as a setting; a plain "…Response" class, whose status the view chooses, does not."""
    small = {
        "config": index(site, "zh")["config"],
        "docs": [
            {
                "location": "x/",
                "title": "x",
                "aliases": "NotAuthenticated JsonResponse",
                "keys": "zqnotauthenticatedzq zqjsonresponsezq",
            }
        ],
    }
    rewritten = in_worker(page, small, 'rewriteQuery("drf 抛 NotAuthenticated 异常")').split()
    assert "zqnotauthenticatedzq^10" in rewritten
    assert "NotAuthenticated" in rewritten  # the word itself is still searched
    rewritten = in_worker(page, small, 'rewriteQuery("JsonResponse 返回 201")').split()
    assert not any("zq" in word for word in rewritten)
    # Typed alone, the whole query is the token already, and it is asked for once.
    rewritten = in_worker(page, small, 'rewriteQuery("NotAuthenticated")').split()
    assert rewritten.count("zqnotauthenticatedzq^10") == 1
    # A word that only prefixes an alias is not one ("not" of NotAuthenticated).
    assert "zq" not in in_worker(page, small, 'rewriteQuery("not allowed")')


def test_whole_tokens_are_those_the_hook_writes(
    page: Any, site: Site, all_records: list[StatusCode]
) -> None:
    """Every English name and every message in both languages, as the hook tokenises it and as
    the worker does when the index holds the token; and a token the index lacks is not added."""
    texts = [name for record in all_records for name in search_terms.english_names(record)]
    texts += [
        message.text[lang] for message in messages(site, all_records).messages for lang in LANGUAGES
    ]
    tokens = [search_terms.snake(text) for text in texts]
    without_values = [search_terms.snake_without_values(text) for text in texts]
    small = small_index(site, *tokens, *without_values)
    assert in_worker(page, small, f"{json.dumps(texts)}.map(wholeName)") == tokens
    # With a reader's own values, a message is found by its token without values.
    changed = [
        (with_other_values(text), token) for text, token in zip(texts, without_values, strict=True)
    ]
    changed = [(text, token) for text, token in changed if text not in texts]
    assert len(changed) >= 10
    found = in_worker(page, small, f"{json.dumps([text for text, _ in changed])}.map(wholeName)")
    assert found == [token for _, token in changed]
    body = json.dumps({"detail": texts[-1]}, ensure_ascii=False)  # a response body pasted whole
    assert in_worker(page, small, f"wholeName({json.dumps(body)})") == tokens[-1]
    assert in_worker(page, small, 'wholeName("a name nobody has")') == ""


def test_a_method_pasted_without_its_quotes_is_still_a_value(page: Any, site: Site) -> None:
    """Readers retype DRF's 'Method "GET" not allowed.' without the quotes; the method, in
    capitals as HTTP writes it, is still the message's value. A lowercase "get" is a word."""
    message = 'Method "DELETE" not allowed.'
    token = search_terms.snake_without_values(message)
    assert token == search_terms.snake_without_values("Method GET not allowed.")
    small = small_index(site, token)
    for typed in (
        "Method GET not allowed.",
        "Method PATCH not allowed",
        'Method "PUT" not allowed.',
    ):
        assert in_worker(page, small, f"wholeName({json.dumps(typed)})") == token, typed
    assert in_worker(page, small, 'wholeName("method get not allowed")') == ""
    found = in_worker(page, small, 'namesInside("浏览器打开登录地址 提示 Method GET not allowed")')
    assert found == [token]


def test_a_message_inside_a_longer_query_is_looked_up_as_its_token(page: Any, site: Site) -> None:
    """A message pasted with words around it is found by its token, the longest first and none
    overlapping; a name of fewer than four words or characters inside a query is not, since it
    often describes another code's situation ("Connection timed out" in nginx's 504 line)."""
    texts = [
        "Unable to log in with provided credentials.",
        "Connection timed out",
        "请求已被限流。",
        "log in with provided credentials",
    ]
    small = small_index(site, *(search_terms.snake(text) for text in texts))
    found = in_worker(
        page,
        small,
        'namesInside("登录失败 Unable to log in with provided credentials. 请求已被限流")',
    )
    assert found == [search_terms.snake(texts[0]), search_terms.snake(texts[2])]
    nginx = "upstream timed out (110: Connection timed out) while reading upstream"
    assert in_worker(page, small, f"namesInside({json.dumps(nginx)})") == []
    rewritten = in_worker(
        page, small, 'rewriteQuery("登录失败 Unable to log in with provided credentials.")'
    )
    assert f"{search_terms.snake(texts[0])}^10" in rewritten.split()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_drf_message_pasted_whole_finds_its_code(
    page: Any, server: str, site: Site, all_records: list[StatusCode], language: str
) -> None:
    """Each of DRF's messages on /messages/, pasted whole, puts a section of one of its codes
    first, with the values the site shows and with other ones: in the site's language, and the
    English one on the Chinese site too. A message
    spelled like another code's name ("Invalid token." and 498 Invalid Token) leaves that name
    its code, and comes second."""
    by_code = {record.code: record for record in all_records}
    names = {
        search_terms.snake(name): record.code
        for record in all_records
        for name in search_terms.english_names(record)
    }
    languages = ("zh", "en") if language == "zh" else ("en",)
    prefix = f"/{LANGUAGE_PREFIX[language]}"
    wanted: dict[str, tuple[set[str], int]] = {}
    for message in messages(site, all_records).messages:
        targets = {f"{prefix}{page_name(by_code[c])}/#{by_code[c].anchor}" for c in message.codes}
        for lang in languages:
            text = message.text[lang]
            place = 2 if search_terms.snake(text) in names else 1
            wanted[text] = (targets, place)
            wanted[with_other_values(text)] = (targets, place)  # the reader's own values
    page.goto(f"{server}{prefix}")
    answers = page.evaluate(RUN_QUERIES, list(wanted))
    wrong = {
        text: (sorted(targets), answers[text][:3])
        for text, (targets, place) in wanted.items()
        if not set(answers[text][:place]) & targets
    }
    assert not wrong, f"{len(wrong)} of {len(wanted)} messages miss: {wrong}"
