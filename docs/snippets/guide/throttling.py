from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView


class BurstThrottle(AnonRateThrottle):
    rate = "3/minute"


class SearchView(APIView):
    # The fourth request within a minute gets 429, with Retry-After set
    # to the seconds until the throttle lets the client in again.
    throttle_classes = [BurstThrottle]

    def get(self, request):
        return Response({"results": []})


class ServiceUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "Down for maintenance, try again later."
    default_code = "service_unavailable"

    def __init__(self, wait):
        super().__init__()
        # DRF's exception_handler sends any "wait" as Retry-After.
        self.wait = wait


class ReportView(APIView):
    def get(self, request):
        if getattr(settings, "MAINTENANCE_MODE", False):
            raise ServiceUnavailable(wait=600)
        return Response({"reports": []})
