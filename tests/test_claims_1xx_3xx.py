"""What the 1xx, 2xx and 3xx entries of docs/codes.yml say DRF and Django do, run against them.

One test per claim. Each builds its own URLconf (a module object with `urlpatterns`) and, where a
claim is about middleware, its own MIDDLEWARE with override_settings; the rest of the settings are
tests/drf_settings.py. Claims that need model rows use the guide's Article model in an in-memory
test database.
"""

from __future__ import annotations

import asyncio
import io
import re
import types
import wsgiref.util
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import django
import pytest
import requests
from django.conf import global_settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler
from django.http import FileResponse
from django.test import override_settings
from django.urls import path
from django.views.decorators.http import etag
from django.views.static import serve
from guide.models import Article
from rest_framework import generics, serializers, status, viewsets
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.test import APIClient, APITestCase
from rest_framework.views import APIView

SESSIONS = {"SESSION_ENGINE": "django.contrib.sessions.backends.signed_cookies"}
AUTH_MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]


def urlconf(*patterns: object) -> types.ModuleType:
    """A URLconf for one test: ROOT_URLCONF accepts a module object as well as a dotted path."""
    module = types.ModuleType("claims_urls")
    module.urlpatterns = list(patterns)  # type: ignore[attr-defined]
    return module


class Hello(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"hello": "world"})


class Private(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"secret": 1})


class ItemViewSet(viewsets.ViewSet):
    permission_classes = [AllowAny]

    def list(self, request):
        return Response([])

    def create(self, request):
        return Response(request.data, status=status.HTTP_201_CREATED)


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title"]


class ArticleDetail(generics.RetrieveUpdateAPIView):
    permission_classes = [AllowAny]
    queryset = Article.objects.all()
    serializer_class = ArticleSerializer


class ArticleList(generics.CreateAPIView):
    permission_classes = [AllowAny]
    queryset = Article.objects.all()
    serializer_class = ArticleSerializer


class ArticleListWithLocation(ArticleList):
    def get_success_headers(self, data):
        return {"Location": f"/articles/{data['id']}/"}


def router_urls(**kwargs: object) -> list[object]:
    router = SimpleRouter(**kwargs)
    router.register("items", ItemViewSet, basename="item")
    return router.urls


pytestmark = pytest.mark.usefixtures("test_database")


# --- 1xx ------------------------------------------------------------------------------------------


def test_1xx_response_from_a_view_is_the_only_response() -> None:
    """1xx (class page, 100): a view cannot send an interim response. A `Response` with a 1xx
    status is the one and only status Django hands the WSGI server, so no final response follows.
    """

    @api_view(["POST"])
    def upload(request):
        return Response(status=status.HTTP_100_CONTINUE)

    started: list[str] = []

    def start_response(status_line: str, headers: list[tuple[str, str]], exc_info=None):
        started.append(status_line)
        return lambda data: None

    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/upload/",
        "HTTP_HOST": "testserver",
        "wsgi.input": io.BytesIO(b""),
    }
    wsgiref.util.setup_testing_defaults(environ)
    with override_settings(ROOT_URLCONF=urlconf(path("upload/", upload))):
        b"".join(WSGIHandler()(environ, start_response))
    assert started == ["100 Continue"]


def test_101_django_does_not_serve_websocket_connections() -> None:
    """101: WebSocket is not handled by Django or DRF. Django's ASGI handler refuses any
    connection that is not plain HTTP; Channels (on ASGI) is what serves WebSocket.
    """
    scope = {"type": "websocket", "path": "/ws/", "headers": []}

    async def receive() -> dict[str, str]:
        return {"type": "websocket.connect"}

    async def send(message: dict[str, object]) -> None:
        pass

    # In a thread of its own: once Playwright has started, this thread already has an event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        call = pool.submit(asyncio.run, ASGIHandler()(scope, receive, send))
        with pytest.raises(
            ValueError, match="can only handle ASGI/HTTP connections, not websocket"
        ):
            call.result()


# --- 2xx ------------------------------------------------------------------------------------------


