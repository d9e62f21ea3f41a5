from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Account


class AccountDetail(APIView):
    def delete(self, request, pk):
        # Deleting the same account again gets 404.
        get_object_or_404(Account, pk=pk).delete()
        # No data: a 204 response has no body, and DRF would send any
        # data passed here.
        return Response(status=status.HTTP_204_NO_CONTENT)
