"""The guide page ("Which code should I use?"): its code runs, and both languages say the same.

Every code block on docs/guide.md and docs/guide.en.md is included from docs/snippets/guide with
pymdownx.snippets. The views run here against the installed DRF, through the URLs in
tests/guide_urls.py and an in-memory test database. The test classes the pages show live in
docs/snippets/guide/tests.py and are imported below, so pytest runs exactly the assertion lines a
reader sees; the other test classes in this file check what the prose says about the same views.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import guide.tests
import pytest
from conftest import ROOT, Site
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.test import override_settings
from django.test.utils import setup_test_environment, teardown_test_environment
from guide import accepted
from guide.conflict import AccountSerializer
from guide.models import Account, Article, ExportJob

# The test classes the pages show: imported so that pytest collects and runs them here.
from guide.tests import (  # noqa: F401
    AccountConflictTests,
    AccountDeleteTests,
    ArticleCreateTests,
    ArticleGoneTests,
    BookingTests,
    ExportTests,
    LegacyArticleTests,
    MaintenanceTests,
    ProfileTests,
)
from rest_framework import serializers, status
from rest_framework.authentication import (
    BasicAuthentication,
    SessionAuthentication,
    TokenAuthentication,
)
from rest_framework.settings import api_settings
from rest_framework.test import APITestCase
from status_table import HAN, StatusCode

PAGES = {"zh": ROOT / "docs" / "guide.md", "en": ROOT / "docs" / "guide.en.md"}
H1 = {"zh": "# 该用哪个状态码？ { #guide }", "en": "# Which code should I use? { #guide }"}
SNIPPETS = ROOT / "docs" / "snippets"
SNIPPET_TESTS = "guide/tests.py"

# Section id -> the codes the section must link to, in page order.
SECTIONS = {
    "400-vs-422": {400, 422},
    "401-vs-403": {401, 403},
    "404-vs-410": {404, 410},
    "409-conflict": {409},
    "429-vs-503": {429, 503},
    "201-location": {201},
    "204-delete": {204},
    "202-async": {202},
    "redirects": {301, 302, 307, 308},
}

FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
INCLUDE = re.compile(r'^--8<-- "(guide/[a-z_]+\.py)(?::([a-z_]+))?"$')
HEADING = re.compile(r"^## (.+) \{ #([a-z0-9-]+) \}$")
LINK = re.compile(r"\]\(([^)\s]*)\)")
CODE_LINK = re.compile(r"^([1-5])xx\.md#http_(\d{3})$")
SHOWN_ASSERTION = re.compile(r"^self\.assertEqual\(response\.status_code, status\.(HTTP_\w+)\)$")


# --- the Markdown source --------------------------------------------------------------------------


@dataclass
class Include:
    path: str
    section: str | None

    @property
    def file(self) -> Path:
        return SNIPPETS / self.path

    def text(self) -> str:
        return snippet_text(self.path, self.section)


@dataclass
class Section:
    id: str
    title: str
    prose: list[str] = field(default_factory=list)
    includes: list[Include] = field(default_factory=list)

    def codes(self) -> set[int]:
        return {int(code) for _, code in code_links(" ".join(self.prose))}


@dataclass
class Page:
    h1: str
    intro: Section
    sections: list[Section]
    fences: list[tuple[str, list[str]]]  # (info string, body lines) of every fenced block


def parse_page(language: str) -> Page:
    lines = PAGES[language].read_text(encoding="utf-8").splitlines()
    intro = Section("", "")
    current = intro
    sections: list[Section] = []
    fences: list[tuple[str, list[str]]] = []
    fence: tuple[str, str, list[str]] | None = None  # (marker, info, body)
    for line in lines[1:]:
        match = FENCE.match(line)
        if fence is not None:
            if match and match.group(1) == fence[0] and not match.group(2).strip():
                fences.append((fence[1], fence[2]))
                for body in fence[2]:
                    include = INCLUDE.match(body.strip())
                    if include:
                        current.includes.append(Include(include.group(1), include.group(2)))
                fence = None
            else:
                fence[2].append(line)
            continue
        if match:
            fence = (match.group(1), match.group(2).strip(), [])
            continue
        heading = HEADING.match(line)
        if heading:
            current = Section(heading.group(2), heading.group(1))
            sections.append(current)
        else:
            current.prose.append(line)
    assert fence is None, f"{PAGES[language].name}: unclosed code fence"
    return Page(lines[0], intro, sections, fences)


def code_links(text: str) -> list[tuple[str, str]]:
    """(class digit, code) of every `Nxx.md#http_NNN` link in the text."""
    found = []
    for target in LINK.findall(text):
        match = CODE_LINK.match(target)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def snippet_text(path: str, section: str | None) -> str:
    """What pymdownx.snippets includes: the whole file, or the lines between a section's markers."""
    lines = (SNIPPETS / path).read_text(encoding="utf-8").splitlines()
    if section is None:
        return "\n".join(line for line in lines if "--8<--" not in line)
    start = lines.index(f"# --8<-- [start:{section}]")
    end = lines.index(f"# --8<-- [end:{section}]")
    return "\n".join(line for line in lines[start + 1 : end] if "--8<--" not in line)


