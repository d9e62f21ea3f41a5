"""What the lifecycle and troubleshooting pages say DRF and Django do, run against them.

The exchanges those pages show come from docs/exchanges.yml: the build runs every scenario and
fails when one does not answer with its declared status. The tests here cover the other claims of
docs/lifecycle*.md and docs/troubleshooting*.md, one test per claim, each docstring naming the code
and the claim. Views are defined below; each test installs the URLconf it needs (a small module
made here) and any other settings with override_settings, over tests/drf_settings.py.
"""

from __future__ import annotations

import base64
import sys
import types
from typing import Any

import pytest
from django.conf import global_settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import User
from django.core import exceptions as django_exceptions
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import validate_slug
from django.http import Http404, HttpResponse, JsonResponse
from django.test import Client, override_settings
from django.urls import path
from rest_framework import exceptions, generics, permissions, serializers, status
from rest_framework.authentication import (
    BaseAuthentication,
    BasicAuthentication,
    SessionAuthentication,
    TokenAuthentication,
)
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken, obtain_auth_token
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter, SimpleRouter
from rest_framework.settings import api_settings
from rest_framework.test import APIClient, APIRequestFactory, APITestCase
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle
from rest_framework.urlpatterns import format_suffix_patterns
from rest_framework.versioning import (
    AcceptHeaderVersioning,
    BaseVersioning,
    QueryParameterVersioning,
    URLPathVersioning,
)
from rest_framework.views import APIView
from rest_framework.viewsets import ModelViewSet

# The middleware `startproject` writes that these claims depend on; sessions are signed cookies,
# so no session table is needed.
SESSIONS = {
    "SESSION_ENGINE": "django.contrib.sessions.backends.signed_cookies",
    "MIDDLEWARE": [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
    ],
}
# Any 32 letters and digits make a CSRF secret.
CSRF_SECRET = "abcdefghijklmnopqrstuvwxyz012345"  # noqa: S105 - not a password


def urlconf(name: str, *patterns: Any, **handlers: Any) -> str:
    """A URLconf module made here, importable by name for ROOT_URLCONF."""
    module = types.ModuleType(name)
    module.urlpatterns = list(patterns)  # type: ignore[attr-defined]
    for key, value in handlers.items():
        setattr(module, key, value)
    sys.modules[name] = module
    return name


pytestmark = pytest.mark.usefixtures("test_database")


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    cache.clear()  # throttle history lives in the cache


# --- views ----------------------------------------------------------------------------------------

STEPS: list[str] = []


class RecordingParser(JSONParser):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        STEPS.append("parsing")
        return super().parse(stream, media_type, parser_context)


