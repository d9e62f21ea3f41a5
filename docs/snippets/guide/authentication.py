from rest_framework.authentication import (
    SessionAuthentication,
    TokenAuthentication,
)
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView


class SessionFirstProfileView(APIView):
    # SessionAuthentication first, as in DRF's defaults: it has no
    # WWW-Authenticate value, so an anonymous request gets 403, not 401.
    authentication_classes = [SessionAuthentication, TokenAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"username": request.user.get_username()})


class ProfileView(SessionFirstProfileView):
    # TokenAuthentication first: its value is "Token", so an anonymous
    # request gets 401 with "WWW-Authenticate: Token".
    authentication_classes = [TokenAuthentication, SessionAuthentication]
