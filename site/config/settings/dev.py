"""Development: debug pages, e-mail printed to the console, demo accounts allowed."""

import os

from .base import *  # noqa: F403
from .base import DUMMY_MACHINE_TRANSLATOR, env_bool, env_list

# DEBUG=false shows the real error pages (the browser tests run this way).
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# runserver serves the static files itself; manifest names need collectstatic first.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_ACCOUNTS_ALLOWED = True
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
# Serve static files from the app folders without a collectstatic step.
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS = True
if not os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_MACHINE_TRANSLATOR
