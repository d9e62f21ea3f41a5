"""Settings of the demonstration project: Django's `startproject` defaults and DRF's defaults.

Nothing here departs from what a new project gets, except what a request needs to be shown
(a named host, an in-memory database); scenarios change settings one at a time, by name.
"""

SECRET_KEY = "exchanges-only"  # noqa: S105 - the project only ever runs inside the build
DEBUG = False
ALLOWED_HOSTS = ["api.example.com"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_exchanges",
]
# The middleware `django-admin startproject` writes.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "drf_exchanges.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_I18N = True
LANGUAGE_CODE = "en-us"
USE_TZ = True
