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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import django
import drf_settings
import guide.tests
import pytest
import rest_framework
from conftest import ROOT, Site
from django.conf import global_settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.db import IntegrityError, connection, connections
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.test import override_settings
from guide import accepted
from guide.authentication import ProfileView, SessionFirstProfileView
from guide.conflict import AccountSerializer, Conflict
from guide.created import ArticleList, ArticleSerializer
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
    ProfileTests,
    ReportOutageTests,
)
from guide.throttling import ServiceUnavailable
from guide.validation import BookingSerializer
from rest_framework import exceptions, generics, mixins, serializers, status, viewsets
from rest_framework.authentication import (
    BasicAuthentication,
    SessionAuthentication,
    TokenAuthentication,
)
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.settings import api_settings
from rest_framework.test import APIRequestFactory, APITestCase
from rest_framework.throttling import BaseThrottle
from rest_framework.validators import UniqueValidator
from rest_framework.views import APIView
from status_table import HAN, DrfCode

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
    pages: dict[str, Page], records: list[DrfCode]
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


pytestmark = pytest.mark.usefixtures("test_database")


# Views defined here exist only to check what the prose says about DRF; the snippets' views run
# through tests/guide_urls.py.
factory = APIRequestFactory()


def call(view: type[APIView], request: Any, **kwargs: Any) -> Response:
    response = view.as_view()(request, **kwargs)
    response.render()
    return response


class Unprocessable(ValidationError):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY


class ValueSerializer(serializers.Serializer):
    value = serializers.IntegerField()

    def validate_value(self, value):
        if value == 1:
            raise Unprocessable("Raised by a field's validator.")
        return value

    def validate(self, data):
        if data["value"] == 2:
            raise Unprocessable("Raised by validate().")
        if data["value"] == 3:
            raise Conflict("Not a ValidationError.")
        return data


class ValueView(APIView):
    def post(self, request):
        serializer = ValueSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.data)

    put = patch = post

    def get(self, request):
        if "value" in request.query_params:
            raise ValidationError({"value": ["Not accepted as a filter."]})
        return Response({})


# The guide's exception handler switched on for the whole API, as its comment says.
WITH_422_HANDLER = override_settings(
    REST_FRAMEWORK={
        **drf_settings.REST_FRAMEWORK,
        "EXCEPTION_HANDLER": "guide.validation.exception_handler",
    }
)


class BookingDetailsTests(APITestCase):
    def test_body_that_does_not_parse_stays_400(self):
        response = self.client.post("/bookings/", "{not json", content_type="application/json")
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)

    def test_valid_booking_is_200(self):
        """200: the view creates nothing, so a valid booking is not answered with 201."""
        data = {"start": "2025-03-01", "end": "2025-03-02"}
        response = self.client.post("/bookings/", data, format="json")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.data, data)

    def test_raise_exception_gives_400_by_default(self):
        serializer = BookingSerializer(data={"start": "2025-03-02", "end": "2025-03-01"})
        with self.assertRaises(ValidationError) as caught:
            serializer.is_valid(raise_exception=True)
        self.assertEqual(caught.exception.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertFalse(hasattr(status, "HTTP_422_UNPROCESSABLE_CONTENT"))

    def test_status_of_a_validation_error_subclass_is_lost(self):
        """422: a ValidationError subclass with status_code 422, raised in validate() or in a
        field's validator, still gives 400: is_valid() raises a new, plain ValidationError."""
        for value in (1, 2):
            response = call(ValueView, factory.post("/", {"value": value}, format="json"))
            self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST, value)
        serializer = ValueSerializer(data={"value": 2})
        with self.assertRaises(ValidationError) as caught:
            serializer.is_valid(raise_exception=True)
        self.assertIs(type(caught.exception), ValidationError)

    def test_other_api_exceptions_keep_their_status(self):
        """409: an APIException that is not a ValidationError, raised in validate(), passes
        through is_valid() with its own status."""
        response = call(ValueView, factory.post("/", {"value": 3}, format="json"))
        self.assertEqual(response.status_code, status.HTTP_409_CONFLICT)

    @WITH_422_HANDLER
    def test_handler_sends_422_for_bodies_that_fail_validation(self):
        """422: the guide's exception handler, set as EXCEPTION_HANDLER, turns the ValidationError
        of POST, PUT and PATCH into 422, whoever raised it."""
        for method in (factory.post, factory.put, factory.patch):
            for value in ("not a number", 1, 2):
                response = call(ValueView, method("/", {"value": value}, format="json"))
                self.assertEqual(response.status_code, status.HTTP_422_UNPROCESSABLE_ENTITY)
        response = call(ValueView, factory.post("/", {"value": 3}, format="json"))
        self.assertEqual(response.status_code, status.HTTP_409_CONFLICT)

    @WITH_422_HANDLER
    def test_handler_leaves_query_string_errors_and_parse_errors_at_400(self):
        """400: with the guide's handler, a ValidationError about the query string of a GET and
        a body that does not parse still give 400."""
        response = call(ValueView, factory.get("/", {"value": "x"}))
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        request = factory.post("/", "{not json", content_type="application/json")
        self.assertEqual(call(ValueView, request).status_code, status.HTTP_400_BAD_REQUEST)


