from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=200)
    # Soft delete: the row stays, so the API knows the article existed.
    removed = models.BooleanField(default=False)


class Account(models.Model):
    email = models.EmailField(unique=True)


class ExportJob(models.Model):
    state = models.CharField(max_length=20, default="queued")