@pytest.fixture(scope="module")
def pages() -> dict[str, Page]:
    return {language: parse_page(language) for language in PAGES}


def test_pages_open_with_the_title_and_have_the_same_sections(pages: dict[str, Page]) -> None:
    for language, page in pages.items():
        assert page.h1 == H1[language]
        assert [section.id for section in page.sections] == list(SECTIONS), language
        assert any(line.strip() for line in page.intro.prose), f"{language}: no introduction"
    assert [s.id for s in pages["zh"].sections] == [s.id for s in pages["en"].sections]


def test_every_code_block_is_an_include_of_a_snippet_file(pages: dict[str, Page]) -> None:
    for language, page in pages.items():
        assert page.fences, language
        for info, body in page.fences:
            assert info == "python", (language, info, body)
            lines = [line.strip() for line in body if line.strip()]
            assert lines, (language, "empty code block")
            for line in lines:
                match = INCLUDE.match(line)
                assert match, f"{language}: inline code instead of a snippet include: {line!r}"
                include = Include(match.group(1), match.group(2))
                assert include.file.is_file(), include.path
                assert include.text().strip(), include  # the section markers exist
        # Includes only ever appear inside a python block.
        for section in [page.intro, *page.sections]:
            assert not [line for line in section.prose if "--8<--" in line], (language, section.id)


def test_both_languages_include_the_same_snippets(pages: dict[str, Page]) -> None:
    zh = [(s.id, s.includes) for s in [pages["zh"].intro, *pages["zh"].sections]]
    en = [(s.id, s.includes) for s in [pages["en"].intro, *pages["en"].sections]]
    assert zh == en


def test_every_snippet_module_is_shown(pages: dict[str, Page]) -> None:
    shown = {include.path for include in pages["en"].intro.includes} | {
        include.path for section in pages["en"].sections for include in section.includes
    }
    modules = {
        f"guide/{path.name}"
        for path in (SNIPPETS / "guide").glob("*.py")
        if path.name != "__init__.py"
    }
    assert shown == modules


def test_links_point_to_code_anchors_and_match(
    pages: dict[str, Page], records: list[StatusCode]
) -> None:
    anchors = {record.anchor for record in records}
    per_language = {}
    for language, page in pages.items():
        for section in [page.intro, *page.sections]:
            for target in LINK.findall(" ".join(section.prose)):
                match = CODE_LINK.match(target)
                if match:
                    assert f"http_{match.group(2)}" in anchors, target
                    assert match.group(2)[0] == match.group(1), f"{target}: wrong class page"
                else:
                    assert target.startswith("#") and target[1:] in SECTIONS, (
                        f"{language}: link {target!r} is neither Nxx.md#http_NNN nor a section"
                    )
        for section in page.sections:
            assert SECTIONS[section.id] <= section.codes(), (language, section.id)
        per_language[language] = [(section.id, section.codes()) for section in page.sections]
    assert per_language["zh"] == per_language["en"]
    zh_all = {code for _, codes in per_language["zh"] for code in codes}
    en_all = {code for _, codes in per_language["en"] for code in codes}
    assert zh_all == en_all


def test_each_section_shows_a_snippet_and_one_test_that_runs_here(pages: dict[str, Page]) -> None:
    shown_classes = []
    for section in pages["en"].sections:
        tests = [include for include in section.includes if include.path == SNIPPET_TESTS]
        code = [include for include in section.includes if include.path != SNIPPET_TESTS]
        assert code, f"{section.id}: no snippet"
        assert len(tests) == 1 and tests[0].section, f"{section.id}: show one test class"
        tree = ast.parse(tests[0].text())
        assert len(tree.body) == 1 and isinstance(tree.body[0], ast.ClassDef), section.id
        test_class = tree.body[0]
        assert [ast.unparse(base) for base in test_class.bases] == ["APITestCase"]
        methods = [node for node in test_class.body if isinstance(node, ast.FunctionDef)]
        assert len(methods) == 1 and methods[0].name.startswith("test_"), section.id
        assertions = [
            SHOWN_ASSERTION.match(line.strip())
            for line in tests[0].text().splitlines()
            if "self.assert" in line
        ]
        assert len(assertions) == 1 and assertions[0], f"{section.id}: one status assertion"
        code_value = getattr(status, assertions[0].group(1))
        assert code_value in SECTIONS[section.id], (section.id, assertions[0].group(1))
        # The class shown is the class pytest runs: imported into this module from the same file.
        shown = getattr(guide.tests, test_class.name)
        assert globals().get(test_class.name) is shown, f"import {test_class.name} in this file"
        shown_classes.append(test_class.name)
    defined = [
        name
        for name, value in vars(guide.tests).items()
        if isinstance(value, type) and issubclass(value, APITestCase) and value is not APITestCase
    ]
    assert sorted(shown_classes) == sorted(defined)


