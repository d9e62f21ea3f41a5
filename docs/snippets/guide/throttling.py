from django.conf import settings
from django.http import JsonResponse
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView


class BurstThrottle(AnonRateThrottle):
    rate = "3/minute"


class SearchView(APIView):
    # The fourth anonymous request from one address within a minute gets
    # 429, with Retry-After set to the seconds until the throttle lets
    # that address in again. Authenticated users are not counted.
    throttle_classes = [BurstThrottle]

    def get(self, request):
        return Response({"results": []})


class ServiceUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The service is unavailable, try again later."
    default_code = "service_unavailable"

    def __init__(self, wait):
        super().__init__()
        # DRF's exception_handler sends a non-zero "wait" as Retry-After.
        self.wait = wait


class ReportBackendDown(Exception):
    pass


def fetch_reports():
    """Stand-in for a call to the service that holds the reports."""
    if getattr(settings, "REPORT_BACKEND_DOWN", False):
        raise ReportBackendDown()
    return []


class ReportView(APIView):
    def get(self, request):
        try:
            reports = fetch_reports()
        except ReportBackendDown:
            raise ServiceUnavailable(wait=120) from None
        return Response({"reports": reports})


def maintenance_middleware(get_response):
    # Listed in MIDDLEWARE, it answers before DRF authenticates anyone,
    # so during maintenance every caller gets 503, not 401 or 403.
    def middleware(request):
        if getattr(settings, "MAINTENANCE_MODE", False):
            return JsonResponse(
                {"detail": "Down for maintenance, try again later."},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Retry-After": "600"},
            )
        return get_response(request)

    return middleware