class PutToMissingObjectTests(APITestCase):
    def test_201_put_to_a_missing_object_is_404_not_a_create(self):
        """201: DRF's generic views (`UpdateModelMixin`) answer a PUT to an object that does not
        exist with 404 and create nothing.
        """
        urls = urlconf(path("articles/<int:pk>/", ArticleDetail.as_view()))
        with override_settings(ROOT_URLCONF=urls):
            response = self.client.put("/articles/42/", {"title": "New"}, format="json")
        self.assertEqual(response.status_code, status.HTTP_404_NOT_FOUND)
        self.assertFalse(Article.objects.exists())


class CreatedLocationTests(APITestCase):
    def test_201_plain_model_serializer_gives_no_location(self):
        """201: `CreateModelMixin` sets `Location` only from a `url` field, so a plain
        `ModelSerializer` (which has none) gives a 201 without `Location`.
        """
        with override_settings(ROOT_URLCONF=urlconf(path("articles/", ArticleList.as_view()))):
            response = self.client.post("/articles/", {"title": "A"}, format="json")
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertNotIn("Location", response)

    def test_201_overriding_get_success_headers_sets_location(self):
        """201: overriding `get_success_headers` on the view puts a `Location` on the 201."""
        urls = urlconf(path("articles/", ArticleListWithLocation.as_view()))
        with override_settings(ROOT_URLCONF=urls):
            response = self.client.post("/articles/", {"title": "B"}, format="json")
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(response["Location"], f"/articles/{response.data['id']}/")


class ArticlesByTitle(generics.ListAPIView):
    permission_classes = [AllowAny]
    queryset = Article.objects.all()
    serializer_class = ArticleSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["title"]
    ordering = ["id"]


class StrictOrdering(OrderingFilter):
    """The fix the 200 section gives: an unknown ordering field is an error, not ignored."""

    def remove_invalid_fields(self, queryset, fields, view, request):
        valid = super().remove_invalid_fields(queryset, fields, view, request)
        unknown = [field for field in fields if field not in valid]
        if unknown:
            raise ValidationError({"ordering": [f"Unknown field: {field}" for field in unknown]})
        return valid


class ArticlesByTitleStrictly(ArticlesByTitle):
    filter_backends = [StrictOrdering]


