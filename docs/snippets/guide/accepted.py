from django.db import transaction
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import ExportJob

QUEUED = []


def enqueue_export(job_id):
    """Stand-in for a task queue; a worker would run the job later."""
    QUEUED.append(job_id)


class ExportJobSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="export-detail")

    class Meta:
        model = ExportJob
        fields = ["url", "id", "state"]


class ExportList(APIView):
    def post(self, request):
        job = ExportJob.objects.create()
        # Queue the job once the new row is committed, so the worker finds it.
        transaction.on_commit(lambda: enqueue_export(job.pk))
        # 202: accepted, not done yet. The body describes the job; its
        # "url", sent as Location too, is where the client polls.
        data = ExportJobSerializer(job, context={"request": request}).data
        headers = {"Location": data["url"]}
        return Response(data, status=status.HTTP_202_ACCEPTED, headers=headers)


class ExportDetail(generics.RetrieveAPIView):
    queryset = ExportJob.objects.all()
    serializer_class = ExportJobSerializer
