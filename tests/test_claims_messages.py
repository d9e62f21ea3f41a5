"""What docs/messages.yml says causes a message, run against DRF (one test per cause).

The texts themselves are checked in tests/test_exchanges.py; here each cause is reproduced with
DRF's own classes and the status it comes with is read from the response.
"""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework import fields, permissions, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, APITestCase
from rest_framework.validators import UniqueTogetherValidator, UniqueValidator
from rest_framework.views import APIView

FACTORY = APIRequestFactory()


class RejectingImageCheck(forms.FileField):
    """Django's ImageField where Pillow finds no image in the file (Pillow is not installed
    here): Django's file checks, then the rejection, with the messages DRF hands it."""

    def to_python(self, data: Any) -> Any:
        super().to_python(data)
        raise DjangoValidationError(self.error_messages["invalid_image"], code="invalid_image")


class UploadSerializer(serializers.Serializer):
    state = fields.ChoiceField(choices=["draft", "published"], required=False)
    picture = fields.ImageField(required=False, _DjangoImageField=RejectingImageCheck)


class Upload(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []

    def post(self, request: Any) -> Response:
        serializer = UploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(status=status.HTTP_204_NO_CONTENT)


def errors(response: Any, field: str) -> list[str]:
    return [str(error) for error in response.data[field]]


def test_unknown_choice_is_a_400() -> None:
    """400: a ChoiceField value outside its choices gets "invalid_choice"."""
    response = Upload.as_view()(FACTORY.post("/", {"state": "archived"}, format="json"))
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert errors(response, "state") == ['"archived" is not a valid choice.']


def test_upload_the_image_check_rejects_is_a_400() -> None:
    """400: ImageField hands the upload to Django's ImageField with its own messages; when that
    finds no image, the answer is DRF's "invalid_image"."""
    upload = SimpleUploadedFile("photo.png", b"not a png", content_type="image/png")
    response = Upload.as_view()(FACTORY.post("/", {"picture": upload}, format="multipart"))
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert errors(response, "picture") == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]


class Ordered(CursorPagination):
    ordering = "pk"


@pytest.mark.parametrize("cursor", ["not-base64!", "cD0"])
def test_cursor_that_does_not_decode_is_a_404(cursor: str) -> None:
    """404: CursorPagination raises NotFound("Invalid cursor") for a ?cursor= it cannot decode
    (edited or cut short)."""
    request = Request(FACTORY.get("/", {"cursor": cursor}))
    with pytest.raises(NotFound) as caught:
        Ordered().decode_cursor(request)
    assert caught.value.status_code == status.HTTP_404_NOT_FOUND
    assert str(caught.value.detail) == "Invalid cursor"


@pytest.mark.usefixtures("test_database")
class UniquenessTests(APITestCase):
    """400, and only 400: DRF's two uniqueness messages come from validators, whose failures a
    serializer raises as one ValidationError (a 409 needs an exception of the API's own)."""

    def post(self, serializer_class: type[serializers.Serializer], data: dict[str, str]) -> Any:
        class Create(APIView):
            permission_classes = [permissions.AllowAny]
            authentication_classes: list[Any] = []

            def post(self, request: Any) -> Response:
                serializer_class(data=request.data).is_valid(raise_exception=True)
                return Response(status=status.HTTP_201_CREATED)

        return Create.as_view()(FACTORY.post("/", data, format="json"))

    def test_a_value_taken_is_a_400(self) -> None:
        class Signup(serializers.Serializer):
            username = fields.CharField(validators=[UniqueValidator(User.objects.all())])

        User.objects.create(username="ada")
        response = self.post(Signup, {"username": "ada"})
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertEqual(errors(response, "username"), ["This field must be unique."])

    def test_a_combination_taken_is_a_400(self) -> None:
        class Pair(serializers.Serializer):
            username = fields.CharField()
            email = fields.CharField()

            class Meta:
                validators = [UniqueTogetherValidator(User.objects.all(), ["username", "email"])]

        User.objects.create(username="ada", email="ada@example.org")
        response = self.post(Pair, {"username": "ada", "email": "ada@example.org"})
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertEqual(
            errors(response, "non_field_errors"),
            ["The fields username, email must make a unique set."],
        )
