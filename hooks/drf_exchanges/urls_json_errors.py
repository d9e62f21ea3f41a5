"""The same URLs, with DRF's JSON views as Django's handlers for errors outside DRF."""

from drf_exchanges.urls import urlpatterns  # noqa: F401 - Django reads it from this module

handler400 = "rest_framework.exceptions.bad_request"
handler500 = "rest_framework.exceptions.server_error"
