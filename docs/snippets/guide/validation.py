from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView


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
        return Response(serializer.data, status=status.HTTP_201_CREATED)
