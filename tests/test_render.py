"""The Markdown renderer and the search split, called directly."""

from __future__ import annotations

import dataclasses
import re

import markdown
import pytest
import search_split
import status_render
import ui_text
from bs4 import BeautifulSoup
from status_table import DrfCode

# The Markdown extensions mkdocs.yml enables, so rendered HTML matches the site's.
EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "tables", "pymdownx.superfences"]


def to_html(source: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(source, extensions=EXTENSIONS), "html.parser")


def record_by_code(records: list[DrfCode], code: int) -> DrfCode:
    return next(record for record in records if record.code == code)


def with_text(record: DrfCode, language: str, **fields: str) -> DrfCode:
    text = dict(record.text)
    text[language] = dataclasses.replace(record.text[language], **fields)
    return dataclasses.replace(record, text=text)


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "word { onclick=alert(1) }",
    "word { #http_404 }",
    "## Not a heading",
    "---",
    "1. not a list",
    "> not a quote",
    "Title\n===",
    "&lt;already escaped&gt; & raw",
    "*not emphasis* __nor bold__",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_renders_as_inert_text(records: list[DrfCode], hostile: str) -> None:
    by_code = {record.code: record for record in records}

    def render(text: str) -> BeautifulSoup:
        record = with_text(by_code[409], "en", summary=text, usage=f"Before.\n\n{text}\n\nAfter.")
        return to_html(status_render.code_section(record, "en", by_code))

    clean, html = render("plain words"), render(hostile)

    # The structure is unchanged: same tags, same ids, same attributes.
    def shape(soup: BeautifulSoup) -> list[tuple[str, tuple[str, ...]]]:
        return [(tag.name, tuple(sorted(tag.attrs))) for tag in soup.find_all(True)]

    assert shape(html) == shape(clean)
    assert [tag.get("id") for tag in html.find_all(id=True)] == ["http_409"]
    # And the text shows exactly what was written.
    summary = html.find("p", class_="status-constant").find_next("p").get_text()
    assert summary == " ".join(hostile.split())


def test_code_spans_stay_code(records: list[DrfCode]) -> None:
    by_code = {record.code: record for record in records}
    record = with_text(by_code[409], "en", summary="Raise `APIException` <b>now</b>.")
    html = to_html(status_render.code_section(record, "en", by_code))
    paragraph = html.find("p", class_="status-constant").find_next("p")
    assert paragraph.find("code").get_text() == "APIException"
    assert paragraph.get_text() == "Raise APIException <b>now</b>."


def test_section_shape(records: list[DrfCode]) -> None:
    by_code = {record.code: record for record in records}
    source = status_render.code_section(by_code[307], "zh", by_code)
    assert source.startswith(
        '## 307 临时重定向（<span lang="en">Temporary Redirect</span>） { #http_307 }'
    )
    html = to_html(source)
    constant = html.find("p", class_="status-constant")
    assert constant.get_text() == "status.HTTP_307_TEMPORARY_REDIRECT"
    # The copy button copies exactly the constant; Material's clipboard handler reads the attribute.
    assert constant.find("button")["data-clipboard-text"] == constant.get_text()
    assert constant.find("button")["title"] == "复制"
    warning = html.find("div", class_="warning")
    assert "HTTP_307_RESERVED" in warning.get_text()
    assert warning.find("a")["href"] == "3xx.md#http_306"
    facts = html.find("ul").get_text()
    assert "HttpResponseRedirect(url, preserve_request=True)" in facts
    assert "Django 5.2" in facts


def test_renamed_code_shows_both_names(records: list[DrfCode]) -> None:
    by_code = {record.code: record for record in records}
    for language in ("zh", "en"):
        facts = to_html(status_render.code_section(by_code[422], language, by_code)).find("ul")
        text = facts.get_text()
        assert "Unprocessable Content" in text and "Unprocessable Entity" in text
        assert "UNPROCESSABLE_CONTENT" in text and "UNPROCESSABLE_ENTITY" in text


def fact_line(records: list[DrfCode], code: int, language: str, label: str) -> str:
    """The text after "**label**: " in one of a code's fact lines."""
    prefix = f"- **{label}**{ui_text.LABELS[language]['colon']}"
    record = record_by_code(records, code)
    lines = [line for line in status_render.fact_lines(record, language) if line.startswith(prefix)]
    assert len(lines) == 1, (code, language, label)
    return lines[0].removeprefix(prefix)


def test_missing_facts_read_as_one_statement(records: list[DrfCode]) -> None:
    """509: a fact that does not exist is said once, after the label, not as "None: ..."."""
    assert fact_line(records, 509, "zh", "规范") == "没有任何 RFC 定义这个状态码"
    assert fact_line(records, 509, "zh", "标准名称") == "IANA 登记表中没有这个状态码"
    assert fact_line(records, 509, "zh", "Python") == "`http.HTTPStatus` 没有这个状态码"
    assert fact_line(records, 509, "en", "Specification") == "no RFC defines this code"
    assert fact_line(records, 509, "en", "Standard name") == "the code is not in the IANA registry"
    python = fact_line(records, 509, "en", "Python")
    assert python == "`http.HTTPStatus` has no member for this code"
    for record in records:
        for language, colon in (("zh", "："), ("en", ": ")):
            for line in status_render.fact_lines(record, language):
                value = line.partition(colon)[2]
                assert not re.match(r"(无|None)\W", value), (record.code, line)