class OrderingTests(APITestCase):
    def test_200_ordering_filter_drops_unknown_fields_silently(self):
        """200: `OrderingFilter` leaves out the fields of `?ordering=` that are not in
        `ordering_fields` and answers 200 in the view's default order, without an error.
        """
        Article.objects.create(title="b")
        Article.objects.create(title="a")
        with override_settings(ROOT_URLCONF=urlconf(path("articles/", ArticlesByTitle.as_view()))):
            unknown = self.client.get("/articles/?ordering=no_such_field")
            known = self.client.get("/articles/?ordering=title")
        self.assertEqual(unknown.status_code, status.HTTP_200_OK)
        self.assertEqual([row["title"] for row in unknown.data], ["b", "a"])
        self.assertEqual([row["title"] for row in known.data], ["a", "b"])

    def test_200_a_remove_invalid_fields_that_raises_turns_unknown_fields_into_400(self):
        """200: raising `ValidationError` in an `OrderingFilter` subclass's
        `remove_invalid_fields()` answers an unknown ordering field with 400.
        """
        urls = urlconf(path("articles/", ArticlesByTitleStrictly.as_view()))
        with override_settings(ROOT_URLCONF=urls):
            unknown = self.client.get("/articles/?ordering=-no_such_field")
            known = self.client.get("/articles/?ordering=-title")
        self.assertEqual(unknown.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertIn("ordering", unknown.data)
        self.assertEqual(known.status_code, status.HTTP_200_OK)


def test_204_test_client_drops_the_body_drf_would_send() -> None:
    """204: Django's test client removes the body of a 204 response, so a test that reads
    `response.content` cannot see that the view passed data; `response.data` still shows it.
    """

    @api_view(["DELETE"])
    def remove(request):
        return Response({"deleted": True}, status=status.HTTP_204_NO_CONTENT)

    with override_settings(ROOT_URLCONF=urlconf(path("thing/", remove))):
        response = APIClient().delete("/thing/")
    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert response.content == b""
    assert response.data == {"deleted": True}


def test_206_file_response_ignores_range() -> None:
    """206: Django has no `Range` handling: a `FileResponse` asked for a byte range answers 200
    with the whole file and no `Content-Range`.
    """

    def download(request):
        return FileResponse(io.BytesIO(b"0123456789"), content_type="application/octet-stream")

    with override_settings(ROOT_URLCONF=urlconf(path("file/", download))):
        response = APIClient().get("/file/", HTTP_RANGE="bytes=0-3")
    assert response.status_code == status.HTTP_200_OK
    assert b"".join(response.streaming_content) == b"0123456789"
    assert not response.has_header("Content-Range")


def test_206_static_serve_ignores_range(tmp_path) -> None:
    """206: Django's static file view (`django.views.static.serve`) also ignores `Range` and
    sends the whole file with 200.
    """
    (tmp_path / "video.bin").write_bytes(b"0123456789")
    urls = urlconf(path("media/<path:path>", serve, {"document_root": tmp_path}))
    with override_settings(ROOT_URLCONF=urls):
        response = APIClient().get("/media/video.bin", HTTP_RANGE="bytes=0-3")
    assert response.status_code == status.HTTP_200_OK
    assert b"".join(response.streaming_content) == b"0123456789"
    assert not response.has_header("Content-Range")


def test_206_django_never_reads_range() -> None:
    """206: nothing in Django reads the `Range` request header or writes `Content-Range`."""
    package = Path(django.__file__).parent
    readers = [
        source
        for source in package.rglob("*.py")
        if re.search(r"HTTP_RANGE|Content-Range", source.read_text(encoding="utf-8"))
    ]
    assert readers == []


# --- 3xx ------------------------------------------------------------------------------------------


def test_3xx_is_redirect_includes_304() -> None:
    """3xx (class page): `status.is_redirect()` counts 304 as a redirect, although 304 sends the
    client to its cache, not to a `Location`.
    """
    assert status.is_redirect(status.HTTP_304_NOT_MODIFIED)


def test_3xx_requests_drops_authorization_on_a_redirect_to_another_host() -> None:
    """3xx (class page): Python's requests removes `Authorization` when it follows a redirect to
    another host, and keeps it on the same host.
    """
    session = requests.Session()
    assert session.should_strip_auth("https://api.example.com/v1/", "https://new.example.com/v1/")
    assert not session.should_strip_auth(
        "https://api.example.com/v1/", "https://api.example.com/v2/"
    )


def test_301_drf_routers_use_trailing_slashes_by_default() -> None:
    """301: DRF's routers put a trailing slash on every route unless `trailing_slash=False`."""
    assert [str(url.pattern) for url in router_urls()] == ["^items/$"]
    assert [str(url.pattern) for url in router_urls(trailing_slash=False)] == ["^items$"]


def test_301_new_projects_have_append_slash_and_common_middleware() -> None:
    """301: a new Django project has `APPEND_SLASH` on (the default) and `CommonMiddleware` in
    its `MIDDLEWARE`.
    """
    template = Path(django.__file__).parent / "conf/project_template/project_name/settings.py-tpl"
    assert global_settings.APPEND_SLASH is True
    assert "'django.middleware.common.CommonMiddleware'," in template.read_text(encoding="utf-8")


@override_settings(
    ROOT_URLCONF=urlconf(*router_urls()),
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    APPEND_SLASH=True,
    DEBUG=False,
)
def test_301_append_slash_answers_a_post_without_slash_with_301() -> None:
    """301: with `APPEND_SLASH`, Django's `CommonMiddleware` answers a POST to a DRF route
    without its trailing slash with 301 (not 308) to the slashed URL.
    """
    response = APIClient().post("/items", {"name": "x"}, format="json")
    assert response.status_code == status.HTTP_301_MOVED_PERMANENTLY
    assert response["Location"] == "/items/"


@override_settings(
    ROOT_URLCONF=urlconf(*router_urls()),
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    APPEND_SLASH=True,
    DEBUG=True,
)
def test_301_append_slash_raises_runtime_error_under_debug() -> None:
    """301: under `DEBUG`, the same POST without the trailing slash raises `RuntimeError`."""
    with pytest.raises(RuntimeError, match="doesn't end in a slash"):
        APIClient().post("/items", {"name": "x"}, format="json")


@override_settings(
    ROOT_URLCONF=urlconf(path("private/", Private.as_view())),
    MIDDLEWARE=[*AUTH_MIDDLEWARE, "django.contrib.auth.middleware.LoginRequiredMiddleware"],
    **SESSIONS,
)
def test_302_drf_views_are_exempt_from_login_required_middleware() -> None:
    """302: DRF exempts its views from Django's `LoginRequiredMiddleware`
    (`login_required = False`), so an anonymous request gets DRF's 403 from `IsAuthenticated`,
    not a 302 to the login page.
    """
    assert Private.as_view().login_required is False
    response = APIClient().get("/private/")
    assert response.status_code == status.HTTP_403_FORBIDDEN


@override_settings(
    ROOT_URLCONF=urlconf(path("hello/", login_required(Hello.as_view()))),
    MIDDLEWARE=AUTH_MIDDLEWARE,
    LOGIN_URL="/accounts/login/",
    **SESSIONS,
)
def test_302_login_required_on_a_drf_view_redirects_to_the_login_page() -> None:
    """302: Django's `login_required` wrapped around a DRF view answers an anonymous API client
    with 302 to the HTML login page instead of 401 or 403.
    """
    response = APIClient().get("/hello/")
    assert response.status_code == status.HTTP_302_FOUND
    assert response["Location"] == "/accounts/login/?next=/hello/"


class MixinHello(LoginRequiredMixin, Hello):
    pass


@override_settings(
    ROOT_URLCONF=urlconf(path("hello/", MixinHello.as_view())),
    MIDDLEWARE=AUTH_MIDDLEWARE,
    LOGIN_URL="/accounts/login/",
    **SESSIONS,
)
def test_302_login_required_mixin_on_a_drf_view_redirects_to_the_login_page() -> None:
    """302: Django's `LoginRequiredMixin` on a DRF view does the same: 302 to the login page."""
    response = APIClient().get("/hello/")
    assert response.status_code == status.HTTP_302_FOUND
    assert response["Location"] == "/accounts/login/?next=/hello/"


class Counted(APIView):
    permission_classes = [AllowAny]
    calls = 0

    def get(self, request):
        Counted.calls += 1
        return Response({"hello": "world"})


@override_settings(
    ROOT_URLCONF=urlconf(path("counted/", Counted.as_view())),
    MIDDLEWARE=["django.middleware.http.ConditionalGetMiddleware"],
)
def test_304_conditional_get_middleware_runs_the_view_first() -> None:
    """304: `ConditionalGetMiddleware` hashes the rendered response, so the view runs in full
    even when the answer is 304: it saves the transfer, not the work.
    """
    client = APIClient()
    first = client.get("/counted/")
    before = Counted.calls
    second = client.get("/counted/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == status.HTTP_304_NOT_MODIFIED
    assert Counted.calls == before + 1


@override_settings(
    ROOT_URLCONF=urlconf(path("counted/", Counted.as_view())),
    MIDDLEWARE=["django.middleware.http.ConditionalGetMiddleware"],
)
def test_304_conditional_get_middleware_handles_only_get() -> None:
    """304: `ConditionalGetMiddleware` handles only GET: a HEAD with a matching `If-None-Match`
    still gets 200.
    """
    client = APIClient()
    tag = client.get("/counted/")["ETag"]
    response = client.head("/counted/", HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == status.HTTP_200_OK


def test_304_etag_decorator_skips_the_view_on_a_match() -> None:
    """304: Django's `etag` decorator calls its function before the view, so with a cheap ETag
    function a match answers 304 without running the view.
    """
    calls: list[int] = []

    @etag(lambda request: '"v1"')
    @api_view(["GET"])
    def article(request):
        calls.append(1)
        return Response({"title": "A"})

    with override_settings(ROOT_URLCONF=urlconf(path("article/", article))):
        client = APIClient()
        assert client.get("/article/")["ETag"] == '"v1"'
        response = client.get("/article/", HTTP_IF_NONE_MATCH='"v1"')
    assert response.status_code == status.HTTP_304_NOT_MODIFIED
    assert calls == [1]