class WritableProfileView(ProfileView):
    def post(self, request):
        return Response(status=status.HTTP_204_NO_CONTENT)

    put = patch = delete = post


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

    def test_exceptions_of_401_and_403(self):
        """401, 403: NotAuthenticated and AuthenticationFailed are 401, PermissionDenied 403."""
        self.assertEqual(exceptions.NotAuthenticated.status_code, status.HTTP_401_UNAUTHORIZED)
        self.assertEqual(exceptions.AuthenticationFailed.status_code, status.HTTP_401_UNAUTHORIZED)
        self.assertEqual(exceptions.PermissionDenied.status_code, status.HTTP_403_FORBIDDEN)

    def test_turned_403_keeps_the_not_authenticated_body(self):
        """403: when DRF turns a 401 into 403, only the status changes; the body is still
        NotAuthenticated's, with the code not_authenticated."""
        response = self.client.get("/profile/session-first/")
        self.assertEqual(response.data["detail"], exceptions.NotAuthenticated.default_detail)
        self.assertEqual(response.data["detail"].code, "not_authenticated")

    def test_view_without_authentication_classes_raises_permission_denied(self):
        """403: with no authentication classes, a failed permission check raises
        PermissionDenied itself; nothing is turned from 401."""

        class NoAuthenticationView(SessionFirstProfileView):
            authentication_classes = []

        response = call(NoAuthenticationView, factory.get("/"))
        self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)
        self.assertEqual(response.data["detail"].code, "permission_denied")

    def test_get_authenticate_header_on_the_view_gives_401(self):
        """401: a view whose get_authenticate_header() returns a value answers 401, even with
        SessionAuthentication first."""

        class BearerView(SessionFirstProfileView):
            def get_authenticate_header(self, request):
                return "Bearer"

        response = call(BearerView, factory.get("/"))
        self.assertEqual(response.status_code, status.HTTP_401_UNAUTHORIZED)
        self.assertEqual(response["WWW-Authenticate"], "Bearer")

    def test_session_without_csrf_token_is_403(self):
        """403: a logged-in session that sends POST, PUT, PATCH or DELETE without a CSRF token
        gets 403 "CSRF Failed: ...", with TokenAuthentication first and no token sent."""
        user = User.objects.create_user("ada")
        csrf_factory = APIRequestFactory(enforce_csrf_checks=True)
        self.assertIs(WritableProfileView.authentication_classes[0], TokenAuthentication)
        for method in ("post", "put", "patch", "delete"):
            request = getattr(csrf_factory, method)("/profile/")
            request.user = user  # what AuthenticationMiddleware sets from the session
            response = call(WritableProfileView, request)
            self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN, method)
            self.assertTrue(str(response.data["detail"]).startswith("CSRF Failed:"), method)
        request = csrf_factory.get("/profile/")
        request.user = user
        self.assertEqual(call(WritableProfileView, request).status_code, status.HTTP_200_OK)