def test_flags_are_labelled_flags(records: list[DrfCode]) -> None:
    """207: WebDAV is not a status, so the line is "Flags" in English, as 标记 is in Chinese."""
    assert fact_line(records, 207, "en", "Flags") == "WebDAV"
    assert fact_line(records, 207, "zh", "标记") == "WebDAV"
    assert fact_line(records, 508, "en", "Flags") == "Experimental · WebDAV"


def test_former_name_line_says_it_once(records: list[DrfCode]) -> None:
    """413: the older name is given once, after a separator, with who still uses it."""
    assert fact_line(records, 413, "zh", "标准名称") == (
        '<span lang="en">Content Too Large</span>（IANA / RFC 9110）；'
        '此前名为 <span lang="en">Request Entity Too Large</span>，DRF 的常量沿用这个名字，'
        "它也是 Python 3.12 及更早版本的主名称"
    )
    assert fact_line(records, 413, "en", "Standard name") == (
        "Content Too Large (IANA / RFC 9110), formerly Request Entity Too Large, which DRF's "
        "constant keeps and which was Python's canonical name for the code up to 3.12"
    )


def test_python_line_names_python_once(records: list[DrfCode]) -> None:
    """422 and 418: the label says "Python", so the versions after it are bare numbers."""
    assert fact_line(records, 422, "zh", "Python") == (
        "3.12 及更早为 `HTTPStatus.UNPROCESSABLE_ENTITY`；"
        "3.13 起为 `HTTPStatus.UNPROCESSABLE_CONTENT`，旧名仍可作为别名使用"
    )
    assert fact_line(records, 422, "en", "Python") == (
        "`HTTPStatus.UNPROCESSABLE_ENTITY` up to 3.12, and `HTTPStatus.UNPROCESSABLE_CONTENT` "
        "from 3.13, which keeps the old name as an alias"
    )
    assert fact_line(records, 418, "zh", "Python") == "`HTTPStatus.IM_A_TEAPOT`（3.9 起）"
    assert fact_line(records, 418, "en", "Python") == "`HTTPStatus.IM_A_TEAPOT` (since 3.9)"


def test_wrong_name_note_names_both_errors(records: list[DrfCode]) -> None:
    """307: the note gives the error of attribute access and the error of a direct import."""
    by_code = {record.code: record for record in records}
    for language in ("zh", "en"):
        (note,) = status_render.wrong_name_notes(by_code[307], language, by_code)
        assert "`status.HTTP_307_RESERVED`" in note and "`AttributeError`" in note
        assert "`from rest_framework.status import HTTP_307_RESERVED`" in note
        assert "`ImportError`" in note


def test_cross_reference_shows_python_313_aliases(records: list[DrfCode]) -> None:
    """413, 422: Python 3.13 keeps the old member names, and the 3.13 column says so."""
    for language, alias in (("zh", "（别名）"), ("en", " (alias)")):
        rows = {
            line.split("](")[0].removeprefix("| ["): line.split(" | ")
            for line in status_render.xref_page(records, language).splitlines()
            if line.startswith("| [")
        }
        assert rows["413"][5] == f"`CONTENT_TOO_LARGE` ≠<br>`REQUEST_ENTITY_TOO_LARGE`{alias}"
        assert rows["422"][5] == f"`UNPROCESSABLE_CONTENT` ≠<br>`UNPROCESSABLE_ENTITY`{alias}"
        assert rows["409"][5] == "`CONFLICT`"


def test_standard_name_line_only_when_names_differ(records: list[DrfCode]) -> None:
    differing = {r.code for r in records if status_render.standard_name_differs(r)}
    assert differing == {306, 413, 414, 416, 418, 422, 509}


def test_class_page_without_codes_is_an_error(records: list[DrfCode]) -> None:
    only_4xx = [record for record in records if record.status_class == 4]
    with pytest.raises(ValueError, match="no 5xx codes"):
        status_render.class_page(only_4xx, 5, "en")


def test_overview_is_kept_out_of_search(records: list[DrfCode]) -> None:
    html = to_html(status_render.overview(records, "zh"))
    table = html.find("section", attrs={"data-search-exclude": True}).find("table")
    assert len(table.find_all("tr")) == 1 + len(records)


