"""The built site, parsed: pages, anchors, facts in both languages, search, foreign hosts."""

from __future__ import annotations

import codecs
import copy
import json
import re
from urllib.parse import urlsplit

import pytest
import text_rules
from bs4 import BeautifulSoup, Tag
from conftest import CLASS_PAGES, LANGUAGE_PREFIX, LANGUAGES, OTHER_PAGES, ROOT, Site
from site_urls import page_name
from status_table import HAN, SOURCE_HOSTS, DrfCode, StatusCode

PAGES = (
    "index.html",
    *(f"{name}/index.html" for name in (*CLASS_PAGES, *OTHER_PAGES)),
    "404.html",
)


def test_output_manifest(site: Site, all_records: list[StatusCode]) -> None:
    """Every page exists in both languages, plus a short link per code; nothing else."""
    html = sorted(path.relative_to(site.root).as_posix() for path in site.root.rglob("*.html"))
    short = [f"{record.code}/index.html" for record in all_records]
    expected = sorted([*PAGES, *short, *(f"en/{page}" for page in (*PAGES, *short))])
    assert html == expected
    assert (site.root / "codes.json").is_file() and (site.root / "codes.csv").is_file()
    assert (site.root / "search" / "search_index.json").is_file()
    assert (site.root / "en" / "search" / "search_index.json").is_file()
    assert not list(site.root.rglob("codes.yml"))


def test_export_page_links_the_data_files(site: Site) -> None:
    """/export/ and /en/export/ link codes.json and codes.csv, and the links reach the files at
    the site root (MkDocs does not check links to files outside docs/)."""
    for language in LANGUAGES:
        page = site.root / LANGUAGE_PREFIX[language] / "export" / "index.html"
        article = site.soup(language, "export/index.html").select_one("article")
        links = {
            a.get_text(): (page.parent / a["href"]).resolve()
            for a in article.select("a[href]")
            if not a["href"].startswith("#")
        }
        assert links == {name: (site.root / name).resolve() for name in ("codes.json", "codes.csv")}
        assert all(path.is_file() for path in links.values()), language


def test_csv_starts_with_a_byte_order_mark(site: Site) -> None:
    """codes.csv is UTF-8 with a BOM, which Excel needs to read the Chinese columns; one BOM."""
    data = (site.root / "codes.csv").read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    assert text.startswith("code,class,constant,") and "\ufeff" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_lang_attribute(site: Site, language: str) -> None:
    for page in PAGES:
        assert site.soup(language, page).html["lang"] == language, page


def code_headings(soup: BeautifulSoup) -> dict[str, Tag]:
    return {h2["id"]: h2 for h2 in soup.select("article h2[id^=http_]")}


def section(heading: Tag) -> list[Tag]:
    """The blocks from a code heading up to the next h2; the <section> that only keeps blocks
    out of search is looked through."""
    nodes = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "section":
            nodes += sibling.find_all(recursive=False)
        else:
            nodes.append(sibling)
    return nodes


def test_every_code_has_its_anchor_in_both_languages(site: Site, records: list[DrfCode]) -> None:
    for language in LANGUAGES:
        found: dict[str, str] = {}
        for name in CLASS_PAGES:
            for anchor in code_headings(site.soup(language, f"{name}/index.html")):
                assert anchor not in found, f"{anchor} on {name} and {found[anchor]}"
                found[anchor] = name
        assert found == {record.anchor: f"{record.status_class}xx" for record in records}


def test_headings_have_permalinks_and_titles(site: Site, records: list[DrfCode]) -> None:
    for record in records:
        for language in LANGUAGES:
            page = site.soup(language, f"{record.status_class}xx/index.html")
            heading = page.find("h2", id=record.anchor)
            assert heading.find("a", class_="headerlink")["href"] == f"#{record.anchor}"
            text = heading.get_text().rstrip("¶")
            assert text.startswith(f"{record.code} {record.text[language].title}")


def facts(heading: Tag) -> dict[str, object]:
    """The language-independent facts a code section shows."""
    nodes = section(heading)
    return {
        "constant_block": nodes[0].get_text().strip(),
        "links": [a["href"] for node in nodes for a in node.find_all("a", href=True)],
        "admonitions": [
            sorted(node["class"]) for node in nodes if "admonition" in node.get("class", [])
        ],
    }


