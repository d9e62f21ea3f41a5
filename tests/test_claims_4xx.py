"""What the 4xx sections (docs/codes.yml, 400 to 451) say DRF and Django do, run against them.

One test per claim; each docstring names the code and the claim. Views and URLconfs are defined
here. A URLconf is a small class (Django accepts any object with `urlpatterns` and `handlerNNN`
attributes), so each test chooses its own error handlers. Settings come from tests/drf_settings.py.
"""

from __future__ import annotations

import gzip
import io
import json
import types
from collections.abc import Iterator
from datetime import UTC, datetime
from wsgiref.util import is_hop_by_hop, setup_testing_defaults

import pytest
from django.conf import global_settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import BadRequest, ImproperlyConfigured, SuspiciousOperation
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ServerHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import FileResponse, HttpResponseNotAllowed, JsonResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.http import condition, etag
from rest_framework import generics, permissions, serializers, status
from rest_framework.authentication import (
    BasicAuthentication,
    SessionAuthentication,
    TokenAuthentication,
)
from rest_framework.exceptions import APIException, Throttled, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import DEFAULTS
from rest_framework.test import APIRequestFactory, APITestCase, force_authenticate
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView, exception_handler

factory = APIRequestFactory()


pytestmark = pytest.mark.usefixtures("test_database")


@pytest.fixture(autouse=True)
def fresh_throttle_history() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def call(view: object, request: object, **kwargs: object) -> Response:
    response = view(request, **kwargs)  # type: ignore[operator]
    if hasattr(response, "render"):
        response.render()
    return response


# --- views ----------------------------------------------------------------------------------------


class DefaultsView(APIView):
    """DRF's default authentication and renderer classes, login required, read-only."""

    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        return Response({"ok": True})


class OpenView(APIView):
    """No login needed; echoes the request body."""

    authentication_classes: list[type] = []
    permission_classes = [permissions.AllowAny]
    renderer_classes = [JSONRenderer]

    def get(self, request):
        return Response({"ok": True})

    def post(self, request):
        return Response({"data": request.data})


class NeverThrottle(AnonRateThrottle):
    rate = "1000/min"

    def allow_request(self, request, view):
        return False

    def wait(self):
        return None


class TwoPerMinute(AnonRateThrottle):
    rate = "2/min"


class OnePerMinute(AnonRateThrottle):
    rate = "1/min"


# --- 400 ------------------------------------------------------------------------------------------


class RaisesDjangoBadRequest(APIView):
    authentication_classes: list[type] = []
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        raise BadRequest("bad")

    def post(self, request):
        raise SuspiciousOperation("odd")


class Urls400:
    urlpatterns = [
        path("bad/", RaisesDjangoBadRequest.as_view()),
        path("echo/", OpenView.as_view()),
    ]


class Urls400Json(Urls400):
    handler400 = "rest_framework.exceptions.bad_request"


def test_400_string_validation_error_is_a_bare_list() -> None:
    """400: `raise ValidationError("…")` in a view gives the bare list `["…"]` as the body."""

    class View_(OpenView):
        def get(self, request):
            raise ValidationError("bad thing")

    response = call(View_.as_view(), factory.get("/"))
    assert response.status_code == 400
    assert json.loads(response.content) == ["bad thing"]


@override_settings(ROOT_URLCONF=Urls400)
def test_400_django_bad_request_in_a_drf_view_is_django_html() -> None:
    """400: BadRequest or SuspiciousOperation raised in a DRF view skip exception_handler: HTML."""
    for response in (Client().get("/bad/"), Client().post("/bad/")):
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")


@override_settings(ROOT_URLCONF=Urls400Json)
def test_400_bad_request_is_the_json_handler400() -> None:
    """400: with handler400 = rest_framework.exceptions.bad_request, Django's 400s are JSON."""
    response = Client().get("/bad/")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "Bad Request (400)"}


# --- 401 ------------------------------------------------------------------------------------------