class OwnArticlePermission(BasePermission):
    def has_object_permission(self, request, view, obj):
        return obj.title == "Mine"


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

    def test_objects_outside_get_queryset_are_404(self):
        """404: get_object() answers 404 for an object that get_queryset() filters out."""

        class MineOnly(generics.RetrieveAPIView):
            serializer_class = ArticleSerializer

            def get_queryset(self):
                return Article.objects.filter(title="Mine")

        mine = Article.objects.create(title="Mine")
        theirs = Article.objects.create(title="Theirs")
        request = factory.get("/")
        self.assertEqual(call(MineOnly, request, pk=mine.pk).status_code, status.HTTP_200_OK)
        response = call(MineOnly, factory.get("/"), pk=theirs.pk)
        self.assertEqual(response.status_code, status.HTTP_404_NOT_FOUND)

    def test_refused_object_permission_is_403(self):
        """403: an object permission that refuses answers 403, where a missing object is 404."""

        class Guarded(generics.RetrieveAPIView):
            queryset = Article.objects.all()
            serializer_class = ArticleSerializer
            authentication_classes = []
            permission_classes = [OwnArticlePermission]

        theirs = Article.objects.create(title="Theirs")
        response = call(Guarded, factory.get("/"), pk=theirs.pk)
        self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)
        response = call(Guarded, factory.get("/"), pk=999)
        self.assertEqual(response.status_code, status.HTTP_404_NOT_FOUND)

    def test_drf_has_no_exception_for_409_410_or_503(self):
        """409, 410, 503: no exception in rest_framework.exceptions has these statuses, which is
        why the guide defines Conflict, Gone and ServiceUnavailable."""
        statuses = {
            cls.status_code
            for cls in vars(exceptions).values()
            if isinstance(cls, type) and issubclass(cls, exceptions.APIException)
        }
        self.assertFalse(statuses & {409, 410, 503})


class DefaultAccountSerializer(serializers.ModelSerializer):
    """What ModelSerializer gives the guide's Account model without the guide's change."""

    class Meta:
        model = Account
        fields = ["id", "email"]


class AccountConflictDetailsTests(APITestCase):
    def test_new_email_is_created(self):
        response = self.client.post("/accounts/", {"email": "ada@example.com"})
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(Account.objects.count(), 1)

    def test_conflict_body_is_keyed_by_field_and_database_still_usable(self):
        """409: the conflict's body has the shape of a validation error, keyed by the field."""
        Account.objects.create(email="ada@example.com")
        response = self.client.post("/accounts/", {"email": "ada@example.com"})
        self.assertEqual(response.data, {"email": ["This email is already registered."]})
        self.assertEqual(response.data["email"][0].code, "conflict")
        self.assertEqual(Account.objects.count(), 1)  # the outer transaction survived

    def test_default_model_serializer_reports_a_duplicate_as_400(self):
        """400: by default, UniqueValidator reports a duplicate keyed by the field, unsaved."""
        Account.objects.create(email="ada@example.com")
        serializer = DefaultAccountSerializer(data={"email": "ada@example.com"})
        self.assertFalse(serializer.is_valid())
        self.assertEqual(serializer.errors["email"][0].code, "unique")
        self.assertEqual(Account.objects.count(), 1)
        self.assertTrue(AccountSerializer(data={"email": "ada@example.com"}).is_valid())

    def test_only_the_unique_validator_is_dropped(self):
        """409: the guide's serializer removes UniqueValidator and keeps the field's other
        validators (extra_kwargs={"validators": []} would remove them all)."""

        def kinds(serializer: serializers.Serializer) -> list[type]:
            return [type(validator) for validator in serializer.fields["email"].validators]

        default = kinds(DefaultAccountSerializer())
        self.assertIn(UniqueValidator, default)
        self.assertEqual(
            kinds(AccountSerializer()), [k for k in default if k is not UniqueValidator]
        )
        self.assertGreater(len(kinds(AccountSerializer())), 0)

    def test_other_integrity_errors_are_not_conflicts(self):
        """409: an IntegrityError that is not a duplicate is raised again, not answered 409."""
        with (
            mock.patch.object(AccountSerializer, "save", side_effect=IntegrityError("NOT NULL")),
            self.assertRaises(IntegrityError),
        ):
            self.client.post("/accounts/", {"email": "ada@example.com"})

    def test_invalid_email_is_still_400(self):
        response = self.client.post("/accounts/", {"email": "not an email"})
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)


