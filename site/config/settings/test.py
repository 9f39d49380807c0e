"""Tests: PostgreSQL when DATABASE_URL is set (always in CI), fast hashing, local memory cache."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, DUMMY_MACHINE_TRANSLATOR, dj_database_url

SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Renditions are read from the database: image ids come back after each test's rollback,
    # and a rendition cached by an earlier test would describe another image.
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# One process, so the page cache works in memory too (tests/conftest.py empties it per test).
PAGE_CACHE_SECONDS = 300
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# CI must test on PostgreSQL: default to the machine's local server there.
RUNNING_IN_CI = os.environ.get("CI", "").lower() == "true"
if RUNNING_IN_CI and not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse("postgres://root@127.0.0.1:5432/postgres")}
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_network_site")}
# Serve static files from the app folders without a collectstatic step.
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS = True
if not os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_MACHINE_TRANSLATOR
