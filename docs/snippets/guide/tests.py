from django.test import override_settings
from rest_framework import status
from rest_framework.test import APITestCase

from .models import Account, Article


# --8<-- [start:validation]
class BookingTests(APITestCase):
    def test_end_before_start(self):
        data = {"start": "2025-03-02", "end": "2025-03-01"}
        response = self.client.post("/bookings/", data, format="json")
        self.assertEqual(response.status_code, status.HTTP_422_UNPROCESSABLE_ENTITY)
# --8<-- [end:validation]


# --8<-- [start:authentication]
class ProfileTests(APITestCase):
    def test_anonymous(self):
        response = self.client.get("/profile/")
        self.assertEqual(response.status_code, status.HTTP_401_UNAUTHORIZED)
# --8<-- [end:authentication]


# --8<-- [start:gone]
class ArticleGoneTests(APITestCase):
    def test_removed_article(self):
        article = Article.objects.create(title="Old news", removed=True)
        response = self.client.get(f"/articles/{article.pk}/")
        self.assertEqual(response.status_code, status.HTTP_410_GONE)
# --8<-- [end:gone]


# --8<-- [start:conflict]
class AccountConflictTests(APITestCase):
    def test_duplicate_email(self):
        Account.objects.create(email="ada@example.com")
        data = {"email": "ada@example.com"}
        response = self.client.post("/accounts/", data)
        self.assertEqual(response.status_code, status.HTTP_409_CONFLICT)
# --8<-- [end:conflict]


# --8<-- [start:throttling]
class ReportOutageTests(APITestCase):
    @override_settings(REPORT_BACKEND_DOWN=True)
    def test_reports_while_the_backend_is_down(self):
        response = self.client.get("/reports/")
        self.assertEqual(response.status_code, status.HTTP_503_SERVICE_UNAVAILABLE)
# --8<-- [end:throttling]


# --8<-- [start:created]
class ArticleCreateTests(APITestCase):
    def test_create(self):
        response = self.client.post("/articles/", {"title": "Hello"})
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
# --8<-- [end:created]


# --8<-- [start:deleted]
class AccountDeleteTests(APITestCase):
    def test_delete(self):
        account = Account.objects.create(email="ada@example.com")
        response = self.client.delete(f"/accounts/{account.pk}/")
        self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)
# --8<-- [end:deleted]


# --8<-- [start:accepted]
class ExportTests(APITestCase):
    def test_start_export(self):
        response = self.client.post("/exports/")
        self.assertEqual(response.status_code, status.HTTP_202_ACCEPTED)
# --8<-- [end:accepted]


# --8<-- [start:redirects]
class LegacyArticleTests(APITestCase):
    def test_post_to_old_address(self):
        response = self.client.post("/v1/articles/", {"title": "Hello"})
        self.assertEqual(response.status_code, status.HTTP_308_PERMANENT_REDIRECT)
# --8<-- [end:redirects]
