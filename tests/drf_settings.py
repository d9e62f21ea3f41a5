"""The minimal Django settings the tests run DRF under (sources cross-check, guide snippets)."""

SECRET_KEY = "tests-only"  # noqa: S105 - never used outside the test suite
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "rest_framework",
    "rest_framework.authtoken",  # TokenAuthentication in the guide's 401 example
    "guide",  # the guide's snippets (docs/snippets/guide), with their models
]
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
ROOT_URLCONF = "guide_urls"
USE_TZ = True
REST_FRAMEWORK = {"UNAUTHENTICATED_USER": None}
