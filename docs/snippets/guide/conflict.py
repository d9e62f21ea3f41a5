from django.db import IntegrityError, transaction
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException

from .models import Account


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state."
    default_code = "conflict"


class AccountSerializer(serializers.ModelSerializer):
    class Meta:
        model = Account
        fields = ["id", "email"]
        # Drop the UniqueValidator that ModelSerializer adds for
        # unique=True: it reports a duplicate as 400.
        extra_kwargs = {"email": {"validators": []}}


class AccountList(generics.CreateAPIView):
    queryset = Account.objects.all()
    serializer_class = AccountSerializer

    def perform_create(self, serializer):
        try:
            with transaction.atomic():  # keep an outer transaction usable
                serializer.save()
        except IntegrityError:
            raise Conflict("This email is already registered.") from None