class RefusingThrottle(BaseThrottle):
    def allow_request(self, request, view):
        return False


class ThrottleAndServiceDetailsTests(APITestCase):
    def setUp(self):
        cache.clear()  # throttle history lives in the cache

    def test_fourth_search_in_a_minute_is_429_with_retry_after(self):
        """429: DRF's rate throttles report a wait, sent as Retry-After in seconds."""
        for _ in range(3):
            self.assertEqual(self.client.get("/search/").status_code, status.HTTP_200_OK)
        response = self.client.get("/search/")
        self.assertEqual(response.status_code, status.HTTP_429_TOO_MANY_REQUESTS)
        self.assertIn(int(response["Retry-After"]), range(1, 61))

    def test_throttle_without_a_wait_gives_429_without_retry_after(self):
        """429: when a throttle refuses, the view raises Throttled; a throttle whose wait()
        returns None (BaseThrottle's default) gets a 429 without Retry-After."""

        class Refused(APIView):
            throttle_classes = [RefusingThrottle]

            def get(self, request):
                return Response({})

        response = call(Refused, factory.get("/"))
        self.assertEqual(response.status_code, status.HTTP_429_TOO_MANY_REQUESTS)
        self.assertEqual(response.data["detail"].code, exceptions.Throttled.default_code)
        self.assertNotIn("Retry-After", response)
        self.assertIsNone(BaseThrottle().wait())

    def test_anonymous_throttle_leaves_authenticated_users_alone(self):
        """429: AnonRateThrottle does not count authenticated users."""
        self.client.force_authenticate(User.objects.create_user("ada"))
        for _ in range(5):
            self.assertEqual(self.client.get("/search/").status_code, status.HTTP_200_OK)

    def test_without_num_proxies_x_forwarded_for_is_the_address(self):
        """429: without NUM_PROXIES, the whole X-Forwarded-For header is the client's address,
        so each value a client sends gets a quota of its own."""
        for number in range(5):
            headers = {"X-Forwarded-For": f"192.0.2.{number}"}
            response = self.client.get("/search/", headers=headers)
            self.assertEqual(response.status_code, status.HTTP_200_OK)
        for _ in range(3):
            self.client.get("/search/", headers={"X-Forwarded-For": "192.0.2.9"})
        response = self.client.get("/search/", headers={"X-Forwarded-For": "192.0.2.9"})
        self.assertEqual(response.status_code, status.HTTP_429_TOO_MANY_REQUESTS)

    def test_without_x_forwarded_for_the_connecting_address_is_shared(self):
        """429: with no X-Forwarded-For, the connecting address (a proxy's, behind a proxy)
        counts, so everyone who comes through it shares one quota."""
        proxy = {"REMOTE_ADDR": "198.51.100.1"}
        for _ in range(3):
            response = self.client.get("/search/", **proxy)
            self.assertEqual(response.status_code, status.HTTP_200_OK)
        response = self.client.get("/search/", **proxy)
        self.assertEqual(response.status_code, status.HTTP_429_TOO_MANY_REQUESTS)

    @override_settings(REST_FRAMEWORK={**drf_settings.REST_FRAMEWORK, "NUM_PROXIES": 1})
    def test_num_proxies_takes_the_address_the_proxy_added(self):
        """429: with NUM_PROXIES = 1, the last address in X-Forwarded-For counts, whatever the
        client put before it."""
        for number in range(3):
            headers = {"X-Forwarded-For": f"192.0.2.{number}, 203.0.113.7"}
            response = self.client.get("/search/", headers=headers)
            self.assertEqual(response.status_code, status.HTTP_200_OK)
        headers = {"X-Forwarded-For": "192.0.2.99, 203.0.113.7"}
        response = self.client.get("/search/", headers=headers)
        self.assertEqual(response.status_code, status.HTTP_429_TOO_MANY_REQUESTS)

    @override_settings(REPORT_BACKEND_DOWN=True)
    def test_failed_dependency_sends_retry_after(self):
        """503: exception_handler sends the exception's wait as Retry-After."""
        response = self.client.get("/reports/")
        self.assertEqual(response["Retry-After"], "120")
        self.assertEqual(response.data["detail"].code, "service_unavailable")

    def test_zero_wait_sends_no_retry_after(self):
        """503: a wait of zero is not sent as Retry-After; only a non-zero wait is."""

        class Down(APIView):
            def get(self, request):
                raise ServiceUnavailable(wait=0)

        response = call(Down, factory.get("/"))
        self.assertEqual(response.status_code, status.HTTP_503_SERVICE_UNAVAILABLE)
        self.assertNotIn("Retry-After", response)

    def test_reports_when_the_backend_is_up(self):
        response = self.client.get("/reports/")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertNotIn("Retry-After", response)

    def test_check_in_the_handler_comes_after_authentication(self):
        """503: DRF authenticates and checks permissions before the handler runs, so a 503
        raised in the handler of a protected view never reaches an anonymous caller."""

        class ProtectedReports(SessionFirstProfileView):
            def get(self, request):
                raise ServiceUnavailable(wait=600)

        response = call(ProtectedReports, factory.get("/"))
        self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)

    @override_settings(
        MIDDLEWARE=["guide.throttling.maintenance_middleware"], MAINTENANCE_MODE=True
    )
    def test_maintenance_middleware_answers_before_drf(self):
        """503: the guide's middleware answers before DRF sees the request, so an anonymous
        caller of a protected endpoint gets 503, not 401."""
        response = self.client.get("/profile/")
        self.assertEqual(response.status_code, status.HTTP_503_SERVICE_UNAVAILABLE)
        self.assertEqual(response["Retry-After"], "600")
        self.assertEqual(response.json()["detail"], "Down for maintenance, try again later.")

    @override_settings(MIDDLEWARE=["guide.throttling.maintenance_middleware"])
    def test_maintenance_middleware_is_idle_otherwise(self):
        self.assertEqual(self.client.get("/profile/").status_code, status.HTTP_401_UNAUTHORIZED)


