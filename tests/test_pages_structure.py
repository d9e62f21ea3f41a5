"""The lifecycle and troubleshooting pages say the same in both languages, and link what they use.

Both pages are hand-written in docs/ (zh and en). Their Markdown is parsed here: the same h2 ids in
the same order, and per section the same links to code sections (`4xx.md#http_406`,
`wild.md#http_520`), to scenarios (`4xx.md#ex-csrf-failed`) and the same `:::exchange` embeds.
Every troubleshooting entry has a symptom, a cause, a fix and at least one code link. The claims
themselves are run in tests/test_claims_pages.py and by the build (docs/exchanges.yml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
import yaml
from conftest import ROOT, Site
from exchange_render import EMBED
from status_table import DrfCode, StatusCode

LANGUAGES = ("zh", "en")
PAGES = ("lifecycle", "troubleshooting")
H1 = {
    ("lifecycle", "zh"): "# 请求先过哪一关？ { #lifecycle }",
    ("lifecycle", "en"): "# Which check answers first? { #lifecycle }",
    ("troubleshooting", "zh"): "# 问题排查 { #troubleshooting }",
    ("troubleshooting", "en"): "# Troubleshooting { #troubleshooting }",
}
# The steps, in the order a request meets them.
LIFECYCLE_SECTIONS = [
    "front-proxy",
    "allowed-hosts",
    "url-resolver",
    "format",
    "negotiation",
    "versioning",
    "authentication",
    "permissions",
    "throttling",
    "method",
    "parsing",
    "view",
    "exception-handler",
    "finalize-response",
    "django-handlers",
]
# The exchanges that prove the orderings the lifecycle page is about.
LIFECYCLE_EMBEDS = {
    "not-acceptable-before-auth",
    "bad-token-allowany",
    "bad-token-not-throttled",
    "anonymous-delete",
    "method-not-allowed",
    "unknown-method",
    "unknown-format",
    "append-slash-post",
    "disallowed-host",
    "unmatched-url",
    "oversized-body",
    "body-without-length",
}
MIN_ENTRIES = 26
# Each troubleshooting entry: these paragraphs, in this order.
LABELS = {
    "zh": ["**现象**：", "**原因**：", "**解决**：", "**相关**："],
    "en": ["**Symptom**: ", "**Cause**: ", "**Fix**: ", "**See**: "],
}

HEADING = re.compile(r"^## (.+) \{ #([a-z0-9-]+) \}$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
LINK = re.compile(r"\]\(([^)\s]*)\)")
CODE_LINK = re.compile(r"^(?:([1-5])xx|wild)\.md#http_(\d{3})$")
SCENARIO_LINK = re.compile(r"^([1-5])xx\.md#ex-([a-z0-9-]+)$")


@dataclass
class Section:
    id: str
    title: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def links(self) -> list[str]:
        return LINK.findall(self.text)

    def code_links(self) -> set[str]:
        return {target for target in self.links() if CODE_LINK.match(target)}

    def scenario_links(self) -> set[str]:
        return {target for target in self.links() if SCENARIO_LINK.match(target)}

    def other_links(self) -> set[str]:
        return set(self.links()) - self.code_links() - self.scenario_links()

    def embeds(self) -> list[str]:
        return EMBED.findall(self.text)

    def paragraphs(self) -> list[str]:
        return [block.strip() for block in self.text.split("\n\n") if block.strip()]


@dataclass
class Page:
    h1: str
    intro: Section
    sections: list[Section]

    @property
    def ids(self) -> list[str]:
        return [section.id for section in self.sections]


def parse(name: str, language: str) -> Page:
    suffix = "" if language == "zh" else f".{language}"
    path = ROOT / "docs" / f"{name}{suffix}.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    intro = Section("", "")
    current = intro
    sections: list[Section] = []
    in_fence = False
    for line in lines[1:]:
        if FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else HEADING.match(line)
        if heading:
            current = Section(heading.group(2), heading.group(1))
            sections.append(current)
        else:
            current.lines.append(line)
    assert not in_fence, f"{path.name}: unclosed code fence"
    return Page(lines[0], intro, sections)


@pytest.fixture(scope="module")
def pages() -> dict[tuple[str, str], Page]:
    return {(name, language): parse(name, language) for name in PAGES for language in LANGUAGES}


@pytest.fixture(scope="module")
def scenarios() -> dict[str, dict]:
    data = yaml.safe_load((ROOT / "docs" / "exchanges.yml").read_text(encoding="utf-8"))
    return {scenario["id"]: scenario for scenario in data}


def pairs(pages: dict[tuple[str, str], Page], name: str) -> list[tuple[Section, Section]]:
    """The sections of a page, zh next to en (intro first); their ids are checked to match."""
    zh, en = pages[(name, "zh")], pages[(name, "en")]
    return list(zip([zh.intro, *zh.sections], [en.intro, *en.sections], strict=True))


@pytest.mark.parametrize("name", PAGES)
def test_title_and_the_same_sections_in_both_languages(
    pages: dict[tuple[str, str], Page], name: str
) -> None:
    for language in LANGUAGES:
        page = pages[(name, language)]
        assert page.h1 == H1[(name, language)], f"{name}.{language}: first line {page.h1!r}"
        assert len(set(page.ids)) == len(page.ids), f"{name}.{language}: an id is used twice"
        assert any(line.strip() for line in page.intro.lines), f"{name}.{language}: no intro"
    zh, en = pages[(name, "zh")].ids, pages[(name, "en")].ids
    only_zh = [i for i in zh if i not in en]
    only_en = [i for i in en if i not in zh]
    assert zh == en, (
        f"{name}: zh has {len(zh)} sections, en {len(en)}; only in zh: {only_zh}, "
        f"only in en: {only_en} (or the same ids in another order)"
    )


def test_lifecycle_follows_the_request(pages: dict[tuple[str, str], Page]) -> None:
    assert pages[("lifecycle", "en")].ids == LIFECYCLE_SECTIONS


def test_troubleshooting_has_enough_entries(pages: dict[tuple[str, str], Page]) -> None:
    found = len(pages[("troubleshooting", "en")].sections)
    assert found >= MIN_ENTRIES, f"found {found} entries, expected at least {MIN_ENTRIES}"


@pytest.mark.parametrize("name", PAGES)
def test_same_links_and_embeds_per_section(pages: dict[tuple[str, str], Page], name: str) -> None:
    for zh, en in pairs(pages, name):
        where = f"{name}#{en.id or '(intro)'}"
        assert zh.code_links() == en.code_links(), (
            f"{where}: code links only in zh {sorted(zh.code_links() - en.code_links())}, "
            f"only in en {sorted(en.code_links() - zh.code_links())}"
        )
        assert zh.scenario_links() == en.scenario_links(), where
        assert zh.embeds() == en.embeds(), where
        assert zh.other_links() == en.other_links(), where


def test_every_entry_has_symptom_cause_fix_and_a_code_link(
    pages: dict[tuple[str, str], Page],
) -> None:
    for language in LANGUAGES:
        for entry in pages[("troubleshooting", language)].sections:
            where = f"troubleshooting.{language}#{entry.id}"
            starts = [
                label
                for paragraph in entry.paragraphs()
                for label in LABELS[language]
                if paragraph.startswith(label)
            ]
            assert starts == LABELS[language], f"{where}: paragraphs start with {starts}"
            see = next(p for p in entry.paragraphs() if p.startswith(LABELS[language][-1]))
            assert any(CODE_LINK.match(target) for target in LINK.findall(see)), (
                f"{where}: the last line links no code section"
            )
            assert entry.code_links(), f"{where}: links no Nxx.md#http_NNN code section"


def test_code_links_go_to_the_page_of_their_code(
    pages: dict[tuple[str, str], Page], all_records: list[StatusCode]
) -> None:
    by_code = {record.code: record for record in all_records}
    for (name, language), page in pages.items():
        for section in [page.intro, *page.sections]:
            for target in section.code_links():
                match = CODE_LINK.match(target)
                assert match
                record = by_code.get(int(match.group(2)))
                where = f"{name}.{language}#{section.id}: {target}"
                assert record is not None, f"{where}: no such code in docs/codes.yml"
                in_drf = isinstance(record, DrfCode)
                expected = f"{record.status_class}xx.md" if in_drf else "wild.md"
                assert target.startswith(expected), f"{where}: the code lives on {expected}"


def test_scenarios_linked_and_embedded_exist_at_their_home(
    pages: dict[tuple[str, str], Page], scenarios: dict[str, dict]
) -> None:
    for (name, language), page in pages.items():
        for section in [page.intro, *page.sections]:
            where = f"{name}.{language}#{section.id}"
            for scenario_id in section.embeds():
                assert scenario_id in scenarios, f"{where}: ':::exchange {scenario_id}'"
            for target in section.scenario_links():
                match = SCENARIO_LINK.match(target)
                assert match
                scenario = scenarios.get(match.group(2))
                assert scenario is not None, f"{where}: {target} names no scenario"
                home = str(scenario["codes"][0])[0]
                assert match.group(1) == home, f"{where}: {target} lives on {home}xx.md"


def test_lifecycle_shows_the_orderings(pages: dict[tuple[str, str], Page]) -> None:
    page = pages[("lifecycle", "en")]
    embedded = {scenario for section in page.sections for scenario in section.embeds()}
    assert LIFECYCLE_EMBEDS <= embedded, f"not embedded: {sorted(LIFECYCLE_EMBEDS - embedded)}"
    # Every step inside Django and DRF shows or links an exchange; the proxy's are vendor facts.
    for section in page.sections[1:]:
        assert section.embeds() or section.scenario_links(), f"lifecycle#{section.id}"


# --- the built pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_built_pages_have_the_sections_and_no_embed_left(
    site: Site, pages: dict[tuple[str, str], Page], name: str
) -> None:
    hrefs = {}
    for language in LANGUAGES:
        article = site.soup(language, f"{name}/index.html").select_one("article")
        assert article.find("h1")["id"] == name
        assert [h2["id"] for h2 in article.find_all("h2")] == pages[(name, language)].ids
        assert ":::exchange" not in article.get_text()
        hrefs[language] = sorted(
            a["href"] for a in article.select("a[href]") if "#http_" in a["href"]
        )
    assert hrefs["zh"] == hrefs["en"]
