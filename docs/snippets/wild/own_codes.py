from rest_framework import status
from rest_framework.response import Response

# --8<-- [start:constants]
# myproject/status_codes.py: codes the project meets that rest_framework.status lacks.
HTTP_499_CLIENT_CLOSED_REQUEST = 499
HTTP_599_NETWORK_CONNECT_TIMEOUT = 599
# --8<-- [end:constants]


# --8<-- [start:translate]
def upstream_failure(upstream_code: int) -> Response:
    """Answer our own client with a standard code when an upstream call fails."""
    if upstream_code == HTTP_599_NETWORK_CONNECT_TIMEOUT:  # the HTTP client timed out
        return Response({"detail": "Upstream timed out."}, status=status.HTTP_504_GATEWAY_TIMEOUT)
    return Response({"detail": "Upstream failed."}, status=status.HTTP_502_BAD_GATEWAY)
# --8<-- [end:translate]