class ArticleCreateDetailsTests(APITestCase):
    def test_location_is_the_new_article(self):
        response = self.client.post("/articles/", {"title": "Hello"})
        article = Article.objects.get()
        self.assertEqual(response["Location"], f"http://testserver/articles/{article.pk}/")
        self.assertEqual(response["Location"], response.data["url"])
        self.assertEqual(self.client.get(response["Location"]).status_code, status.HTTP_200_OK)

    def test_create_views_use_create_model_mixin(self):
        """201: CreateAPIView and ModelViewSet both answer POST with CreateModelMixin.create."""
        self.assertTrue(issubclass(generics.CreateAPIView, mixins.CreateModelMixin))
        self.assertTrue(issubclass(viewsets.ModelViewSet, mixins.CreateModelMixin))

    def test_no_url_field_no_location(self):
        """201: CreateModelMixin sets Location only when the data has a url field."""

        class TitleOnly(serializers.ModelSerializer):
            class Meta:
                model = Article
                fields = ["id", "title"]

        class Create(generics.CreateAPIView):
            serializer_class = TitleOnly

        response = call(Create, factory.post("/", {"title": "Hello"}, format="json"))
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertNotIn("Location", response)

    @override_settings(REST_FRAMEWORK={**drf_settings.REST_FRAMEWORK, "URL_FIELD_NAME": "link"})
    def test_url_field_name_names_the_field(self):
        """201: the field copied into Location is the one URL_FIELD_NAME names."""
        mixin = mixins.CreateModelMixin()
        self.assertEqual(mixin.get_success_headers({"link": "/a/1/"}), {"Location": "/a/1/"})
        self.assertEqual(mixin.get_success_headers({"url": "/a/1/"}), {})

    def test_response_defaults_to_200(self):
        """200: Response without a status is 200."""
        self.assertEqual(Response({}).status_code, status.HTTP_200_OK)

    def test_home_page_example_keeps_location(self):
        """201: the create() of the home page's example, in a ListCreateAPIView, answers 201 with
        the Location header that CreateModelMixin.create would set."""
        blocks = {
            page: re.findall(r"```python\n(.*?)```", (ROOT / "docs" / page).read_text(), re.S)[0]
            for page in ("index.md", "index.en.md")
        }
        self.assertEqual(blocks["index.md"], blocks["index.en.md"])
        namespace: dict[str, Any] = {}
        exec(blocks["index.en.md"], namespace)  # noqa: S102 - the site's own example

        class HomeArticleList(ArticleList):
            create = namespace["create"]

        response = call(HomeArticleList, factory.post("/articles/", {"title": "Hi"}, format="json"))
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(response["Location"], response.data["url"])


