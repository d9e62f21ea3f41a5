"""URLs for the guide's snippet views (docs/snippets/guide), served to tests/test_guide.py."""

from django.urls import path
from guide import (
    accepted,
    authentication,
    conflict,
    created,
    deleted,
    gone,
    redirects,
    throttling,
    validation,
)

urlpatterns = [
    path("bookings/", validation.BookingView.as_view()),
    path("profile/", authentication.ProfileView.as_view()),
    path("profile/session-first/", authentication.SessionFirstProfileView.as_view()),
    path("articles/", created.ArticleList.as_view(), name="article-list"),
    path("articles/<int:pk>/", gone.ArticleDetail.as_view(), name="article-detail"),
    path("accounts/", conflict.AccountList.as_view()),
    path("accounts/<int:pk>/", deleted.AccountDetail.as_view()),
    path("search/", throttling.SearchView.as_view()),
    path("reports/", throttling.ReportView.as_view()),
    path("exports/", accepted.ExportList.as_view()),
    path("exports/<int:pk>/", accepted.ExportDetail.as_view(), name="export-detail"),
    path("v1/articles/", redirects.LegacyArticleList.as_view()),
    path("uploads/", redirects.UploadView.as_view()),
]