def test_both_languages_show_the_same_facts(site: Site, records: list[DrfCode]) -> None:
    for record in records:
        page = f"{record.status_class}xx/index.html"
        zh = facts(site.soup("zh", page).find("h2", id=record.anchor))
        en = facts(site.soup("en", page).find("h2", id=record.anchor))
        assert zh["constant_block"] == en["constant_block"] == f"status.{record.constant}"
        assert zh["links"] == en["links"], record.code
        assert zh["admonitions"] == en["admonitions"], record.code
        # The same classes, members and constants are named in both languages' fact lists.
        fact_codes = {
            language: {
                item.get_text()
                for item in next(
                    node
                    for node in section(site.soup(language, page).find("h2", id=record.anchor))
                    if node.name == "ul"
                ).find_all("code")
            }
            for language in LANGUAGES
        }
        assert fact_codes["zh"] == fact_codes["en"], record.code


def test_spec_links_go_to_the_exact_section(site: Site, records: list[DrfCode]) -> None:
    for record in records:
        if record.spec is None:
            continue
        for language in LANGUAGES:
            heading = site.soup(language, f"{record.status_class}xx/index.html").find(
                "h2", id=record.anchor
            )
            hrefs = [a["href"] for node in section(heading) for a in node.find_all("a", href=True)]
            assert record.spec.url in hrefs
            assert "#section-" in record.spec.url


def main_text(soup: BeautifulSoup, *, drop_foreign: bool, part: str = "article") -> str:
    article = copy.copy(soup.select_one(part))  # the parsed page is shared between tests
    for element in article.select("code, pre, .headerlink"):
        element.decompose()
    if drop_foreign:
        for element in article.select('[lang="en"]'):
            element.decompose()
    return article.get_text(" ")


# Latin-script words Chinese prose may use as they are: the build enforces the same list on the
# sources (hooks/text_rules.py); this checks what the pages finally show, generated text included.
ALLOWED_LATIN = text_rules.load_glossary(ROOT / "docs" / "glossary.yml").latin


# The root 404.html holds both languages' messages (hosts serve it for every missing path); each
# part is checked against its own language's rule.
ROOT_404_PART = {language: f'article > [data-not-found="{language}"]' for language in LANGUAGES}


def test_no_untranslated_english_on_chinese_pages(site: Site) -> None:
    for page in PAGES:
        part = ROOT_404_PART["zh"] if page == "404.html" else "article"
        text = main_text(site.soup("zh", page), drop_foreign=True, part=part)
        words = set(re.findall(r"(?<!\w)[A-Za-z][A-Za-z'\-]*", text))
        # DRF's name is quoted on purpose where the site introduces it.
        assert words <= ALLOWED_LATIN | {"Django", "REST", "framework"}, (
            page,
            words - ALLOWED_LATIN,
        )


def test_no_chinese_on_english_pages(site: Site) -> None:
    for page in PAGES:
        soup = site.soup("en", page)
        text = main_text(soup, drop_foreign=False)
        assert not HAN.search(text), (page, HAN.findall(text)[:10])
        title = soup.title.get_text()
        assert not HAN.search(title), title
    text = main_text(site.soup("zh", "404.html"), drop_foreign=False, part=ROOT_404_PART["en"])
    assert not HAN.search(text), ("404.html, English part", HAN.findall(text)[:10])


@pytest.mark.parametrize(
    ("language", "name"), [("zh", "DRF 状态码参考"), ("en", "DRF Status Code Reference")]
)
def test_page_titles(site: Site, language: str, name: str) -> None:
    """The home page is titled with the site name alone; other pages add it after their own."""
    assert site.soup(language, "index.html").title.get_text() == name
    title = "4xx 客户端错误" if language == "zh" else "4xx Client Error"
    assert site.soup(language, "4xx/index.html").title.get_text() == f"{title} - {name}"


