from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler


class BookingSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()

    def validate(self, data):
        if data["end"] < data["start"]:
            raise serializers.ValidationError("The end is before the start.")
        return data


class BookingView(APIView):
    def post(self, request):
        # A body that is not valid JSON raises ParseError here: 400.
        serializer = BookingSerializer(data=request.data)
        if not serializer.is_valid():
            # Well formed, but the values cannot be accepted: 422.
            return Response(serializer.errors, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        # Valid. This example stores nothing, so 200, not 201.
        return Response(serializer.data)


def exception_handler(exc, context):
    # The same for the whole API, set as REST_FRAMEWORK["EXCEPTION_HANDLER"].
    response = drf_exception_handler(exc, context)
    # Only requests with a body: a ValidationError about the query
    # string of a GET stays 400.
    if (
        response is not None
        and isinstance(exc, ValidationError)
        and context["request"].method in ("POST", "PUT", "PATCH")
    ):
        response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    return response
