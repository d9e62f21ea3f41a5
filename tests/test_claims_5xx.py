"""What the 5xx entries and the appendix say DRF and Django do, run against the installed versions.

Each test names the code whose text makes the claim. The views below are served through this
module's own URLconf (``ROOT_URLCONF`` is overridden per test), with the test client set not to
re-raise server errors, so the tests see the response a client would get. This module's URLconf
keeps Django's default handler500; ``JSON_500_URLS`` sets DRF's ``server_error`` as handler500.
"""

from __future__ import annotations

import json
from types import ModuleType, SimpleNamespace

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path
from django.views import View
from rest_framework import exceptions, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView


class DjangoValidationErrorView(APIView):
    def get(self, request):
        raise DjangoValidationError("Enter a valid email address.")


class IntegrityErrorView(APIView):
    def get(self, request):
        raise IntegrityError("UNIQUE constraint failed: account.email")


class ConvertedValidationErrorView(APIView):
    def get(self, request):
        try:
            raise DjangoValidationError("Enter a valid email address.")
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.messages) from error


class BrokenView(APIView):
    def get(self, request):
        raise RuntimeError("a bug")


class NotImplementedView(APIView):
    def get(self, request):
        raise NotImplementedError


class Maintenance(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "Down for maintenance."
    wait = 120


class MaintenanceView(APIView):
    def get(self, request):
        raise Maintenance()


class MaintenanceResponseView(APIView):
    def get(self, request):
        return Response(
            {"detail": "Down for maintenance."},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "120"},
        )


class ReadOnlyView(APIView):
    def get(self, request):
        return Response({"ok": True})


class PlainReadOnlyView(View):
    def get(self, request):
        return HttpResponse("ok")


class UnknownMethodNotImplemented(exceptions.APIException):
    status_code = status.HTTP_501_NOT_IMPLEMENTED
    default_detail = "Method not implemented."


