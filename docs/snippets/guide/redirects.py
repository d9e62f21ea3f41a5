from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView


class LegacyArticleList(APIView):
    # /v1/articles/ has moved to /articles/ for good, and clients still
    # POST here. preserve_request=True (Django 5.2+) sends 308, not 301.
    def get(self, request):
        url = reverse("article-list")
        return HttpResponsePermanentRedirect(url, preserve_request=True)

    def post(self, request):
        return self.get(request)


class UploadView(APIView):
    # Uploads go to a standby host for a while: 307 keeps the POST a POST.
    # On Django 5.2+, HttpResponseRedirect(url, preserve_request=True)
    # sends the same status.
    def post(self, request):
        return Response(
            status=status.HTTP_307_TEMPORARY_REDIRECT,
            headers={"Location": "https://standby.example.com/uploads/"},
        )