def test_snippets_are_in_english() -> None:
    for path in (SNIPPETS / "guide").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not HAN.search(text), path.name


# --- the built pages ------------------------------------------------------------------------------

# The language of the guide's prose is checked with every other page in tests/test_site.py.


def test_built_pages_have_the_sections_and_the_snippets(site: Site, pages: dict[str, Page]) -> None:
    for language, page in pages.items():
        article = site.soup(language, "guide/index.html").select_one("article")
        assert article.find("h1")["id"] == "guide"
        assert [h2["id"] for h2 in article.find_all("h2")] == list(SECTIONS)
        blocks = [pre.get_text().strip() for pre in article.select("pre")]
        includes = [
            include for section in [page.intro, *page.sections] for include in section.includes
        ]
        assert blocks == [include.text().strip() for include in includes], language


def test_built_pages_link_to_the_same_code_anchors(site: Site) -> None:
    hrefs = {}
    for language in PAGES:
        article = site.soup(language, "guide/index.html").select_one("article")
        hrefs[language] = sorted(
            a["href"] for a in article.select("a[href]") if "#http_" in a["href"]
        )
        assert hrefs[language]
        for href in hrefs[language]:
            assert re.fullmatch(r"\.\./[1-5]xx/#http_\d{3}", href), href
    assert hrefs["zh"] == hrefs["en"]


# --- the snippets, run against the installed DRF --------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def test_database() -> Iterator[None]:
    """An in-memory test database with the guide's models, for the APITestCase classes here."""
    with pytest.MonkeyPatch.context() as patch:
        # Once the browser tests have started Playwright (a session fixture in conftest.py), its
        # asyncio loop runs in this thread, and Django would refuse every synchronous query.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        setup_test_environment()
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        yield
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


class BookingDetailsTests(APITestCase):
    def test_body_that_does_not_parse_stays_400(self):
        response = self.client.post("/bookings/", "{not json", content_type="application/json")
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)

    def test_valid_booking(self):
        data = {"start": "2025-03-01", "end": "2025-03-02"}
        response = self.client.post("/bookings/", data, format="json")
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)

    def test_raise_exception_gives_400_by_default(self):
        from guide.validation import BookingSerializer
        from rest_framework.exceptions import ValidationError

        serializer = BookingSerializer(data={"start": "2025-03-02", "end": "2025-03-01"})
        with self.assertRaises(ValidationError) as caught:
            serializer.is_valid(raise_exception=True)
        self.assertEqual(caught.exception.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertFalse(hasattr(status, "HTTP_422_UNPROCESSABLE_CONTENT"))


class ProfileDetailsTests(APITestCase):
    def test_session_first_turns_401_into_403(self):
        response = self.client.get("/profile/session-first/")
        self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)
        self.assertNotIn("WWW-Authenticate", response)

    def test_401_carries_www_authenticate(self):
        response = self.client.get("/profile/")
        self.assertEqual(response["WWW-Authenticate"], "Token")

    def test_wrong_token(self):
        headers = {"Authorization": "Token not-a-real-token"}
        self.assertEqual(
            self.client.get("/profile/", headers=headers).status_code,
            status.HTTP_401_UNAUTHORIZED,
        )
        self.assertEqual(
            self.client.get("/profile/session-first/", headers=headers).status_code,
            status.HTTP_403_FORBIDDEN,
        )

    def test_authenticated_user_gets_the_profile(self):
        from django.contrib.auth.models import User
        from rest_framework.authtoken.models import Token

        user = User.objects.create_user("ada")
        token = Token.objects.create(user=user)
        headers = {"Authorization": f"Token {token.key}"}
        response = self.client.get("/profile/", headers=headers)
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.data, {"username": "ada"})

    def test_what_the_page_says_about_the_authentication_classes(self):
        self.assertIs(api_settings.DEFAULT_AUTHENTICATION_CLASSES[0], SessionAuthentication)
        self.assertIsNone(SessionAuthentication().authenticate_header(None))
        self.assertEqual(TokenAuthentication().authenticate_header(None), "Token")
        self.assertEqual(BasicAuthentication().authenticate_header(None), 'Basic realm="api"')