def test_split_index_separates_languages_and_rebases_locations() -> None:
    merged = {
        "config": {"lang": ["en", "zh"], "separator": "x", "pipeline": [], "fields": {"title": {}}},
        "docs": [
            {"location": "", "title": "首页", "text": ""},
            {"location": "4xx/#http_409", "title": "409 冲突", "text": ""},
            {"location": "en/", "title": "Home", "text": ""},
            {"location": "en/4xx/#http_409", "title": "409 Conflict", "text": ""},
            {"location": "enums/", "title": "枚举", "text": ""},
        ],
    }
    terms = {"en": {"4xx/#http_409": {"keys": "HTTP_409_CONFLICT"}}}
    indexes = search_split.split_index(merged, ["zh", "en"], "zh", terms)
    assert [doc["location"] for doc in indexes["zh"]["docs"]] == ["", "4xx/#http_409", "enums/"]
    assert indexes["en"]["docs"][1] == {
        "location": "4xx/#http_409",
        "title": "409 Conflict",
        "text": "",
        "keys": "HTTP_409_CONFLICT",
    }
    assert "\\u200b" in indexes["zh"]["config"]["separator"]
    assert indexes["en"]["config"]["fields"]["keys"]["boost"] > 1000
    assert "keys" not in indexes["zh"]["docs"][1]


def test_split_index_keeps_code_and_code_page_introductions_out() -> None:
    merged = {
        "config": {"fields": {}},
        "docs": [
            {"location": "", "title": "Home", "text": "<p>Welcome</p>"},
            {
                "location": "#usage",
                "title": "Usage",
                "text": "<p>a</p> <pre><code>x\n</code></pre>",
            },
            {"location": "4xx/", "title": "4xx", "text": "<p>Client errors</p>"},
            {"location": "4xx/#http_409", "title": "409", "text": "<p>Conflict</p>"},
        ],
    }
    terms = {"en": {"4xx/#http_409": {"keys": "409"}}}
    docs = search_split.split_index(merged, ["en"], "en", terms)["en"]["docs"]
    texts = [doc["text"] for doc in docs]
    assert texts == ["<p>Welcome</p>", "<p>a</p> ", "", "<p>Conflict</p>"]


def test_code_section_keeps_only_its_summary_searchable(records: list[DrfCode]) -> None:
    by_code = {record.code: record for record in records}
    html = to_html(status_render.code_section(by_code[409], "zh", by_code))
    excluded = html.find_all("section", attrs={"data-search-exclude": True})
    assert (
        len(excluded) == 1 and excluded[0].find("ul") and excluded[0].find(href="4xx.md#http_412")
    )
    searchable = [
        node for node in html.find_all(recursive=False) if not node.has_attr("data-search-exclude")
    ]
    assert [node.name for node in searchable] == ["h2", "p"]  # heading and summary
    assert "status-constant" in searchable[0].find_next_sibling()["class"]  # the constant: keys
    assert "乐观锁" in excluded[0].get_text()


def test_other_entries_keep_their_first_two_sentences_with_tags_closed() -> None:
    cut = search_split._first_sentences
    text = "<p>Use <code>request.data</code>. It is parsed once! Then more.</p> <p>Later.</p>"
    assert cut(text, 2) == "<p>Use <code>request.data</code>. It is parsed once!</p>"
    chinese = "<p>先认证。再检查权限？<code>a.b</code> 最后限流。</p>"
    assert cut(chinese, 2) == "<p>先认证。再检查权限？</p>"
    # A full stop inside a tag's attribute or a code name is not the end of a sentence.
    assert cut('<p><a href="x.y">a</a> b.c d. e.</p>', 1) == '<p><a href="x.y">a</a> b.c d.</p>'
    assert cut("<p>Only one.</p>", 2) == "<p>Only one.</p>"


def test_split_index_writes_a_one_byte_stand_in_for_each_word_break() -> None:
    merged = {
        "config": {"fields": {}},
        "docs": [
            {
                "location": "4xx/",
                "title": "4xx \u200b客户端\u200b错误",
                "text": "<p>冲突\u200b。</p>",
            }
        ],
    }
    doc = search_split.split_index(merged, ["zh"], "zh", {})["zh"]["docs"][0]
    assert doc["title"] == "4xx \x7f客户端\x7f错误" and doc["text"] == "<p>冲突\x7f。</p>"


def test_split_index_refuses_a_text_that_holds_the_stand_in() -> None:
    merged = {
        "config": {"fields": {}},
        "docs": [{"location": "guide/", "title": "a\x7fb", "text": ""}],
    }
    with pytest.raises(ValueError, match="search entry 'guide/', field 'title': holds U\\+007F"):
        search_split.split_index(merged, ["zh"], "zh", {})


def test_split_index_refuses_a_language_without_entries() -> None:
    merged = {"config": {"fields": {}}, "docs": [{"location": "", "title": "t", "text": ""}]}
    with pytest.raises(ValueError, match="no entries for language 'en'"):
        search_split.split_index(merged, ["zh", "en"], "zh", {})


def test_escape_leaves_no_markup_characters_bare() -> None:
    escaped = status_render.escape("a_b*c [d](e) <f> & #g")
    assert not re.search(r"(?<!\\)[_*\[\]()#]", escaped)
    assert "<" not in escaped and ">" not in escaped
    assert status_render.inline("x `a_b` y") == "x `a_b` y"
    assert status_render.paragraphs("one\ntwo\n\n\nthree") == ["one two", "three"]
