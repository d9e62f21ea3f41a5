from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=100)

    class Meta:
        app_label = "drf_exchanges"


class Tag(models.Model):
    name = models.CharField(max_length=30, unique=True)

    class Meta:
        app_label = "drf_exchanges"
