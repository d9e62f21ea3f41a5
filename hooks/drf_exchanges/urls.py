from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from drf_exchanges import views

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("notes", views.NoteViewSet, basename="note")
router.register("admin-articles", views.AdminArticleViewSet, basename="admin-article")

urlpatterns = [
    path("", include(router.urls)),
    path("api-token-auth/", obtain_auth_token),
    path("profile/", views.ProfileView.as_view()),
    path("token-profile/", views.TokenProfileView.as_view()),
    path("basic-profile/", views.BasicProfileView.as_view()),
    path("versioned-profile/", views.VersionedProfileView.as_view()),
    path("login-profile/", views.LoginRequiredProfileView.as_view()),
    path("public/", views.PublicView.as_view()),
    path("reports/", views.ReportView.as_view()),
    path("staff/", views.StaffView.as_view()),
    path("search/", views.SearchView.as_view()),
    path("token-search/", views.TokenSearchView.as_view()),
    path("unrated-search/", views.UnratedSearchView.as_view()),
    path("echo/", views.EchoView.as_view()),
    path("broken/", views.BrokenView.as_view()),
    path("tags/", views.TagView.as_view()),
    path("ratings/", views.RatingView.as_view()),
]