def test_401_default_authentication_gives_403_to_anonymous_requests() -> None:
    """401: DRF's default DEFAULT_AUTHENTICATION_CLASSES (Session first) turn the 401 into 403."""
    assert DEFAULTS["DEFAULT_AUTHENTICATION_CLASSES"] == [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ]
    assert DefaultsView.authentication_classes == [SessionAuthentication, BasicAuthentication]
    response = call(DefaultsView.as_view(), factory.get("/"))
    assert response.status_code == 403
    assert response.data == {"detail": "Authentication credentials were not provided."}
    assert "WWW-Authenticate" not in response


def test_401_view_with_an_authenticate_header_gets_401() -> None:
    """401: a header-producing class first, or an overridden get_authenticate_header, gives 401."""

    class TokenFirst(DefaultsView):
        authentication_classes = [TokenAuthentication, SessionAuthentication]

    class OwnHeader(DefaultsView):
        def get_authenticate_header(self, request):
            return 'Session realm="api"'

    for view, header in ((TokenFirst, "Token"), (OwnHeader, 'Session realm="api"')):
        response = call(view.as_view(), factory.get("/"))
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == header


def test_401_no_authentication_classes_gives_plain_permission_denied() -> None:
    """401: with no authentication classes, a refused permission is PermissionDenied, not 401."""

    class NoAuth(DefaultsView):
        authentication_classes: list[type] = []

    response = call(NoAuth.as_view(), factory.get("/"))
    assert response.status_code == 403
    assert response.data == {"detail": "You do not have permission to perform this action."}


class BadTokenTests(APITestCase):
    def test_401_bad_token_fails_even_an_allow_any_view(self) -> None:
        """401: authentication runs before permissions, so a bad token fails an AllowAny view."""

        class Open(APIView):
            authentication_classes = [TokenAuthentication]
            permission_classes = [permissions.AllowAny]

            def get(self, request):
                return Response({"ok": True})

        view = Open.as_view()
        assert call(view, factory.get("/")).status_code == 200
        response = call(view, factory.get("/", HTTP_AUTHORIZATION="Token stale"))
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.data, {"detail": "Invalid token."})


# --- 403 ------------------------------------------------------------------------------------------


def test_403_session_authentication_fails_unsafe_requests_on_csrf() -> None:
    """403: SessionAuthentication checks CSRF on a logged-in user's unsafe requests: 403."""

    class SessionView(OpenView):
        authentication_classes = [SessionAuthentication]

        def put(self, request):
            return Response({})

        patch = delete = put

    csrf_factory = APIRequestFactory(enforce_csrf_checks=True)
    view = SessionView.as_view()
    responses = {}
    for method in ("get", "post", "put", "patch", "delete"):
        request = getattr(csrf_factory, method)("/")
        request.user = User(username="ada")  # what AuthenticationMiddleware sets from the session
        responses[method] = call(view, request)
    assert responses.pop("get").status_code == 200
    for response in responses.values():
        assert response.status_code == 403
        assert response.data == {"detail": "CSRF Failed: CSRF cookie not set."}


# --- 404 ------------------------------------------------------------------------------------------


def json_not_found(request, exception):
    return JsonResponse({"detail": "Not found."}, status=404)


class Urls404:
    urlpatterns = [path("echo/", OpenView.as_view())]


class Urls404Json(Urls404):
    handler404 = staticmethod(json_not_found)


