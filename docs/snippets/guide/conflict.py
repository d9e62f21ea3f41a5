from django.db import IntegrityError, transaction
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException
from rest_framework.validators import UniqueValidator

from .models import Account


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state."
    default_code = "conflict"


class AccountSerializer(serializers.ModelSerializer):
    class Meta:
        model = Account
        fields = ["id", "email"]

    def get_fields(self):
        fields = super().get_fields()
        # Drop only the UniqueValidator that ModelSerializer adds for
        # unique=True (it reports a duplicate as 400); keep the others.
        email = fields["email"]
        email.validators = [v for v in email.validators if not isinstance(v, UniqueValidator)]
        return fields


class AccountList(generics.CreateAPIView):
    queryset = Account.objects.all()
    serializer_class = AccountSerializer

    def perform_create(self, serializer):
        email = serializer.validated_data["email"]
        try:
            with transaction.atomic():  # keep an outer transaction usable
                serializer.save()
        except IntegrityError:
            if not Account.objects.filter(email=email).exists():
                raise  # some other constraint failed: not a duplicate
            # Keyed by field, like the 400 that the validator would send.
            raise Conflict({"email": ["This email is already registered."]}) from None
