"""The `sources` of codes met in the wild: loaded and checked like `spec.url`, shown in both
languages, and present on every appendix entry."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from status_render import wild_section
from status_table import SOURCE_HOSTS, SPEC_HOSTS, Source, TableError, WildCode, parse_table

PATH = "docs/codes.yml"
NGINX = "https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return"


def wild_entry(**wild: Any) -> dict[str, Any]:
    block: dict[str, Any] = {"source": "nginx", "constant": "HTTP_444_NO_RESPONSE", **wild}
    return {
        "code": 444,
        "wild": block,
        "spec": None,
        "related": [],
        "zh": {"title": "无响应", "summary": "关闭连接。", "usage": "不发送响应。"},
        "en": {"title": "No Response", "summary": "Closes it.", "usage": "Sends nothing."},
    }


def load(entry: dict[str, Any]) -> WildCode:
    (record,) = parse_table(yaml.safe_dump([entry], allow_unicode=True), PATH)
    assert isinstance(record, WildCode)
    return record


def problems_for(entry: dict[str, Any]) -> list[str]:
    with pytest.raises(TableError) as caught:
        load(entry)
    assert str(caught.value).startswith(f"{PATH}: ")
    return caught.value.problems


def test_sources_load_in_order() -> None:
    sources = [
        {"title": "nginx: return", "url": NGINX},
        {"title": "nginx source", "url": "https://github.com/nginx/nginx"},
    ]
    record = load(wild_entry(sources=sources))
    assert record.wild.sources == (
        Source(title="nginx: return", url=NGINX),
        Source(title="nginx source", url="https://github.com/nginx/nginx"),
    )


@pytest.mark.parametrize("sources", [None, []])
def test_sources_are_optional(sources: Any) -> None:
    assert load(wild_entry(sources=sources)).wild.sources == ()
    assert load(wild_entry()).wild.sources == ()


def test_source_link_must_be_https() -> None:
    plain = "http://nginx.org/en/docs/"
    problems = problems_for(wild_entry(sources=[{"title": "nginx", "url": plain}]))
    assert problems == [
        f"entry 444 (#1), field 'wild.sources[0].url': {plain!r} is not an https link"
    ]


def test_source_link_must_be_on_an_allowed_host() -> None:
    problems = problems_for(
        wild_entry(sources=[{"title": "a blog", "url": "https://evil.example/nginx"}])
    )
    assert len(problems) == 1
    assert problems[0].startswith(
        "entry 444 (#1), field 'wild.sources[0].url': host 'evil.example' is not one of "
    )
    assert "nginx.org" in problems[0] and "developers.cloudflare.com" in problems[0]


def test_source_needs_a_title() -> None:
    missing = problems_for(wild_entry(sources=[{"url": NGINX}]))
    assert missing == ["entry 444 (#1), field 'wild.sources[0].title': missing"]
    empty = problems_for(wild_entry(sources=[{"title": " ", "url": NGINX}]))
    assert empty == ["entry 444 (#1), field 'wild.sources[0].title': is empty"]


def test_source_title_is_english() -> None:
    problems = problems_for(wild_entry(sources=[{"title": "nginx 文档", "url": NGINX}]))
    assert problems == [
        "entry 444 (#1), field 'wild.sources[0].title': English text contains Chinese characters"
    ]


def test_malformed_sources_are_named() -> None:
    problems = problems_for(
        wild_entry(sources=[{"title": "x", "url": NGINX, "note": "x"}, "https://nginx.org/"])
    )
    assert problems == [
        "entry 444 (#1), field 'wild.sources[0].note': unknown field",
        "entry 444 (#1), field 'wild.sources[1]': expected a mapping, got text",
    ]
    assert problems_for(wild_entry(sources={"title": "x"})) == [
        "entry 444 (#1), field 'wild.sources': expected a list, got a mapping"
    ]


def test_spec_hosts_stay_narrower_than_source_hosts() -> None:
    """A vendor page can back a claim but is never a code's specification."""
    assert SPEC_HOSTS < SOURCE_HOSTS
    entry = wild_entry()
    entry["spec"] = {"doc": "nginx", "section": "return", "url": NGINX}
    (problem,) = problems_for(entry)
    assert problem.startswith("entry 444 (#1), field 'spec.url': host 'nginx.org' is not one of")


def test_sources_render_in_both_languages() -> None:
    record = load(wild_entry(sources=[{"title": "nginx: return", "url": NGINX}]))
    by_code = {record.code: record}
    zh = wild_section(record, "zh", by_code)
    en = wild_section(record, "en", by_code)
    assert f'- **来源**：[<span lang="en">nginx: return</span>]({NGINX})' in zh
    assert f"- **Sources**: [nginx: return]({NGINX})" in en
    # Without sources the line is left out rather than shown empty.
    bare = load(wild_entry())
    assert "来源" not in wild_section(bare, "zh", {444: bare})


def test_every_wild_entry_links_its_sources(wild_records: list[WildCode]) -> None:
    for record in wild_records:
        assert record.wild.sources, record.code
