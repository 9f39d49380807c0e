"""Production: everything from the environment; refuses to start without a SECRET_KEY or sender."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, env_int

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs a long random SECRET_KEY environment variable "
        '(e.g. python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )

# Mail from webmaster@localhost is refused or filed as spam by most mail servers.
if not os.environ.get("DEFAULT_FROM_EMAIL", "").strip():
    raise ImproperlyConfigured(
        "DEFAULT_FROM_EMAIL is not set. Production needs the address the site's e-mails come "
        "from, on a domain whose mail server accepts it (e.g. no-reply@example.org)."
    )

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Superusers and moderators (TWO_FACTOR_REQUIRED_GROUPS) sign in with a second factor.
WAGTAIL_2FA_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a commitment for every subdomain that only the operator can make.
    "security.W021",
    # Wagtail's live preview shows the page in a same-origin frame; DENY would break it.
    "security.W019",
]