def test_short_links_name_the_site_icon(site: Site, all_records: list[StatusCode]) -> None:
    """Short-link pages link the site's icon, relatively, so browsers do not ask for a missing
    /favicon.ico, on any path the site is published at."""
    for language in LANGUAGES:
        for record in all_records:
            page = site.page(language, f"{record.code}/index.html")
            href = site.soup(language, f"{record.code}/index.html").find("link", rel="icon")["href"]
            assert not urlsplit(href).netloc and not href.startswith("/"), href
            icon = (page.parent / href).resolve()
            assert icon == (site.root / "assets" / "images" / "favicon.svg").resolve(), href


def test_chinese_pages_mark_english_names(site: Site, records: list[DrfCode]) -> None:
    for record in records:
        heading = site.soup("zh", f"{record.status_class}xx/index.html").find(
            "h2", id=record.anchor
        )
        assert heading.find("span", lang="en").get_text() == record.text["en"].title


def test_home_overview_links_every_code(site: Site, records: list[DrfCode]) -> None:
    for language in LANGUAGES:
        soup = site.soup(language, "index.html")
        overview = soup.find("h2", id="overview").find_next("table")
        links = [a["href"] for a in overview.select("a[href]")]
        assert links == [f"{record.status_class}xx/#{record.anchor}" for record in records]
        assert "/409/" in soup.select_one("article").get_text()  # the short form is explained
        # The table is kept out of search, so searches land on the codes' own sections.
        index_root = site.root / LANGUAGE_PREFIX[language] / "search" / "search_index.json"
        index = json.loads(index_root.read_text(encoding="utf-8"))
        assert [doc["text"] for doc in index["docs"] if doc["location"] == "#overview"] == [""]


def test_class_pages_open_with_their_helper(site: Site) -> None:
    helpers = [
        "is_informational",
        "is_success",
        "is_redirect",
        "is_client_error",
        "is_server_error",
    ]
    for name, helper in zip(CLASS_PAGES, helpers, strict=True):
        for language in LANGUAGES:
            article = site.soup(language, f"{name}/index.html").select_one("article")
            before_codes = []
            for element in article.find("h1").find_next_siblings():
                if element.name == "h2":
                    break
                before_codes.append(element.get_text())
            assert f"status.{helper}" in " ".join(before_codes), (language, name)


def test_wrong_names_point_to_the_right_constant(site: Site, records: list[DrfCode]) -> None:
    for record in records:
        for language in LANGUAGES:
            heading = site.soup(language, f"{record.status_class}xx/index.html").find(
                "h2", id=record.anchor
            )
            warnings = [n for n in section(heading) if "warning" in n.get("class", [])]
            if not record.wrong_names:
                assert not warnings
                continue
            text = warnings[0].get_text()
            for wrong in record.wrong_names:
                assert wrong.name in text
            assert f"status.{record.constant}" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_indexes_each_code_by_its_summary(
    site: Site, all_records: list[StatusCode], language: str
) -> None:
    """What the index holds for a code: its title, hidden keys, and the one-sentence summary."""
    root = site.root / LANGUAGE_PREFIX[language]
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    for record in all_records:
        text = texts[f"{page_name(record)}/#{record.anchor}"]
        # Chinese words stand apart by the index's one-byte stand-in for U+200B (search_split).
        plain = " ".join(re.sub(r"<[^>]+>|\x7f", "", text).split())
        summary = " ".join(record.text[language].summary.replace("`", "").split())
        assert plain == summary, record.code
    assert not any("<pre>" in doc["text"] for doc in index["docs"])
    # Pages of codes are found by title and by their codes; other pages keep their introduction.
    for name in ("1xx", "2xx", "3xx", "4xx", "5xx", "wild"):
        assert texts[f"{name}/"] == "", name
    assert "codes.csv" in texts["export/"] and "codes.json" in texts["export/"]
    assert "HTTP_307_RESERVED" in texts[""]


def test_search_index_per_language(site: Site) -> None:
    zh = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site.root / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in zh["config"]["separator"] and "\\u200b" not in en["config"]["separator"]
    # Neither index asks the search worker for a lunr language plugin or a token pipeline.
    assert zh["config"]["lang"] == en["config"]["lang"] == ["en"]
    assert zh["config"]["pipeline"] == en["config"]["pipeline"] == []
    assert not any(doc["location"].startswith("en/") for doc in zh["docs"])
    assert not any(HAN.search(doc["title"] + doc["text"]) for doc in en["docs"])
    zh_locations = {doc["location"] for doc in zh["docs"]}
    en_locations = {doc["location"] for doc in en["docs"]}
    assert zh_locations == en_locations  # same sections, same anchors