class AccountDeleteDetailsTests(APITestCase):
    def test_no_body_and_second_delete_is_404(self):
        account = Account.objects.create(email="ada@example.com")
        response = self.client.delete(f"/accounts/{account.pk}/")
        self.assertEqual(response.content, b"")
        self.assertFalse(Account.objects.exists())
        again = self.client.delete(f"/accounts/{account.pk}/")
        self.assertEqual(again.status_code, status.HTTP_404_NOT_FOUND)

    def test_generic_destroy_is_204_then_404(self):
        """204: DestroyModelMixin (DestroyAPIView, ModelViewSet) answers 204 with no body, and
        deleting the same object again in these generic views gives 404."""

        class Destroy(generics.DestroyAPIView):
            queryset = Account.objects.all()

        self.assertTrue(issubclass(viewsets.ModelViewSet, mixins.DestroyModelMixin))
        account = Account.objects.create(email="ada@example.com")
        response = call(Destroy, factory.delete("/"), pk=account.pk)
        self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)
        self.assertEqual(response.content, b"")
        again = call(Destroy, factory.delete("/"), pk=account.pk)
        self.assertEqual(again.status_code, status.HTTP_404_NOT_FOUND)

    def test_drf_sends_data_given_to_a_204(self):
        """204: DRF does not drop data passed with status 204; it sends a JSON body."""

        class Careless(APIView):
            def delete(self, request):
                return Response({"deleted": True}, status=status.HTTP_204_NO_CONTENT)

        response = call(Careless, factory.delete("/"))
        self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)
        self.assertEqual(response.content, b'{"deleted":true}')
        self.assertEqual(response["Content-Type"], "application/json")