@override_settings(ROOT_URLCONF=Urls404)
def test_404_unmatched_url_is_django_html() -> None:
    """404: a URL that matches no route never reaches DRF: Django's HTML 404 page."""
    response = Client().get("/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@override_settings(ROOT_URLCONF=Urls404Json)
def test_404_handler404_decides_the_unmatched_url_page() -> None:
    """404: Django's handler404 in the root URLconf answers unmatched URLs (here in JSON)."""
    response = Client().get("/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_404_unknown_format_query_parameter() -> None:
    """404: DRF raises Http404 for a ?format= or format suffix that no renderer of the view has."""

    class Suffixed(OpenView):
        def get(self, request, format=None):  # noqa: A002 - the name format_suffix_patterns passes
            return Response({"ok": True})

    view = Suffixed.as_view()
    assert call(view, factory.get("/", {"format": "xml"})).status_code == 404
    assert call(view, factory.get("/"), format="xml").status_code == 404
    assert call(view, factory.get("/"), format="json").status_code == 200


class UserDetail(generics.RetrieveAPIView):
    class UserSerializer(serializers.ModelSerializer):
        class Meta:
            model = User
            fields = ["username"]

    serializer_class = UserSerializer
    queryset = User.objects.all()
    authentication_classes: list[type] = []
    permission_classes = [permissions.AllowAny]


class Refuse(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        return False


class GetObjectTests(APITestCase):
    def test_404_get_object_names_the_model(self) -> None:
        """404: generic views' get_object() says "No <Model> matches the given query."."""
        response = call(UserDetail.as_view(), factory.get("/"), pk=999)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.data, {"detail": "No User matches the given query."})

    def test_404_scoped_queryset_hides_others_objects_and_object_permission_gives_403(
        self,
    ) -> None:
        """404: a get_queryset() filtered by user gives 404; has_object_permission False, 403."""
        ada = User.objects.create(username="ada")
        bob = User.objects.create(username="bob")

        class OwnOnly(UserDetail):
            def get_queryset(self):
                return User.objects.filter(pk=self.request.user.pk)

        class Refused(UserDetail):
            permission_classes = [Refuse]

        for view, expected in ((OwnOnly, 404), (Refused, 403)):
            request = factory.get("/")
            force_authenticate(request, user=ada)
            self.assertEqual(call(view.as_view(), request, pk=bob.pk).status_code, expected)


# --- 405 ------------------------------------------------------------------------------------------


def test_405_earlier_checks_come_first() -> None:
    """405: an anonymous DELETE on a read-only login-required view gets 403/401, not 405."""
    assert call(DefaultsView.as_view(), factory.delete("/")).status_code == 403

    class BasicFirst(DefaultsView):
        authentication_classes = [BasicAuthentication]

    assert call(BasicFirst.as_view(), factory.delete("/")).status_code == 401

    class Throttled_(OpenView):
        throttle_classes = [NeverThrottle]

    assert call(Throttled_.as_view(), factory.delete("/")).status_code == 429

    request = factory.delete("/")
    force_authenticate(request, user=User(username="ada"))
    assert call(DefaultsView.as_view(), request).status_code == 405


def test_405_unknown_method_gets_405_never_501() -> None:
    """405: DRF, like Django's View, answers a made-up method with 405 and Allow, not 501."""
    request = factory.generic("BREW", "/")
    response = call(OpenView.as_view(), request)
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"

    class Plain(View):
        def get(self, request):
            return JsonResponse({})

    assert Plain.as_view()(RequestFactory().generic("BREW", "/")).status_code == 405


def test_405_returned_not_allowed_gets_the_views_allow() -> None:
    """405: HttpResponseNotAllowed returned from an APIView gets the view's own Allow header."""

    class ReturnsNotAllowed(OpenView):
        def get(self, request):
            return HttpResponseNotAllowed(["POST"])

    response = call(ReturnsNotAllowed.as_view(), factory.get("/"))
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"


# --- 406 ------------------------------------------------------------------------------------------


def test_406_comes_before_authentication_and_renders_with_the_first_renderer() -> None:
    """406: negotiation runs before authentication; the 406 body uses the first renderer."""
    response = call(DefaultsView.as_view(), factory.get("/", HTTP_ACCEPT="application/xml"))
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    assert response.data == {"detail": "Could not satisfy the request Accept header."}


def test_406_q_values_are_ignored() -> None:
    """406: DRF ignores q-values: `Accept: application/json;q=0` still gets JSON with 200."""
    response = call(OpenView.as_view(), factory.get("/", HTTP_ACCEPT="application/json;q=0"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


# --- 409 ------------------------------------------------------------------------------------------


class UniqueTests(APITestCase):
    def test_409_unique_value_taken_is_a_validation_error_400(self) -> None:
        """409: a failed uniqueness check (UniqueValidator) raises ValidationError, so 400."""

        class UserCreate(generics.CreateAPIView):
            serializer_class = UserDetail.UserSerializer
            authentication_classes: list[type] = []
            permission_classes = [permissions.AllowAny]

        User.objects.create(username="ada")
        response = call(UserCreate.as_view(), factory.post("/", {"username": "ada"}))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.data, {"username": ["A user with that username already exists."]})


# --- 411 ------------------------------------------------------------------------------------------


def test_411_no_content_length_means_no_body() -> None:
    """411: DRF treats a request without Content-Length (a chunked upload) as having no body."""
    request = factory.post("/", {"name": "ada"}, format="json", HTTP_TRANSFER_ENCODING="chunked")
    del request.META["CONTENT_LENGTH"]
    response = call(OpenView.as_view(), request)
    assert response.status_code == 200
    assert response.data == {"data": {}}


# --- 412 ------------------------------------------------------------------------------------------

LAST_CHANGE = datetime(2025, 1, 1, tzinfo=UTC)


conditional = condition(
    etag_func=lambda request: '"v2"', last_modified_func=lambda request: LAST_CHANGE
)


@method_decorator(conditional, name="get")
@method_decorator(conditional, name="put")
class Versioned(OpenView):
    def put(self, request):
        return Response({"saved": True})


@method_decorator(etag(lambda request: '"v2"'), name="get")
@method_decorator(etag(lambda request: '"v2"'), name="put")
class Tagged(Versioned):
    pass


def test_412_condition_decorator_gives_304_for_get_and_empty_html_412_for_writes() -> None:
    """412: Django's condition/etag: 304 on GET, and an empty text/html 412 on a failed write."""
    failed_writes = {
        Versioned: [
            factory.put("/", HTTP_IF_MATCH='"v1"'),
            factory.put("/", HTTP_IF_UNMODIFIED_SINCE="Wed, 01 May 2024 00:00:00 GMT"),
            factory.put("/", HTTP_IF_NONE_MATCH='"v2"'),
        ],
        Tagged: [factory.put("/", HTTP_IF_MATCH='"v1"'), factory.put("/", HTTP_IF_NONE_MATCH="*")],
    }
    for view_class, requests in failed_writes.items():
        view = view_class.as_view()
        for method in (factory.get, factory.head):
            assert call(view, method("/", HTTP_IF_NONE_MATCH='"v2"')).status_code == 304
        for request in requests:
            response = call(view, request)
            assert response.status_code == 412
            assert response.content == b""
            assert response["Content-Type"].startswith("text/html")
        assert call(view, factory.put("/", HTTP_IF_MATCH='"v2"')).status_code == 200


# --- 413 ------------------------------------------------------------------------------------------


@override_settings(ROOT_URLCONF=Urls400, DATA_UPLOAD_MAX_MEMORY_SIZE=100)
def test_413_oversized_body_is_djangos_html_400() -> None:
    """413: a JSON body over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB default) gets HTML 400."""
    assert global_settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    body = json.dumps({"text": "x" * 200})
    response = Client().post("/echo/", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    with override_settings(ROOT_URLCONF=Urls400Json):
        response = Client().post("/echo/", body, content_type="application/json")
    assert (response.status_code, response.json()) == (400, {"error": "Bad Request (400)"})


# --- 415 ------------------------------------------------------------------------------------------


def test_415_content_encoding_is_ignored_gzip_body_is_400() -> None:
    """415: DRF ignores Content-Encoding: a gzip JSON body is a 400 ParseError, not 415."""
    request = factory.post(
        "/",
        gzip.compress(b'{"a": 1}'),
        content_type="application/json",
        HTTP_CONTENT_ENCODING="gzip",
    )
    response = call(OpenView.as_view(), request)
    assert response.status_code == 400
    assert response.data["detail"].startswith("JSON parse error")


def test_415_response_names_no_accepted_types() -> None:
    """415: DRF's 415 carries no Accept (or Accept-Encoding) header."""
    response = call(OpenView.as_view(), factory.post("/", b"hi", content_type="text/plain"))
    assert response.status_code == 415
    assert "Accept" not in response
    assert "Accept-Encoding" not in response


# --- 416 ------------------------------------------------------------------------------------------


class UrlsFile:
    urlpatterns = [path("file/", lambda request: FileResponse(io.BytesIO(b"0123456789")))]


@override_settings(ROOT_URLCONF=UrlsFile)
def test_416_django_ignores_range() -> None:
    """416: Django's FileResponse ignores Range and answers 200 with the whole content."""
    response = Client().get("/file/", HTTP_RANGE="bytes=0-3")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"0123456789"
    assert "Content-Range" not in response


# --- 421 ------------------------------------------------------------------------------------------


@override_settings(ROOT_URLCONF=Urls400, MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
def test_421_unknown_host_is_400() -> None:
    """421: Django answers a Host outside ALLOWED_HOSTS with 400 (DisallowedHost), not 421."""
    assert Client().get("/echo/").status_code == 200
    response = Client().get("/echo/", HTTP_HOST="other.example")
    assert response.status_code == 400


# --- 422 ------------------------------------------------------------------------------------------


class EventSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()


class EventCreate(generics.CreateAPIView):
    serializer_class = EventSerializer
    authentication_classes: list[type] = []
    permission_classes = [permissions.AllowAny]


def handler_422(exc, context):
    response = exception_handler(exc, context)
    if isinstance(exc, ValidationError) and response is not None:
        response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    return response


def test_422_exception_handler_covers_generic_views_and_every_validation_error() -> None:
    """422: generic views raise ValidationError; an EXCEPTION_HANDLER rewrite catches all of it."""
    missing_field = {"start": "2025-03-01"}
    wrong_type = {"start": "2025-03-01", "end": "soon"}
    assert call(EventCreate.as_view(), factory.post("/", missing_field)).status_code == 400
    with override_settings(
        REST_FRAMEWORK={
            "UNAUTHENTICATED_USER": None,
            "EXCEPTION_HANDLER": f"{__name__}.handler_422",
        }
    ):
        missing = call(EventCreate.as_view(), factory.post("/", missing_field))
        wrong = call(EventCreate.as_view(), factory.post("/", wrong_type))
    assert (missing.status_code, wrong.status_code) == (422, 422)
    assert missing.data == {"end": ["This field is required."]}
    assert list(wrong.data) == ["end"]


def test_422_validation_error_with_status_422_in_validate_comes_back_400() -> None:
    """422: a ValidationError subclass with status_code 422 raised in validate() gives 400."""

    class Unprocessable(ValidationError):
        status_code = 422

    class Checked(EventSerializer):
        def validate(self, attrs):
            raise Unprocessable("end before start")

    class Create(EventCreate):
        serializer_class = Checked

    data = {"start": "2025-03-02", "end": "2025-03-01"}
    response = call(Create.as_view(), factory.post("/", data))
    assert response.status_code == 400
    assert response.data == {"non_field_errors": ["end before start"]}


# --- 425 ------------------------------------------------------------------------------------------


def test_425_early_data_header_is_readable() -> None:
    """425: request.headers.get("Early-Data") reads the Early-Data header a proxy adds."""
    request = factory.post("/", HTTP_EARLY_DATA="1")
    assert request.headers.get("Early-Data") == "1"
    assert factory.post("/").headers.get("Early-Data") is None


# --- 426 ------------------------------------------------------------------------------------------


class UpgradeView(OpenView):
    def get(self, request):
        headers = {"Upgrade": "HTTP/2.0", "Connection": "Upgrade"}
        return Response(status=status.HTTP_426_UPGRADE_REQUIRED, headers=headers)


class UrlsUpgrade:
    urlpatterns = [path("upgrade/", UpgradeView.as_view())]


@override_settings(ROOT_URLCONF=UrlsUpgrade)
def test_426_upgrade_header_cannot_be_sent_under_wsgi() -> None:
    """426: Upgrade is hop-by-hop; Django's development server turns the response into 500."""
    assert is_hop_by_hop("Upgrade")
    assert is_hop_by_hop("Connection")
    environ = {"PATH_INFO": "/upgrade/", "HTTP_HOST": "testserver"}
    setup_testing_defaults(environ)
    stdout, stderr = io.BytesIO(), io.StringIO()
    handler = ServerHandler(io.BytesIO(), stdout, stderr, environ)
    logged: list[str] = []  # the status the development server would write to its log
    handler.request_handler = types.SimpleNamespace(
        server=None, close_connection=False, log_request=lambda code, size: logged.append(code)
    )
    # As django.test.Client does: keep the request signals off the test database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        handler.run(WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    status_line = stdout.getvalue().split(b"\r\n", 1)[0]
    assert status_line.split()[1] == b"500", status_line
    assert logged == ["500"]
    assert "Hop-by-hop header, 'Upgrade: HTTP/2.0', not allowed" in stderr.getvalue()


# --- 428 ------------------------------------------------------------------------------------------


class EchoPut(OpenView):
    def put(self, request):
        return Response({"saved": True})


class Urls428:
    urlpatterns = [path("echo/", EchoPut.as_view())]


def test_428_drf_sends_no_etag() -> None:
    """428: a DRF response carries no ETag of its own."""
    assert "ETag" not in call(OpenView.as_view(), factory.get("/"))


@override_settings(
    ROOT_URLCONF=Urls428, MIDDLEWARE=["django.middleware.http.ConditionalGetMiddleware"]
)
def test_428_conditional_get_middleware_never_checks_writes() -> None:
    """428: ConditionalGetMiddleware adds ETags to GET only and never checks If-Match on writes."""
    client = Client()
    assert "ETag" in client.get("/echo/")
    response = client.put("/echo/", HTTP_IF_MATCH='"stale"')
    assert response.status_code == 200
    assert "ETag" not in response


# --- 429 ------------------------------------------------------------------------------------------


def test_429_default_rates_are_none_and_anon_throttle_without_rate_never_throttles() -> None:
    """429: DEFAULT_THROTTLE_RATES defaults to None; AnonRateThrottle then never throttles."""
    assert DEFAULTS["DEFAULT_THROTTLE_RATES"] == {"user": None, "anon": None}

    class Unrated(OpenView):
        throttle_classes = [AnonRateThrottle, UserRateThrottle]

    view = Unrated.as_view()
    assert [call(view, factory.get("/")).status_code for _ in range(5)] == [200] * 5
    for _ in range(5):
        request = factory.get("/")
        force_authenticate(request, user=User(pk=1, username="ada"))
        assert call(view, request).status_code == 200


def test_429_scoped_throttle_without_rate_is_improperly_configured() -> None:
    """429: ScopedRateThrottle with a scope that has no rate raises ImproperlyConfigured (500)."""

    class Uploads(OpenView):
        throttle_classes = [ScopedRateThrottle]
        throttle_scope = "uploads"

    with pytest.raises(ImproperlyConfigured, match="No default throttle rate set for 'uploads'"):
        call(Uploads.as_view(), factory.get("/"))


def test_429_throttled_raised_in_permission_or_serializer_is_429() -> None:
    """429: Throttled raised in a permission class or a serializer inside a DRF view gives 429."""

    class Busy(permissions.BasePermission):
        def has_permission(self, request, view):
            raise Throttled(wait=60)

    class BusySerializer(EventSerializer):
        def validate(self, attrs):
            raise Throttled(wait=60)

    class FromPermission(EventCreate):
        permission_classes = [Busy]

    class FromSerializer(EventCreate):
        serializer_class = BusySerializer

    data = {"start": "2025-03-01", "end": "2025-03-02"}
    for view in (FromPermission, FromSerializer):
        response = call(view.as_view(), factory.post("/", data))
        assert (response.status_code, response["Retry-After"]) == (429, "60")


def test_429_throttled_outside_drf_is_500() -> None:
    """429: Throttled raised in a plain Django view is an ordinary exception: 500."""

    def plain(request):
        raise Throttled(wait=60)

    class Urls:
        urlpatterns = [path("plain/", plain)]

    with override_settings(ROOT_URLCONF=Urls):
        response = Client(raise_request_exception=False).get("/plain/")
    assert response.status_code == 500


class ThrottleOrderTests(APITestCase):
    def test_429_failed_authentication_is_never_counted(self) -> None:
        """429: requests that fail authentication get 401 and are never counted by throttles."""

        class Login(APIView):
            authentication_classes = [TokenAuthentication]
            permission_classes = [permissions.AllowAny]
            throttle_classes = [TwoPerMinute]

            def get(self, request):
                return Response({"ok": True})

        view = Login.as_view()
        bad = [call(view, factory.get("/", HTTP_AUTHORIZATION="Token guess")) for _ in range(6)]
        self.assertEqual([response.status_code for response in bad], [401] * 6)
        self.assertEqual(
            [call(view, factory.get("/")).status_code for _ in range(3)], [200, 200, 429]
        )


def test_429_refused_permission_is_never_counted() -> None:
    """429: requests a permission refuses get 403 and are never counted by throttles."""

    class RefuseMarked(permissions.BasePermission):
        def has_permission(self, request, view):
            return "HTTP_X_REFUSE" not in request.META

    class Guarded(OpenView):
        permission_classes = [RefuseMarked]
        throttle_classes = [TwoPerMinute]

    view = Guarded.as_view()
    refused = [call(view, factory.get("/", HTTP_X_REFUSE="1")).status_code for _ in range(5)]
    assert refused == [403] * 5
    assert [call(view, factory.get("/")).status_code for _ in range(3)] == [200, 200, 429]


def test_429_without_num_proxies_the_whole_x_forwarded_for_identifies_the_client() -> None:
    """429: without NUM_PROXIES, anonymous clients are told apart by the whole X-Forwarded-For."""

    class Limited(OpenView):
        throttle_classes = [OnePerMinute]

    view = Limited.as_view()
    spoofed = [
        call(view, factory.get("/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.7")).status_code
        for n in range(3)
    ]
    assert spoofed == [200, 200, 200]
    cache.clear()
    with override_settings(REST_FRAMEWORK={"UNAUTHENTICATED_USER": None, "NUM_PROXIES": 1}):
        counted = [
            call(
                view, factory.get("/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.7")
            ).status_code
            for n in range(2)
        ]
    assert counted == [200, 429]


def test_429_retry_after_only_for_a_non_zero_wait_rounded_up() -> None:
    """429: Retry-After is sent only for a non-zero wait, rounded up to whole seconds."""
    cases = {None: None, 0: None, 0.3: "1", 1.2: "2", 60: "60"}
    for wait, header in cases.items():
        response = exception_handler(Throttled(wait=wait), {})
        assert response.status_code == 429
        assert response.headers.get("Retry-After") == header, wait


# --- 431 ------------------------------------------------------------------------------------------
# Nothing DRF or Django does: the sections speak of nginx and gunicorn only.

# --- 451 ------------------------------------------------------------------------------------------


def test_451_link_header_needs_response_headers() -> None:
    """451: an APIException subclass sends no Link header; Response(headers=...) does."""

    class LegallyBlocked(APIException):
        status_code = status.HTTP_451_UNAVAILABLE_FOR_LEGAL_REASONS
        default_detail = "Blocked by court order."

    assert "Link" not in exception_handler(LegallyBlocked(), {})
    link = '<https://example.org/>; rel="blocked-by"'

    class Blocked(OpenView):
        def get(self, request):
            return Response({"detail": "Blocked."}, status=451, headers={"Link": link})

    response = call(Blocked.as_view(), factory.get("/"))
    assert (response.status_code, response["Link"]) == (451, link)