class ArticleGoneDetailsTests(APITestCase):
    def test_unknown_article_is_404(self):
        response = self.client.get("/articles/999/")
        self.assertEqual(response.status_code, status.HTTP_404_NOT_FOUND)

    def test_live_article(self):
        article = Article.objects.create(title="News")
        response = self.client.get(f"/articles/{article.pk}/")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.data["title"], "News")

    def test_gone_body(self):
        article = Article.objects.create(title="Old news", removed=True)
        response = self.client.get(f"/articles/{article.pk}/")
        self.assertEqual(response.data["detail"].code, "gone")


class AccountConflictDetailsTests(APITestCase):
    def test_new_email_is_created(self):
        response = self.client.post("/accounts/", {"email": "ada@example.com"})
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(Account.objects.count(), 1)

    def test_conflict_body_and_database_still_usable(self):
        Account.objects.create(email="ada@example.com")
        response = self.client.post("/accounts/", {"email": "ada@example.com"})
        self.assertEqual(response.data["detail"].code, "conflict")
        self.assertEqual(Account.objects.count(), 1)  # the outer transaction survived

    def test_default_model_serializer_reports_a_duplicate_as_400(self):
        class DefaultAccountSerializer(serializers.ModelSerializer):
            class Meta:
                model = Account
                fields = ["id", "email"]

        Account.objects.create(email="ada@example.com")
        serializer = DefaultAccountSerializer(data={"email": "ada@example.com"})
        self.assertFalse(serializer.is_valid())
        self.assertEqual(serializer.errors["email"][0].code, "unique")
        self.assertTrue(AccountSerializer(data={"email": "ada@example.com"}).is_valid())

    def test_invalid_email_is_still_400(self):
        response = self.client.post("/accounts/", {"email": "not an email"})
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)


class ThrottleAndMaintenanceDetailsTests(APITestCase):
    def setUp(self):
        cache.clear()  # throttle history lives in the cache

    def test_fourth_search_in_a_minute_is_429_with_retry_after(self):
        for _ in range(3):
            self.assertEqual(self.client.get("/search/").status_code, status.HTTP_200_OK)
        response = self.client.get("/search/")
        self.assertEqual(response.status_code, status.HTTP_429_TOO_MANY_REQUESTS)
        self.assertIn(int(response["Retry-After"]), range(1, 61))

    @override_settings(MAINTENANCE_MODE=True)
    def test_maintenance_sends_retry_after(self):
        response = self.client.get("/reports/")
        self.assertEqual(response["Retry-After"], "600")
        self.assertEqual(response.data["detail"].code, "service_unavailable")

    def test_reports_outside_maintenance(self):
        response = self.client.get("/reports/")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertNotIn("Retry-After", response)


class ArticleCreateDetailsTests(APITestCase):
    def test_location_is_the_new_article(self):
        response = self.client.post("/articles/", {"title": "Hello"})
        article = Article.objects.get()
        self.assertEqual(response["Location"], f"http://testserver/articles/{article.pk}/")
        self.assertEqual(response["Location"], response.data["url"])
        self.assertEqual(self.client.get(response["Location"]).status_code, status.HTTP_200_OK)


class AccountDeleteDetailsTests(APITestCase):
    def test_no_body_and_second_delete_is_404(self):
        account = Account.objects.create(email="ada@example.com")
        response = self.client.delete(f"/accounts/{account.pk}/")
        self.assertEqual(response.content, b"")
        self.assertFalse(Account.objects.exists())
        again = self.client.delete(f"/accounts/{account.pk}/")
        self.assertEqual(again.status_code, status.HTTP_404_NOT_FOUND)


class ExportDetailsTests(APITestCase):
    def test_job_is_queued_and_pollable(self):
        response = self.client.post("/exports/")
        job = ExportJob.objects.get()
        self.assertIn(job.pk, accepted.QUEUED)
        self.assertEqual(response.data["state"], "queued")
        poll = self.client.get(response.data["url"])
        self.assertEqual(poll.status_code, status.HTTP_200_OK)
        self.assertEqual(poll.data["id"], job.pk)


class RedirectDetailsTests(APITestCase):
    def test_legacy_address(self):
        for method in (self.client.get, self.client.post):
            response = method("/v1/articles/")
            self.assertEqual(response.status_code, status.HTTP_308_PERMANENT_REDIRECT)
            self.assertEqual(response["Location"], "/articles/")

    def test_upload_redirect_is_307(self):
        response = self.client.post("/uploads/")
        self.assertEqual(response.status_code, status.HTTP_307_TEMPORARY_REDIRECT)
        self.assertEqual(response["Location"], "https://standby.example.com/uploads/")

    def test_what_the_page_says_about_preserve_request(self):
        self.assertEqual(HttpResponseRedirect("/x/").status_code, 302)
        self.assertEqual(HttpResponseRedirect("/x/", preserve_request=True).status_code, 307)
        self.assertEqual(HttpResponsePermanentRedirect("/x/").status_code, 301)
        self.assertEqual(
            HttpResponsePermanentRedirect("/x/", preserve_request=True).status_code, 308
        )
