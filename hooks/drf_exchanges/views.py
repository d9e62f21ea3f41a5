"""The views the scenarios call. Each is as small as DRF allows: the point is DRF's own answer."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from rest_framework import generics, permissions, serializers, viewsets
from rest_framework.authentication import BasicAuthentication, TokenAuthentication
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import AdminRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.versioning import QueryParameterVersioning
from rest_framework.views import APIView

from drf_exchanges.models import Article, Tag


class ArticleSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Article
        fields = ["url", "id", "title"]


class PlainArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title"]


class ArticleViewSet(viewsets.ModelViewSet):
    """/articles/: DRF's defaults throughout, hyperlinked, so a create answers with Location."""

    queryset = Article.objects.order_by("id")
    serializer_class = ArticleSerializer
    permission_classes = [permissions.AllowAny]


class NoteViewSet(ArticleViewSet):
    """/notes/: the same with a plain ModelSerializer, which has no `url` field."""

    serializer_class = PlainArticleSerializer


class AdminArticleViewSet(ArticleViewSet):
    """/admin-articles/: the same, rendered by DRF's AdminRenderer."""

    renderer_classes = [AdminRenderer, JSONRenderer]


class ProfileView(APIView):
    """/profile/: needs a logged-in user; DRF's default authentication classes."""

    permission_classes = [permissions.IsAuthenticated]

    def get(self, request: Request) -> Response:
        return Response({"username": request.user.username})


class TokenProfileView(ProfileView):
    """/token-profile/: the same behind TokenAuthentication only."""

    authentication_classes = [TokenAuthentication]


class BasicProfileView(ProfileView):
    """/basic-profile/: the same behind BasicAuthentication only."""

    authentication_classes = [BasicAuthentication]


class OnlyVersionOne(QueryParameterVersioning):
    allowed_versions = ["1"]


class VersionedProfileView(ProfileView):
    """/versioned-profile/: the same, with the API version in the query string (only "1")."""

    versioning_class = OnlyVersionOne


class LoginRequiredProfileView(LoginRequiredMixin, TokenProfileView):
    """/login-profile/: Django's LoginRequiredMixin put on a DRF view, a mistake."""


class PublicView(APIView):
    """/public/: open to everyone (AllowAny), behind TokenAuthentication."""

    authentication_classes = [TokenAuthentication]
    permission_classes = [permissions.AllowAny]

    def get(self, request: Request) -> Response:
        return Response({"public": True})


class ReportView(generics.ListAPIView):
    """/reports/: read-only (GET only), for logged-in users."""

    queryset = Article.objects.order_by("id")
    serializer_class = PlainArticleSerializer
    authentication_classes = [TokenAuthentication]
    permission_classes = [permissions.IsAuthenticated]


class StaffView(ReportView):
    """/staff/: only for staff users."""

    permission_classes = [permissions.IsAdminUser]


class TwoPerMinute(AnonRateThrottle):
    rate = "2/min"


class SearchView(APIView):
    """/search/: anonymous callers may search twice a minute."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = [TwoPerMinute]

    def get(self, request: Request) -> Response:
        return Response({"results": []})


class TokenSearchView(SearchView):
    """/token-search/: the same limit, behind TokenAuthentication."""

    authentication_classes = [TokenAuthentication]


class UnratedSearchView(SearchView):
    """/unrated-search/: an AnonRateThrottle with no rate configured anywhere."""

    throttle_classes = [AnonRateThrottle]


class EchoView(APIView):
    """/echo/: returns what DRF parsed from the request body."""

    permission_classes = [permissions.AllowAny]

    def post(self, request: Request) -> Response:
        return Response({"data": request.data})


class BrokenView(APIView):
    """/broken/: a bug, an exception nothing handles."""

    permission_classes = [permissions.AllowAny]

    def get(self, request: Request) -> Response:
        raise KeyError("total")


class TagView(APIView):
    """/tags/: creates a tag without validating it first, so a duplicate reaches the database."""

    permission_classes = [permissions.AllowAny]

    def post(self, request: Request) -> Response:
        Tag.objects.create(name=request.data["name"])
        return Response({"name": request.data["name"]}, status=201)


class Unprocessable(ValidationError):
    """A ValidationError that asks for 422."""

    status_code = 422


class RatingSerializer(serializers.Serializer):
    stars = serializers.IntegerField()

    def validate_stars(self, value: int) -> int:
        if not 1 <= value <= 5:
            raise Unprocessable("Give one to five stars.")
        return value


class RatingView(APIView):
    """/ratings/: a field validator raises the 422 subclass; is_valid collects it."""

    permission_classes = [permissions.AllowAny]

    def post(self, request: Request) -> Response:
        serializer = RatingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.data, status=201)