class StepsView(APIView):
    """Writes down each step of dispatch() as DRF runs it."""

    permission_classes = [permissions.AllowAny]
    parser_classes = [RecordingParser]
    versioning_class = QueryParameterVersioning

    def get_format_suffix(self, **kwargs: Any) -> Any:
        STEPS.append("format suffix")
        return super().get_format_suffix(**kwargs)

    def perform_content_negotiation(self, request: Any, force: bool = False) -> Any:
        STEPS.append("content negotiation")
        return super().perform_content_negotiation(request, force)

    def determine_version(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        STEPS.append("versioning")
        return super().determine_version(request, *args, **kwargs)

    def perform_authentication(self, request: Any) -> None:
        STEPS.append("authentication")
        super().perform_authentication(request)

    def check_permissions(self, request: Any) -> None:
        STEPS.append("permissions")
        super().check_permissions(request)

    def check_throttles(self, request: Any) -> None:
        STEPS.append("throttles")
        super().check_throttles(request)

    def post(self, request: Any) -> Response:
        STEPS.append("handler")
        return Response(request.data)

    def finalize_response(self, request: Any, response: Any, *args: Any, **kwargs: Any) -> Any:
        STEPS.append("finalize_response")
        return super().finalize_response(request, response, *args, **kwargs)


class OnlyVersionOne(QueryParameterVersioning):
    allowed_versions = ["1"]


class TokenProfile(APIView):
    authentication_classes = [TokenAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request: Any) -> Response:
        return Response({"username": request.user.username})


class VersionedProfile(TokenProfile):
    versioning_class = OnlyVersionOne


class OnePerMinute(AnonRateThrottle):
    rate = "1/min"


class ThrottledProfile(TokenProfile):
    throttle_classes = [OnePerMinute]


class ThrottledReadOnly(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [OnePerMinute]

    def get(self, request: Any) -> Response:
        return Response({})


class ReadOnly(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request: Any, format: Any = None) -> Response:  # noqa: A002 - DRF's name
        return Response({})


class IgnoresBody(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request: Any) -> Response:
        return Response({"read": False})


class Echo(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request: Any) -> Response:
        return Response({"data": request.data})


class DjangoPermissionDenied(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request: Any) -> Response:
        raise django_exceptions.PermissionDenied("Not yours.")


class DjangoBadRequest(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request: Any) -> Response:
        raise django_exceptions.BadRequest("No.")


class ThrottledWithoutWait(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request: Any) -> Response:
        raise exceptions.Throttled()


class JsonOnly(ReadOnly):
    renderer_classes = [JSONRenderer]


class JsonAndBrowsable(ReadOnly):
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]


class Broken(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request: Any) -> Response:
        raise KeyError("total")


class Unprocessable(exceptions.ValidationError):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY


class RatingSerializer(serializers.Serializer):
    stars = serializers.IntegerField()
    comment = serializers.CharField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("stars") == 1 and not attrs.get("comment"):
            raise Unprocessable({"comment": "Say what went wrong."})
        return attrs


class Rating422(APIView):
    """The fix the troubleshooting page gives: is_valid() without raise_exception."""

    permission_classes = [permissions.AllowAny]

    def post(self, request: Any) -> Response:
        serializer = RatingSerializer(data=request.data)
        if not serializer.is_valid():
            raise Unprocessable(serializer.errors)
        return Response(serializer.data, status=status.HTTP_201_CREATED)


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username"]


class UserViewSet(ModelViewSet):
    queryset = User.objects.order_by("id")
    serializer_class = UserSerializer
    permission_classes = [permissions.AllowAny]


class SessionArticles(APIView):
    """SessionAuthentication alone, open to everyone: where the CSRF check bites."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [permissions.AllowAny]

    def get(self, request: Any) -> Response:
        return Response({"user": getattr(request.user, "username", None)})

    def post(self, request: Any) -> Response:
        username = getattr(request.user, "username", None)  # None: no user, no session
        return Response({"user": username}, status=status.HTTP_201_CREATED)


class SessionOrTokenArticles(SessionArticles):
    authentication_classes = [SessionAuthentication, TokenAuthentication]


class PublicWithoutAuthentication(APIView):
    authentication_classes: list[type] = []
    permission_classes = [permissions.AllowAny]

    def get(self, request: Any) -> Response:
        return Response({"public": True})


class PublicWithToken(PublicWithoutAuthentication):
    authentication_classes = [TokenAuthentication]


class ScopedSearch(ReadOnly):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "search"


class DjangoValidationInView(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request: Any) -> Response:
        user = User(username="")  # blank username: full_clean() rejects it
        user.full_clean()
        return Response({}, status=status.HTTP_201_CREATED)


class UsernameSerializer(serializers.Serializer):
    username = serializers.CharField()
    slug = serializers.CharField(required=False, validators=[validate_slug])

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        User(username=attrs["username"], password="x").full_clean()  # noqa: S106 - not a secret
        return attrs


class DjangoValidationInSerializer(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request: Any) -> Response:
        serializer = UsernameSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.data, status=status.HTTP_201_CREATED)


class NoContentWithData(APIView):
    permission_classes = [permissions.AllowAny]

    def delete(self, request: Any) -> Response:
        return Response({"id": 1}, status=status.HTTP_204_NO_CONTENT)


class PlainUsers(generics.CreateAPIView):
    serializer_class = UserSerializer
    permission_classes = [permissions.AllowAny]


class PlainUsersWithLocation(PlainUsers):
    """The fix the troubleshooting page gives for a 201 without Location."""

    def get_success_headers(self, data: Any) -> dict[str, str]:
        return {"Location": f"/users/{data['id']}/"}


class UpsertUser(generics.UpdateAPIView):
    """The fix the troubleshooting page gives for PUT to a missing object: create it."""

    queryset = User.objects.all()
    serializer_class = UserSerializer
    permission_classes = [permissions.AllowAny]

    def update(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        try:
            return super().update(request, *args, **kwargs)
        except Http404:
            serializer = self.get_serializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            serializer.save(pk=kwargs["pk"])
            return Response(serializer.data, status=status.HTTP_201_CREATED)


class MethodNotImplemented(exceptions.APIException):
    status_code = status.HTTP_501_NOT_IMPLEMENTED
    default_detail = "This server does not know that method."
    default_code = "not_implemented"


class ReadOnly501(ReadOnly):
    """The fix the troubleshooting page gives: 501 for methods DRF has no name for."""

    def http_method_not_allowed(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.method.lower() not in self.http_method_names:
            raise MethodNotImplemented()
        return super().http_method_not_allowed(request, *args, **kwargs)


class LoginRequiredProfile(LoginRequiredMixin, TokenProfile):
    pass


def plain_django_view(request: Any) -> HttpResponse:
    return HttpResponse("ok")


class IsSelf(permissions.BasePermission):
    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return obj == request.user


class OwnUser(generics.RetrieveAPIView):
    """Other users are not in the queryset at all."""

    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self) -> Any:
        return User.objects.filter(pk=self.request.user.pk)


class AnyUserSelfOnly(generics.RetrieveAPIView):
    """Every user is in the queryset; an object permission refuses the others."""

    queryset = User.objects.all()
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated, IsSelf]


class UserListSelfOnly(generics.ListAPIView):
    queryset = User.objects.order_by("id")
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated, IsSelf]


class AcceptVersionOne(AcceptHeaderVersioning):
    allowed_versions = ["1"]


class AcceptVersionedProfile(TokenProfile):
    versioning_class = AcceptVersionOne


class PathVersionOne(URLPathVersioning):
    allowed_versions = ["1"]


class PathVersionedProfile(TokenProfile):
    versioning_class = PathVersionOne

    def get(self, request: Any, version: str) -> Response:
        return super().get(request)


class FetchesItself(APIView):
    """Fetches the object itself, then asks the object permissions."""

    permission_classes = [permissions.IsAuthenticated, IsSelf]

    def get(self, request: Any, pk: int) -> Response:
        user = User.objects.get(pk=pk)
        self.check_object_permissions(request, user)
        return Response(UserSerializer(user).data)


class ThrottledLogin(ObtainAuthToken):
    """The fix the troubleshooting page gives: a throttle set on the login view itself."""

    throttle_classes = [OnePerMinute]


class Upload(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request: Any) -> Response:
        return Response({"size": request.data["file"].size})


class AlwaysAda(BaseAuthentication):
    """Would authenticate anyone as ada, if DRF ever asked it."""

    def authenticate(self, request: Any) -> Any:
        return (User(username="ada"), None)


class TokenThenAnyone(TokenProfile):
    authentication_classes = [TokenAuthentication, AlwaysAda]


class TokenThenBasic(TokenProfile):
    authentication_classes = [TokenAuthentication, BasicAuthentication]

    def get(self, request: Any) -> Response:
        authenticator = type(request.successful_authenticator).__name__
        return Response({"username": request.user.username, "by": authenticator})


class ProfileWithoutAuthentication(TokenProfile):
    authentication_classes: list[type] = []


class NoDelete(APIView):
    """Has a delete method, but leaves delete out of http_method_names."""

    permission_classes = [permissions.AllowAny]
    http_method_names = ["get", "head", "options"]

    def get(self, request: Any) -> Response:
        return Response({})

    def delete(self, request: Any) -> Response:
        return Response(status=status.HTTP_204_NO_CONTENT)


class ThrottledNoWait(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request: Any) -> Response:
        raise exceptions.Throttled(wait=0)


def json_not_found(request: Any, exception: Exception) -> JsonResponse:
    return JsonResponse({"detail": "Not found."}, status=404)


router = SimpleRouter(trailing_slash=False)
router.register("users", UserViewSet, basename="user")
default_router = DefaultRouter()
default_router.register("members", UserViewSet, basename="member")

URLS = urlconf(
    "claims_pages_urls",
    path("steps/", StepsView.as_view()),
    path("versioned-profile/", VersionedProfile.as_view()),
    path("throttled-profile/", ThrottledProfile.as_view()),
    path("throttled-read-only/", ThrottledReadOnly.as_view()),
    path("read-only/", ReadOnly.as_view()),
    path("ignores-body/", IgnoresBody.as_view()),
    path("echo/", Echo.as_view()),
    path("django-permission-denied/", DjangoPermissionDenied.as_view()),
    path("django-bad-request/", DjangoBadRequest.as_view()),
    path("throttled-without-wait/", ThrottledWithoutWait.as_view()),
    path("json-only/", JsonOnly.as_view()),
    path("json-and-browsable/", JsonAndBrowsable.as_view()),
    path("broken/", Broken.as_view()),
    path("ratings/", Rating422.as_view()),
    path("session-articles/", SessionArticles.as_view()),
    path("session-or-token-articles/", SessionOrTokenArticles.as_view()),
    path("public/", PublicWithoutAuthentication.as_view()),
    path("public-token/", PublicWithToken.as_view()),
    path("scoped-search/", ScopedSearch.as_view()),
    path("django-validation-view/", DjangoValidationInView.as_view()),
    path("django-validation-serializer/", DjangoValidationInSerializer.as_view()),
    path("no-content/", NoContentWithData.as_view()),
    path("plain-users/", PlainUsers.as_view()),
    path("plain-users-location/", PlainUsersWithLocation.as_view()),
    path("upsert/<int:pk>/", UpsertUser.as_view()),
    path("read-only-501/", ReadOnly501.as_view()),
    path("login-mixin/", LoginRequiredProfile.as_view()),
    path("login-decorator/", login_required(TokenProfile.as_view())),
    path("token-profile/", TokenProfile.as_view()),
    path("plain-django/", plain_django_view),
    path("own-user/<int:pk>/", OwnUser.as_view()),
    path("any-user/<int:pk>/", AnyUserSelfOnly.as_view()),
    path("users-self-only/", UserListSelfOnly.as_view()),
    path("api-token-auth/", obtain_auth_token),
    path("throttled-login/", ThrottledLogin.as_view()),
    path("accept-versioned-profile/", AcceptVersionedProfile.as_view()),
    path("v<str:version>/profile/", PathVersionedProfile.as_view()),
    path("fetches-itself/<int:pk>/", FetchesItself.as_view()),
    path("upload/", Upload.as_view()),
    path("token-then-anyone/", TokenThenAnyone.as_view()),
    path("token-then-basic/", TokenThenBasic.as_view()),
    path("profile-without-authentication/", ProfileWithoutAuthentication.as_view()),
    path("no-delete/", NoDelete.as_view()),
    path("throttled-no-wait/", ThrottledNoWait.as_view()),
    *format_suffix_patterns([path("suffixed/", JsonAndBrowsable.as_view())]),
    *router.urls,
    *default_router.urls,
)
URLS_JSON_ERRORS = urlconf(
    "claims_pages_urls_json_errors",
    *sys.modules[URLS].urlpatterns,  # type: ignore[attr-defined]
    handler400="rest_framework.exceptions.bad_request",
    handler404=json_not_found,
    handler500="rest_framework.exceptions.server_error",
)


def token_for(username: str) -> dict[str, str]:
    user = User.objects.create_user(username)
    return {"Authorization": f"Token {Token.objects.create(user=user).key}"}


# --- the lifecycle page ---------------------------------------------------------------------------


@override_settings(ROOT_URLCONF=URLS)
class LifecycleTests(APITestCase):
    def test_dispatch_runs_the_steps_in_this_order(self) -> None:
        """All codes: APIView.dispatch() runs the format suffix, content negotiation, versioning,
        authentication, permissions and throttles, then the handler; the body is parsed when the
        handler reads request.data; finalize_response comes last."""
        STEPS.clear()
        response = self.client.post("/steps/", {"a": 1}, format="json")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(
            STEPS,
            [
                "format suffix",
                "content negotiation",
                "versioning",
                "authentication",
                "permissions",
                "throttles",
                "handler",
                "parsing",
                "finalize_response",
            ],
        )

    def test_versioning_is_off_by_default(self) -> None:
        """404/406: versioning only runs when a versioning class is set; DRF sets none."""
        self.assertIsNone(api_settings.DEFAULT_VERSIONING_CLASS)
        self.assertIsNone(APIView.versioning_class)

    def test_allowed_versions_allow_everything_unless_set(self) -> None:
        """404/406: allowed_versions comes from ALLOWED_VERSIONS, None unless set, which allows
        every version."""
        self.assertIsNone(api_settings.ALLOWED_VERSIONS)
        self.assertIsNone(BaseVersioning.allowed_versions)
        self.assertTrue(QueryParameterVersioning().is_allowed_version("42"))

    def test_accept_header_versioning_answers_406_the_others_404(self) -> None:
        """404/406: AcceptHeaderVersioning refuses a version with 406, URLPathVersioning and
        QueryParameterVersioning with 404."""
        accept = self.client.get(
            "/accept-versioned-profile/", HTTP_ACCEPT="application/json; version=2"
        )
        self.assertEqual(accept.status_code, status.HTTP_406_NOT_ACCEPTABLE)
        self.assertEqual(self.client.get("/v2/profile/").status_code, 404)
        self.assertEqual(self.client.get("/versioned-profile/?version=2").status_code, 404)
        # With the version allowed, the same anonymous requests reach authentication.
        self.assertEqual(self.client.get("/v1/profile/").status_code, 401)

    def test_406_comes_before_an_invalid_version(self) -> None:
        """406 before 404: an Accept nothing satisfies wins over a version not allowed."""
        response = self.client.get("/versioned-profile/?version=2", HTTP_ACCEPT="application/xml")
        self.assertEqual(response.status_code, status.HTTP_406_NOT_ACCEPTABLE)

    def test_format_suffix_naming_no_renderer_is_404(self) -> None:
        """404, not 406: a format suffix (.xml) that names no renderer of the view."""
        self.assertEqual(self.client.get("/suffixed.json").status_code, status.HTTP_200_OK)
        self.assertEqual(self.client.get("/suffixed.xml").status_code, status.HTTP_404_NOT_FOUND)

    def test_authentication_classes_step_aside_until_one_recognizes_the_credentials(self) -> None:
        """401: a class that finds no credentials of its kind lets the next one try."""
        User.objects.create_user("grace", password="secret-words")  # noqa: S106 - a test user
        credentials = base64.b64encode(b"grace:secret-words").decode()
        response = self.client.get(
            "/token-then-basic/", headers={"Authorization": f"Basic {credentials}"}
        )
        self.assertEqual(response.json(), {"username": "grace", "by": "BasicAuthentication"})

    def test_credentials_a_class_cannot_accept_fail_at_once(self) -> None:
        """401: a bad token raises AuthenticationFailed before any later class is asked."""
        response = self.client.get("/token-then-anyone/", headers={"Authorization": "Token 0000"})
        self.assertEqual(response.status_code, status.HTTP_401_UNAUTHORIZED)
        self.assertEqual(self.client.get("/token-then-anyone/").json(), {"username": "ada"})

    def test_permission_refusal_without_authentication_classes_is_permission_denied(
        self,
    ) -> None:
        """403: with no authentication classes, a refusal is PermissionDenied, not
        NotAuthenticated."""
        response = self.client.get("/profile-without-authentication/")
        self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)
        self.assertEqual(response.data["detail"].code, "permission_denied")

    def test_a_method_left_out_of_http_method_names_is_405(self) -> None:
        """405: a handler counts only if its method is in http_method_names."""
        response = self.client.delete("/no-delete/")
        self.assertEqual(response.status_code, status.HTTP_405_METHOD_NOT_ALLOWED)

    def test_default_router_adds_format_suffixes(self) -> None:
        """404: DefaultRouter adds format suffix patterns itself; a suffix it has no renderer for
        is a 404."""
        self.assertEqual(self.client.get("/members.json").status_code, status.HTTP_200_OK)
        self.assertEqual(self.client.get("/members.xml").status_code, status.HTTP_404_NOT_FOUND)

    def test_accept_anything_passes_negotiation(self) -> None:
        """406: with Accept: */* the same anonymous request passes negotiation and gets 401."""
        response = self.client.get("/token-profile/", HTTP_ACCEPT="*/*")
        self.assertEqual(response.status_code, status.HTTP_401_UNAUTHORIZED)
        refused = self.client.get("/token-profile/", HTTP_ACCEPT="application/xml")
        self.assertEqual(refused.status_code, status.HTTP_406_NOT_ACCEPTABLE)

    def test_a_request_refused_by_permissions_is_never_throttled(self) -> None:
        """401, not 429: throttles run after permissions, so a refused request is not counted."""
        for _ in range(3):
            response = self.client.get("/throttled-profile/")
            self.assertEqual(response.status_code, status.HTTP_401_UNAUTHORIZED)

    def test_throttles_come_before_the_method_check(self) -> None:
        """429, not 405: a throttled request never reaches the handler lookup."""
        self.assertEqual(self.client.get("/throttled-read-only/").status_code, 200)
        response = self.client.delete("/throttled-read-only/")
        self.assertEqual(response.status_code, status.HTTP_429_TOO_MANY_REQUESTS)

    def test_the_method_check_comes_before_parsing(self) -> None:
        """405, not 400: a broken body sent with a method the view lacks is never parsed."""
        response = self.client.post("/read-only/", "{broken", content_type="application/json")
        self.assertEqual(response.status_code, status.HTTP_405_METHOD_NOT_ALLOWED)

    def test_a_body_nobody_reads_is_never_parsed(self) -> None:
        """200, not 400: the body is parsed on the first access to request.data, not before."""
        response = self.client.post("/ignores-body/", "{broken", content_type="application/json")
        self.assertEqual(response.status_code, status.HTTP_200_OK)

    def test_django_permission_denied_becomes_drf_403(self) -> None:
        """403: exception_handler turns Django's PermissionDenied into DRF's, with a JSON body."""
        response = self.client.get("/django-permission-denied/")
        self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)
        self.assertEqual(response.json(), {"detail": "Not yours."})

    def test_retry_after_needs_a_wait(self) -> None:
        """429: exception_handler adds Retry-After only when the exception has a wait."""
        response = self.client.get("/throttled-without-wait/")
        self.assertEqual(response.status_code, status.HTTP_429_TOO_MANY_REQUESTS)
        self.assertNotIn("Retry-After", response)
        self.assertNotIn("Retry-After", self.client.get("/throttled-no-wait/"))

    def test_vary_accept_only_with_more_than_one_renderer(self) -> None:
        """406 and all codes: finalize_response adds Allow always and Vary: Accept only when the
        view has more than one renderer."""
        one = self.client.get("/json-only/")
        several = self.client.get("/json-and-browsable/")
        self.assertEqual(one["Allow"], "GET, HEAD, OPTIONS")
        self.assertNotIn("Vary", one)
        self.assertEqual(several["Vary"], "Accept")

    @override_settings(MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
    def test_disallowed_host_comes_before_url_resolution(self) -> None:
        """400, not 404: CommonMiddleware checks the Host before any URL is resolved."""
        response = self.client.get("/no-such-path/", HTTP_HOST="attacker.example")
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)

    @override_settings(DEBUG=True, MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
    def test_append_slash_raises_under_debug_for_writes_only(self) -> None:
        """301/500: under DEBUG, APPEND_SLASH raises RuntimeError for POST, PUT, PATCH and
        DELETE, and still redirects a GET."""
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            with self.assertRaises(RuntimeError):
                self.client.generic(method, "/read-only")
        self.assertEqual(self.client.get("/read-only").status_code, 301)

    @override_settings(MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
    def test_append_slash_only_redirects_to_a_path_that_exists(self) -> None:
        """301 or 404: APPEND_SLASH redirects only when the path with a slash has a route."""
        self.assertEqual(self.client.post("/read-only").status_code, 301)
        self.assertEqual(self.client.post("/no-such-path").status_code, 404)

    def test_django_bad_request_in_a_view_is_djangos_html_400(self) -> None:
        """400: Django's BadRequest raised in a DRF view bypasses DRF's handler; Django answers
        with its HTML page."""
        response = self.client.get("/django-bad-request/")
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertTrue(response["Content-Type"].startswith("text/html"))

    @override_settings(ROOT_URLCONF=URLS_JSON_ERRORS)
    def test_handler400_makes_django_bad_request_json(self) -> None:
        """400: handler400 = rest_framework.exceptions.bad_request gives JSON for it."""
        response = self.client.get("/django-bad-request/")
        self.assertEqual(response.json(), {"error": "Bad Request (400)"})

    @override_settings(
        ROOT_URLCONF=URLS_JSON_ERRORS, MIDDLEWARE=["django.middleware.common.CommonMiddleware"]
    )
    def test_handler400_makes_disallowed_host_json(self) -> None:
        """400: the same handler400 answers DisallowedHost with JSON."""
        response = self.client.get("/read-only/", HTTP_HOST="attacker.example")
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertEqual(response.json(), {"error": "Bad Request (400)"})

    def test_data_upload_limit_defaults_to_2_5_mb(self) -> None:
        """400 and 413: Django's DATA_UPLOAD_MAX_MEMORY_SIZE is 2.5 MB unless set."""
        self.assertEqual(global_settings.DATA_UPLOAD_MAX_MEMORY_SIZE, 2621440)

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=16)
    def test_data_upload_limit_does_not_count_files(self) -> None:
        """400 and 413: DATA_UPLOAD_MAX_MEMORY_SIZE leaves out uploaded files."""
        upload = SimpleUploadedFile("big.txt", b"x" * 1000)
        response = self.client.post("/upload/", {"file": upload}, format="multipart")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.json(), {"size": 1000})

    @override_settings(ROOT_URLCONF=URLS_JSON_ERRORS, DEBUG=True)
    def test_handler500_is_not_used_under_debug(self) -> None:
        """500: under DEBUG Django shows its debug page, whatever handler500 says."""
        client = Client(raise_request_exception=False)
        response = client.get("/broken/", HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, status.HTTP_500_INTERNAL_SERVER_ERROR)
        self.assertNotIn(b"Server Error (500)", response.content)
        self.assertIn(b"KeyError", response.content)

    def test_drf_has_json_handlers_for_400_and_500_only(self) -> None:
        """400/404/500: rest_framework.exceptions has bad_request and server_error, nothing for
        handler403 or handler404."""
        names = {"bad_request", "server_error", "page_not_found", "permission_denied"}
        found = {name for name in names if callable(getattr(exceptions, name, None))}
        self.assertEqual(found, {"bad_request", "server_error"})