class Strict501View(ReadOnlyView):
    def http_method_not_allowed(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            raise UnknownMethodNotImplemented()
        return super().http_method_not_allowed(request, *args, **kwargs)


class ClientCertificateAuthentication(BaseAuthentication):
    """Trusts a verification result forwarded by the proxy; no WWW-Authenticate challenge."""

    def authenticate(self, request):
        if request.headers.get("X-SSL-Client-Verify") != "SUCCESS":
            return None
        return (SimpleNamespace(is_authenticated=True), None)  # the calling service


class ChallengingCertificateAuthentication(ClientCertificateAuthentication):
    def authenticate_header(self, request):
        return 'Certificate realm="api"'


class CertificateView(ReadOnlyView):
    authentication_classes = [ClientCertificateAuthentication]
    permission_classes = [IsAuthenticated]


class ChallengingCertificateView(CertificateView):
    authentication_classes = [ChallengingCertificateAuthentication]


urlpatterns = [
    path("django-validation/", DjangoValidationErrorView.as_view()),
    path("integrity/", IntegrityErrorView.as_view()),
    path("converted/", ConvertedValidationErrorView.as_view()),
    path("broken/", BrokenView.as_view()),
    path("not-implemented/", NotImplementedView.as_view()),
    path("maintenance/", MaintenanceView.as_view()),
    path("maintenance-response/", MaintenanceResponseView.as_view()),
    path("read-only/", ReadOnlyView.as_view()),
    path("plain-read-only/", PlainReadOnlyView.as_view()),
    path("strict-501/", Strict501View.as_view()),
    path("certificate/", CertificateView.as_view()),
    path("certificate-challenge/", ChallengingCertificateView.as_view()),
]

JSON_500_URLS = ModuleType("json_500_urls")  # a module, so Django's resolver cache can hash it
JSON_500_URLS.urlpatterns = urlpatterns  # type: ignore[attr-defined]
JSON_500_URLS.handler500 = "rest_framework.exceptions.server_error"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def urls():
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        yield


@pytest.fixture
def client() -> Client:
    return Client(raise_request_exception=False)


def is_json(response) -> bool:
    return response["Content-Type"].startswith("application/json")


# --- 500 -------------------------------------------------------------------------------------


def test_500_django_validation_error_is_an_html_500(client: Client) -> None:
    """500: Django's own ValidationError raised in an APIView is not handled by DRF's
    exception_handler; the client gets Django's HTML 500 page, not a DRF 400."""
    response = client.get("/django-validation/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


def test_500_integrity_error_is_an_html_500(client: Client) -> None:
    """500: a database IntegrityError raised in an APIView also bypasses DRF's
    exception_handler and ends as Django's HTML 500."""
    response = client.get("/integrity/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


def test_500_converted_to_drf_validation_error_gives_400(client: Client) -> None:
    """500: catching Django's ValidationError and raising DRF's ValidationError gives a 400."""
    response = client.get("/converted/")
    assert response.status_code == 400
    assert response.json() == ["Enter a valid email address."]


def test_500_handler500_server_error_gives_json(client: Client) -> None:
    """500: handler500 = rest_framework.exceptions.server_error answers
    {"error": "Server Error (500)"} as JSON."""
    with override_settings(ROOT_URLCONF=JSON_500_URLS):
        response = client.get("/broken/")
    assert response.status_code == 500
    assert is_json(response)
    assert json.loads(response.content) == {"error": "Server Error (500)"}


def test_500_handler500_only_takes_effect_without_debug(client: Client) -> None:
    """500: with DEBUG = True, Django shows its debug page and handler500 is not used."""
    with override_settings(ROOT_URLCONF=JSON_500_URLS, DEBUG=True):
        response = client.get("/broken/")
    assert response.status_code == 500
    assert not is_json(response)
    assert b"RuntimeError" in response.content


# --- 501 -------------------------------------------------------------------------------------


def test_501_drf_answers_405_even_for_unknown_methods(client: Client) -> None:
    """501: DRF never sends 501 by itself; a made-up method gets 405 with an Allow header, like a
    known method without a handler."""
    for method in ("BREW", "DELETE"):
        response = client.generic(method, "/read-only/")
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_501_django_view_answers_405_too(client: Client) -> None:
    """501: Django's plain View also answers an unknown method with 405 and Allow."""
    response = client.generic("BREW", "/plain-read-only/")
    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_501_override_http_method_not_allowed(client: Client) -> None:
    """501: overriding http_method_not_allowed can send 501 for unknown methods only."""
    assert client.generic("BREW", "/strict-501/").status_code == 501
    assert client.generic("DELETE", "/strict-501/").status_code == 405


def test_501_not_implemented_error_is_a_500(client: Client) -> None:
    """501: raise NotImplementedError in a view gives 500, not 501."""
    assert client.get("/not-implemented/").status_code == 500


# --- 503 -------------------------------------------------------------------------------------


def test_503_wait_attribute_sets_retry_after(client: Client) -> None:
    """503: an APIException subclass with a `wait` attribute gets Retry-After from DRF's
    exception_handler."""
    response = client.get("/maintenance/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert response.json() == {"detail": "Down for maintenance."}


def test_503_response_headers_set_retry_after(client: Client) -> None:
    """503: Response(headers={"Retry-After": "120"}) sends the header as given."""
    response = client.get("/maintenance-response/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"


# --- 495, 496: client certificates forwarded by nginx ---------------------------------------


def test_495_not_authenticated_becomes_403_without_authenticate_header(client: Client) -> None:
    """495/496: DRF turns NotAuthenticated into 403 when the first authentication class gives no
    authenticate_header, as a class trusting a forwarded certificate check does."""
    response = client.get("/certificate/")
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response
    assert client.get("/certificate/", HTTP_X_SSL_CLIENT_VERIFY="SUCCESS").status_code == 200


def test_495_authenticate_header_gives_401(client: Client) -> None:
    """495/496: with an authenticate_header on the first authentication class, the same request
    gets 401 and that challenge in WWW-Authenticate."""
    response = client.get("/certificate-challenge/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Certificate realm="api"'


# --- 497 -------------------------------------------------------------------------------------


def test_497_secure_ssl_redirect_answers_plain_http_with_301(client: Client) -> None:
    """497: Django's SECURE_SSL_REDIRECT redirects a plain-HTTP request that reaches Django, a
    POST included, with 301."""
    middleware = ["django.middleware.security.SecurityMiddleware"]
    with override_settings(SECURE_SSL_REDIRECT=True, MIDDLEWARE=middleware):
        response = client.post("/read-only/", {"a": "1"})
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/read-only/"