class ExportDetailsTests(APITestCase):
    def setUp(self):
        accepted.QUEUED.clear()  # the stand-in queue outlives each test's rolled-back rows

    def test_job_is_pollable_and_location_is_the_monitor(self):
        """202: the body links to the job's status endpoint, and Location gives the same URL."""
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/exports/")
        job = ExportJob.objects.get()
        self.assertIn(job.pk, accepted.QUEUED)
        self.assertEqual(response.data["state"], "queued")
        self.assertEqual(response["Location"], response.data["url"])
        poll = self.client.get(response["Location"])
        self.assertEqual(poll.status_code, status.HTTP_200_OK)
        self.assertEqual(poll.data["id"], job.pk)

    def test_job_is_queued_when_the_transaction_commits(self):
        """202: transaction.on_commit() queues the job only once the transaction commits."""
        with self.captureOnCommitCallbacks() as callbacks:
            response = self.client.post("/exports/")
            self.assertNotIn(response.data["id"], accepted.QUEUED)
        self.assertNotIn(response.data["id"], accepted.QUEUED)
        self.assertEqual(len(callbacks), 1)
        callbacks[0]()
        self.assertIn(response.data["id"], accepted.QUEUED)

    def test_atomic_requests_runs_each_view_in_a_transaction(self):
        """202: with ATOMIC_REQUESTS, Django's request handler runs the view inside
        transaction.atomic(), so what the view writes is committed only after it returns."""
        depth = []

        def view(request: Any) -> None:
            depth.append(len(connection.savepoint_ids))

        with mock.patch.dict(connections.settings["default"], {"ATOMIC_REQUESTS": True}):
            atomic_view = BaseHandler().make_view_atomic(view)
        before = len(connection.savepoint_ids)
        atomic_view(None)
        view(None)
        self.assertEqual(depth, [before + 1, before])

    def test_drf_never_sends_202_itself(self):
        """202: nothing in DRF outside the status module uses 202."""
        for path in Path(rest_framework.__file__).parent.rglob("*.py"):
            if path.name != "status.py":
                self.assertNotRegex(path.read_text(encoding="utf-8"), r"\b202\b|HTTP_202", path)


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

    def test_append_slash_is_on_by_default(self):
        """301: APPEND_SLASH is True in Django's default settings."""
        self.assertIs(global_settings.APPEND_SLASH, True)
        self.assertIn("django.middleware.common.CommonMiddleware", startproject_middleware())

    @override_settings(MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
    def test_append_slash_answers_a_post_with_301(self):
        """301: CommonMiddleware sends a request for /articles, which only exists as
        /articles/, to /articles/ with 301, for POST as for GET."""
        for response in (
            self.client.get("/articles"),
            self.client.post("/articles", {"title": "Hello"}),
        ):
            self.assertEqual(response.status_code, status.HTTP_301_MOVED_PERMANENTLY)
            self.assertEqual(response["Location"], "/articles/")
        self.assertFalse(Article.objects.exists())

    @override_settings(MIDDLEWARE=["django.middleware.common.CommonMiddleware"], DEBUG=True)
    def test_append_slash_under_debug_raises_runtime_error(self):
        """301: with DEBUG on, CommonMiddleware raises RuntimeError for POST, PUT, PATCH and
        DELETE instead of redirecting them."""
        for method in ("post", "put", "patch", "delete"):
            with self.assertRaises(RuntimeError):
                getattr(self.client, method)("/articles")

    def test_router_without_trailing_slash(self):
        """301: DefaultRouter(trailing_slash=False) defines its URLs without the slash."""

        class Articles(viewsets.ModelViewSet):
            queryset = Article.objects.all()
            serializer_class = ArticleSerializer

        router = DefaultRouter(trailing_slash=False)
        router.register("articles", Articles, basename="article")
        patterns = {str(url.pattern) for url in router.urls}
        self.assertIn("^articles$", patterns)
        self.assertNotIn("^articles/$", patterns)


def startproject_middleware() -> str:
    """The settings file that `django-admin startproject` writes."""
    template = Path(django.__file__).parent / "conf" / "project_template" / "project_name"
    return (template / "settings.py-tpl").read_text(encoding="utf-8")