def test_root_404_carries_both_languages(site: Site) -> None:
    """Static hosts answer every missing path with the root 404.html, so it holds the Chinese
    message, then the English one, each marked with its language and linking its own home page;
    without JavaScript both show. Its script picks one by comparing the path with the English
    root, absolute like the page's asset URLs (mkdocs.yml's default site_url is at /)."""
    soup = site.soup("zh", "404.html")
    assert soup.html["lang"] == "zh"
    parts = soup.select("article > [data-not-found]")
    assert [(part["lang"], part.h1.get_text()) for part in parts] == [
        ("zh", "404 页面不存在"),
        ("en", "404 Page not found"),
    ]
    assert [part.find("a")["href"].rstrip(".") for part in parts] == ["/", "/en/"]
    assert not soup.select("article [hidden]")
    script = soup.select_one("article > script").string
    assert (
        "location.pathname.indexOf(home)" in script
        and '})("/en/", "DRF Status Code Reference")' in script
    )


def test_english_404_is_english_only(site: Site) -> None:
    """en/404.html stays, for hosts that can map missing /en/ paths to it."""
    soup = site.soup("en", "404.html")
    assert soup.html["lang"] == "en"
    assert [h1.get_text() for h1 in soup.select("article h1")] == ["404 Page not found"]
    assert soup.select_one("article a")["href"] == "/en/"
    assert not soup.select("article [data-not-found], article script")


def test_pages_load_nothing_from_other_hosts(site: Site) -> None:
    for language in LANGUAGES:
        for page in PAGES:
            soup = site.soup(language, page)
            for element in soup.select("script[src], img[src], iframe[src], link[href]"):
                url = element.get("src") or element.get("href")
                rel = element.get("rel") or []
                if element.name == "link" and {"canonical", "alternate"} & set(rel):
                    continue  # metadata about this site, never fetched as a resource
                assert not urlsplit(url).netloc, (page, url)
    for stylesheet in site.root.rglob("*.css"):
        urls = re.findall(r"url\(([^)]+)\)", stylesheet.read_text(encoding="utf-8"))
        assert not [u for u in urls if re.match(r"['\"]?(https?:)?//", u)], stylesheet


def test_links_out_are_to_the_cited_specifications(site: Site) -> None:
    """Links out go only to specifications and, on the appendix, to the vendors' sources."""
    for language in LANGUAGES:
        for page in PAGES:
            for link in site.soup(language, page).select("article a[href]"):
                url = urlsplit(link["href"])
                if url.netloc:
                    assert url.scheme == "https", (page, link["href"])
                    assert url.hostname in SOURCE_HOSTS, (page, link["href"])


def test_language_switcher_links_to_the_same_page(site: Site) -> None:
    for name in CLASS_PAGES:
        zh = site.soup("zh", f"{name}/index.html").select("a.md-select__link[hreflang]")
        en = site.soup("en", f"{name}/index.html").select("a.md-select__link[hreflang]")
        assert {a["hreflang"]: a["href"] for a in zh}["en"].rstrip("/").endswith(f"en/{name}")
        assert {a["hreflang"]: a["href"] for a in en}["zh"] == f"../../{name}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_troubleshooting_and_lifecycle_sections_are_searchable(site: Site, language: str) -> None:
    """Each entry of the two pages is a search result of its own, leading to its anchor, with its
    first sentence (an entry's symptom) as the text searched and previewed."""
    root = site.root / LANGUAGE_PREFIX[language]
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    for name in ("troubleshooting", "lifecycle"):
        ids = [h2["id"] for h2 in site.soup(language, f"{name}/index.html").select("article h2")]
        assert len(ids) >= (26 if name == "troubleshooting" else 10)
        for anchor in ids:
            doc = docs[f"{name}/#{anchor}"]
            assert doc["title"] and doc["text"].startswith("<p>"), (name, anchor)
            assert doc["text"].count("<p>") == doc["text"].count("</p>") <= 2, (name, anchor)