# --- the troubleshooting page ---------------------------------------------------------------------


@override_settings(ROOT_URLCONF=URLS)
class TroubleshootingTests(APITestCase):
    def test_default_authentication_classes(self) -> None:
        """401/403: DRF's defaults are SessionAuthentication then BasicAuthentication, and only
        BasicAuthentication has a WWW-Authenticate value."""
        self.assertEqual(
            list(api_settings.DEFAULT_AUTHENTICATION_CLASSES),
            [SessionAuthentication, BasicAuthentication],
        )
        self.assertIsNone(SessionAuthentication().authenticate_header(None))
        self.assertEqual(BasicAuthentication().authenticate_header(None), 'Basic realm="api"')
        self.assertEqual(TokenAuthentication().authenticate_header(None), "Token")

    def test_no_authentication_classes_ignore_a_bad_token(self) -> None:
        """401 on AllowAny: the same bad token passes once the view has no authentication."""
        headers = {"Authorization": "Token 0000"}
        bad = self.client.get("/public-token/", headers=headers)
        self.assertEqual(bad.status_code, status.HTTP_401_UNAUTHORIZED)
        self.assertEqual(self.client.get("/public/", headers=headers).status_code, 200)

    def test_tokens_never_expire(self) -> None:
        """401: DRF's Token has a key, a user and a creation time, no expiry."""
        fields = {field.name for field in Token._meta.get_fields()}
        self.assertEqual(fields, {"key", "user", "created"})

    def test_a_422_subclass_raised_in_validate_still_gives_400(self) -> None:
        """422 → 400: is_valid(raise_exception=True) raises a plain ValidationError (400),
        whatever subclass validate() raised."""
        serializer = RatingSerializer(data={"stars": 1})
        with self.assertRaises(exceptions.ValidationError) as caught:
            serializer.is_valid(raise_exception=True)
        self.assertIs(type(caught.exception), exceptions.ValidationError)
        self.assertEqual(caught.exception.status_code, status.HTTP_400_BAD_REQUEST)

    def test_raising_the_422_yourself_after_is_valid(self) -> None:
        """422: calling is_valid() without raise_exception and raising the 422 exception with
        serializer.errors keeps the usual body."""
        response = self.client.post("/ratings/", {"stars": 1}, format="json")
        self.assertEqual(response.status_code, status.HTTP_422_UNPROCESSABLE_ENTITY)
        self.assertEqual(response.json(), {"comment": ["Say what went wrong."]})
        broken = self.client.post("/ratings/", "{", content_type="application/json")
        self.assertEqual(broken.status_code, status.HTTP_400_BAD_REQUEST)

    @override_settings(ROOT_URLCONF=URLS_JSON_ERRORS)
    def test_handler404_can_answer_unmatched_urls_with_json(self) -> None:
        """404: a handler404 in the root URLconf answers the resolver's 404s (DEBUG off)."""
        response = self.client.get("/no-such-path/")
        self.assertEqual(response.status_code, status.HTTP_404_NOT_FOUND)
        self.assertEqual(response.json(), {"detail": "Not found."})

    @override_settings(ROOT_URLCONF=URLS_JSON_ERRORS, DEBUG=True)
    def test_handler404_is_not_used_under_debug(self) -> None:
        """404: under DEBUG Django shows its debug 404 page instead of handler404."""
        response = self.client.get("/no-such-path/")
        self.assertEqual(response.status_code, status.HTTP_404_NOT_FOUND)
        self.assertTrue(response["Content-Type"].startswith("text/html"))

    def test_router_without_trailing_slash(self) -> None:
        """301: SimpleRouter(trailing_slash=False) routes the paths without the slash."""
        self.assertEqual(self.client.get("/users").status_code, status.HTTP_200_OK)
        self.assertEqual(self.client.get("/users/").status_code, status.HTTP_404_NOT_FOUND)

    @override_settings(APPEND_SLASH=False, MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
    def test_append_slash_false_gives_a_plain_404(self) -> None:
        """301 → 404: with APPEND_SLASH = False the write without its slash is a 404."""
        self.assertEqual(self.client.post("/read-only").status_code, 404)

    @override_settings(**SESSIONS)
    def test_csrf_is_only_checked_for_a_logged_in_session(self) -> None:
        """403 CSRF Failed: SessionAuthentication checks CSRF only when the session has a user."""
        client = APIClient(enforce_csrf_checks=True)
        response = client.post("/session-articles/", {}, format="json")
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(response.json(), {"user": None})

    @override_settings(**SESSIONS)
    def test_csrf_token_header_passes_the_check(self) -> None:
        """403 CSRF Failed: the csrftoken cookie's value in X-CSRFToken passes the check."""
        client = APIClient(enforce_csrf_checks=True)
        client.force_login(User.objects.create_user("ada"))
        refused = client.post("/session-articles/", {}, format="json")
        self.assertEqual(refused.status_code, status.HTTP_403_FORBIDDEN)
        self.assertTrue(str(refused.json()["detail"]).startswith("CSRF Failed"))
        client.cookies["csrftoken"] = CSRF_SECRET
        response = client.post(
            "/session-articles/", {}, format="json", headers={"X-CSRFToken": CSRF_SECRET}
        )
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(response.json(), {"user": "ada"})

    @override_settings(**SESSIONS)
    def test_csrf_is_not_checked_for_safe_methods(self) -> None:
        """403 CSRF Failed: a GET with the logged-in session needs no CSRF token."""
        client = APIClient(enforce_csrf_checks=True)
        client.force_login(User.objects.create_user("ada"))
        response = client.get("/session-articles/")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.json(), {"user": "ada"})

    @override_settings(**SESSIONS)
    def test_csrf_is_not_checked_for_a_token_without_a_session(self) -> None:
        """403 CSRF Failed: a request authenticated by its token alone is not CSRF-checked."""
        client = APIClient(enforce_csrf_checks=True)
        response = client.post(
            "/session-or-token-articles/", {}, format="json", headers=token_for("ada")
        )
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(response.json(), {"user": "ada"})

    def test_drf_views_are_exempt_from_csrf_middleware(self) -> None:
        """403 CSRF Failed: APIView.as_view() marks the view csrf_exempt; the check comes from
        SessionAuthentication itself, so csrf_exempt changes nothing."""
        self.assertTrue(APIView.as_view().csrf_exempt)

    def test_no_body_means_no_415(self) -> None:
        """415: a request without a body gets empty request.data, whatever its Content-Type."""
        response = self.client.post("/echo/", "", content_type="text/plain")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.json(), {"data": {}})
        response = self.client.post("/echo/", "Status codes", content_type="text/plain")
        self.assertEqual(response.status_code, status.HTTP_415_UNSUPPORTED_MEDIA_TYPE)

    def test_a_scope_without_a_rate_is_a_configuration_error(self) -> None:
        """429 / 500: a throttle scope missing from DEFAULT_THROTTLE_RATES raises
        ImproperlyConfigured; anon and user are in it with None, which throttles nothing."""
        self.assertEqual(api_settings.DEFAULT_THROTTLE_RATES, {"user": None, "anon": None})
        with self.assertRaises(django_exceptions.ImproperlyConfigured):
            self.client.get("/scoped-search/")

    def test_default_throttle_classes_are_empty(self) -> None:
        """429: DRF throttles nothing unless throttle classes are set."""
        self.assertEqual(list(api_settings.DEFAULT_THROTTLE_CLASSES), [])

    def test_obtain_auth_token_is_never_throttled(self) -> None:
        """400 and 429: ObtainAuthToken sets throttle_classes = (), so the defaults never
        apply to it, and a wrong password there is a 400 (ValidationError), not a 401."""
        self.assertEqual(ObtainAuthToken.throttle_classes, ())
        self.assertEqual(ObtainAuthToken.permission_classes, ())
        User.objects.create_user("ada", password="right-password")  # noqa: S106 - a test user
        for _ in range(5):
            response = self.client.post(
                "/api-token-auth/", {"username": "ada", "password": "wrong"}, format="json"
            )
            self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)

    def test_a_throttle_on_the_login_view_counts_every_attempt(self) -> None:
        """429: throttle_classes set on an ObtainAuthToken subclass counts failed logins."""
        User.objects.create_user("ada", password="right-password")  # noqa: S106 - a test user
        wrong = {"username": "ada", "password": "wrong"}
        first = self.client.post("/throttled-login/", wrong, format="json")
        self.assertEqual(first.status_code, status.HTTP_400_BAD_REQUEST)
        second = self.client.post("/throttled-login/", wrong, format="json")
        self.assertEqual(second.status_code, status.HTTP_429_TOO_MANY_REQUESTS)

    def test_model_serializer_reports_a_duplicate_as_400(self) -> None:
        """400, not 500: ModelSerializer validates unique=True fields before saving."""
        self.assertEqual(self.client.post("/plain-users/", {"username": "ada"}).status_code, 201)
        response = self.client.post("/plain-users/", {"username": "ada"})
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertIn("username", response.json())

    def test_django_validation_error_in_a_view_is_500(self) -> None:
        """500: Django's own ValidationError (from full_clean) raised in a view is not handled."""
        client = Client(raise_request_exception=False)
        response = client.post("/django-validation-view/")
        self.assertEqual(response.status_code, status.HTTP_500_INTERNAL_SERVER_ERROR)

    def test_django_validation_error_in_a_serializer_is_400(self) -> None:
        """400: raised inside the serializer's validation, DRF turns Django's ValidationError into
        its own."""
        response = self.client.post("/django-validation-serializer/", {"username": "a b"})
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertIn("username", response.json())
        # The same from a Django validator on a field.
        data = {"username": "ada", "slug": "not a slug"}
        response = self.client.post("/django-validation-serializer/", data)
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertEqual(list(response.json()), ["slug"])

    @override_settings(MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
    def test_a_204_carries_the_data_but_the_test_client_hides_it(self) -> None:
        """204: DRF renders whatever data is passed; Django's test client empties the body, while
        Content-Length still counts it."""
        view = NoContentWithData.as_view()
        rendered = view(APIRequestFactory().delete("/no-content/"))
        rendered.render()
        self.assertEqual(rendered.content, b'{"id":1}')
        response = self.client.delete("/no-content/")
        self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)
        self.assertEqual(response.content, b"")
        self.assertEqual(response["Content-Length"], "8")
        self.assertEqual(response.data, {"id": 1})

    def test_unhandled_exceptions_are_logged_by_django(self) -> None:
        """500: Django logs the unhandled exception on the django.request logger."""
        client = Client(raise_request_exception=False)
        with self.assertLogs("django.request", level="ERROR") as logs:
            response = client.get("/broken/")
        self.assertEqual(response.status_code, status.HTTP_500_INTERNAL_SERVER_ERROR)
        self.assertIs(logs.records[0].exc_info[0], KeyError)  # the traceback goes with it

    def test_get_success_headers_gives_a_location(self) -> None:
        """201: overriding get_success_headers adds Location without a url field."""
        plain = self.client.post("/plain-users/", {"username": "ada"})
        self.assertEqual(plain.status_code, status.HTTP_201_CREATED)
        self.assertNotIn("Location", plain)
        response = self.client.post("/plain-users-location/", {"username": "grace"})
        self.assertEqual(response["Location"], f"/users/{response.json()['id']}/")

    def test_put_as_create(self) -> None:
        """404 → 201: an update() that creates on Http404 makes PUT to a missing object a 201."""
        response = self.client.put("/upsert/42/", {"username": "ada"})
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(User.objects.get(pk=42).username, "ada")
        again = self.client.put("/upsert/42/", {"username": "ada2"})
        self.assertEqual(again.status_code, status.HTTP_200_OK)

    def test_url_format_override_can_be_switched_off(self) -> None:
        """404: with URL_FORMAT_OVERRIDE = None, ?format= is an ordinary query parameter."""
        self.assertEqual(self.client.get("/read-only/?format=xml").status_code, 404)
        with override_settings(REST_FRAMEWORK={"URL_FORMAT_OVERRIDE": None}):
            self.assertEqual(self.client.get("/read-only/?format=xml").status_code, 200)

    def test_501_for_methods_outside_http_method_names(self) -> None:
        """405 → 501: overriding http_method_not_allowed can answer 501 for unknown methods and
        keep 405 for known ones."""
        self.assertEqual(self.client.generic("BREW", "/read-only-501/").status_code, 501)
        self.assertEqual(self.client.delete("/read-only-501/").status_code, 405)

    @override_settings(**SESSIONS)
    def test_login_required_mixin_redirects_despite_a_valid_token(self) -> None:
        """302: LoginRequiredMixin on a DRF view redirects to LOGIN_URL before DRF authenticates."""
        headers = token_for("ada")
        self.assertEqual(self.client.get("/token-profile/", headers=headers).status_code, 200)
        response = self.client.get("/login-mixin/", headers=headers)
        self.assertEqual(response.status_code, status.HTTP_302_FOUND)
        self.assertEqual(response["Location"], "/accounts/login/?next=/login-mixin/")

    @override_settings(**SESSIONS)
    def test_login_required_decorator_redirects(self) -> None:
        """302: login_required around a DRF view redirects to the login page as well."""
        response = self.client.get("/login-decorator/", headers=token_for("ada"))
        self.assertEqual(response.status_code, status.HTTP_302_FOUND)

    @override_settings(
        SESSION_ENGINE=SESSIONS["SESSION_ENGINE"],
        MIDDLEWARE=[
            *SESSIONS["MIDDLEWARE"],
            "django.contrib.auth.middleware.LoginRequiredMiddleware",
        ],
    )
    def test_login_required_middleware_leaves_drf_views_alone(self) -> None:
        """302 vs 401: LoginRequiredMiddleware redirects Django views but not DRF views, which
        APIView.as_view() marks login_required = False."""
        self.assertIs(APIView.as_view().login_required, False)
        self.assertEqual(self.client.get("/plain-django/").status_code, 302)
        self.assertEqual(self.client.get("/token-profile/").status_code, 401)

    def test_other_users_objects_404_or_403(self) -> None:
        """404 vs 403: a queryset filtered to the user gives 404 for other users' objects; an
        object permission over the whole table gives 403."""
        ada = User.objects.create_user("ada")
        grace = User.objects.create_user("grace")
        self.client.force_authenticate(ada)
        self.assertEqual(self.client.get(f"/own-user/{ada.pk}/").status_code, 200)
        self.assertEqual(self.client.get(f"/own-user/{grace.pk}/").status_code, 404)
        self.assertEqual(self.client.get(f"/any-user/{grace.pk}/").status_code, 403)

    def test_check_object_permissions_for_an_object_fetched_by_hand(self) -> None:
        """403: a view that fetches the object itself calls check_object_permissions()."""
        ada = User.objects.create_user("ada")
        grace = User.objects.create_user("grace")
        self.client.force_authenticate(ada)
        self.assertEqual(self.client.get(f"/fetches-itself/{ada.pk}/").status_code, 200)
        self.assertEqual(self.client.get(f"/fetches-itself/{grace.pk}/").status_code, 403)

    def test_object_permissions_are_not_checked_on_lists(self) -> None:
        """403: has_object_permission runs only in get_object(); a list shows every object."""
        ada = User.objects.create_user("ada")
        User.objects.create_user("grace")
        self.client.force_authenticate(ada)
        response = self.client.get("/users-self-only/")
        self.assertEqual([user["username"] for user in response.json()], ["ada", "grace"])
