# The page shows the constants first; the translate part comes first here so that its imports
# stay at the top of the module.

# --8<-- [start:translate]
from rest_framework import status
from rest_framework.response import Response


def upstream_failure(upstream_code: int) -> Response:
    """Answer our own client with a standard code when an upstream call fails.

    A CDN in front of the API may replace the body of a 502 or 504 with its own error page
    (Cloudflare does by default), so clients should go by the status code.
    """
    if upstream_code == HTTP_599_NETWORK_CONNECT_TIMEOUT_ERROR:  # the HTTP client timed out
        return Response({"detail": "Upstream timed out."}, status=status.HTTP_504_GATEWAY_TIMEOUT)
    return Response({"detail": "Upstream failed."}, status=status.HTTP_502_BAD_GATEWAY)
# --8<-- [end:translate]


# --8<-- [start:constants]
# myproject/status_codes.py: codes the project meets that rest_framework.status lacks.
HTTP_499_CLIENT_CLOSED_REQUEST = 499
HTTP_599_NETWORK_CONNECT_TIMEOUT_ERROR = 599
# --8<-- [end:constants]
