"""Settings shared by every environment, read from environment variables (see README)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "events",
    "membership",
    "siteadmin",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before whitenoise, so static files and /favicon.ico carry the policy too.
    "home.security_headers.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.PublicLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# SQLite is the embedded default so the site runs with nothing else installed;
# production and CI use PostgreSQL through DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source, Japanese is translated with wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ja", "日本語")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Files browsers ask for at the root of the site (/favicon.ico), served by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "webroot"

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "site",
            # A cache outage must slow the site down, not take it offline.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# Production refuses to start without a real sender (production.py); this one is for development.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "webmaster@localhost"
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where an applicant's reply to their confirmation goes (the membership team's address);
# empty: the team address set on the application form page.
MEMBERSHIP_REPLY_TO = os.environ.get("MEMBERSHIP_REPLY_TO", "").strip()
# The outbox gives up on an e-mail after this many tries (1 min, 5 min, 30 min, 2 h, 12 h apart);
# an e-mail a sender took longer than OUTBOX_CLAIM_TIMEOUT seconds ago is taken as abandoned.
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 6)
OUTBOX_CLAIM_TIMEOUT = env_int("OUTBOX_CLAIM_TIMEOUT", 600)

# Behind a TLS-terminating proxy (load balancer, nginx), trust its scheme header.
if env_bool("BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST")
# How many proxies of our own append to X-Forwarded-For; the visitor's address (for rate
# limits) is the one the outermost of them saw. 0: REMOTE_ADDR. One proxy is assumed behind a
# TLS proxy, so an upgraded deployment does not count every visitor as the proxy.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if env_bool("BEHIND_TLS_PROXY") else 0)
# Several worker processes (gunicorn reads WEB_CONCURRENCY) or servers: the cache must be
# shared (REDIS_URL), or the site refuses to start (home/checks.py).
MULTI_SERVER = env_bool("MULTI_SERVER") or env_int("WEB_CONCURRENCY", 1) > 1

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "ICLEI network site")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from gravatar.com would send a hash of each editor's e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Membership applications: at most this many per visitor address per window (seconds).
APPLICATION_RATE_LIMIT = (
    env_int("APPLICATION_RATE_LIMIT", 5),
    env_int("APPLICATION_RATE_WINDOW", 3600),
)

# Content-Security-Policy (django-csp; README "Security headers"). Public pages: the site's own
# files only, no inline script or style; the one inline <script> is a JSON-LD data block, which
# carries the nonce. The click-to-load video player page adds its provider's origin to frame-src
# (home/video_player.py); the admin has its own policy (ADMIN_CONTENT_SECURITY_POLICY).
CSP_REPORT_URL = "/csp-report/"
CSP_REPORT_ENDPOINT = "csp"
_MEDIA_ORIGIN = [MEDIA_URL.rstrip("/")] if MEDIA_URL.startswith("https://") else []
_REPORTING = {"report-uri": [CSP_REPORT_URL], "report-to": CSP_REPORT_ENDPOINT}
_NOWHERE = {"base-uri": [NONE], "object-src": [NONE], "form-action": [SELF]}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, *_MEDIA_ORIGIN],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *_MEDIA_ORIGIN],
        "manifest-src": [SELF],
        # The video player page (same origin) in a frame; Wagtail's live preview frames pages.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        **_NOWHERE,
        **_REPORTING,
    }
}
# The admin (Wagtail 7.4 and wagtail-localize), applied to every path under /admin/: nothing
# from another origin, but each relaxation below is what an editing feature needs.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # Measured by running the editors' browser journeys with both removed (README "Security
        # headers"). Wagtail renders inline <script> elements without a nonce: the page explorer
        # and every listing (applications, history), inline panels (a session's people, fee rows,
        # form fields), date and time pickers; and its jQuery inserts the scripts that come with
        # chooser modals' HTML.
        "script-src": [SELF, UNSAFE_INLINE],
        # ...but no inline event handler (onclick="…"): Wagtail uses none, and an injected
        # attribute is the commonest way script gets into a page.
        "script-src-attr": [NONE],
        # The editor's bundled libraries (vendor.js) insert <style> elements, and Wagtail's and
        # wagtail-localize's scripts build HTML with style attributes.
        "style-src": [SELF, UNSAFE_INLINE],
        # Uploaded image previews before saving (blob:) and icons drawn as data: URLs.
        "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGIN],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *_MEDIA_ORIGIN],
        # The preview panel shows the page in a same-origin frame.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        **_NOWHERE,
        **_REPORTING,
    }
}
# At most this many violation reports per visitor address per window (seconds) are logged.
CSP_REPORT_RATE_LIMIT = (env_int("CSP_REPORT_RATE_LIMIT", 60), 60)
# Most browser features the site never uses are denied to it and to every frame. Autoplay,
# encrypted media, picture-in-picture and fullscreen stay with the site's own origin, which
# the video player page passes on to its provider (home/video_player.py).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
} | {
    feature: ["self"]
    for feature in ("autoplay", "encrypted-media", "fullscreen", "picture-in-picture")
}

# Event times: English pages show each event's official zone; these languages show their own.
EVENT_TIME_ZONE_BY_LANGUAGE = {"ja": "Asia/Tokyo"}

# Machine translation gives translators a draft, never a published page. DeepL when a key is
# set (DEEPL_AUTH_KEY); development and tests use wagtail-localize's harmless dummy translator.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }
# What dev.py and test.py use without a key; production then offers no machine translation.
DUMMY_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "OPTIONS": {},
}

# Where the demo content's source pages live (../shared/seed next to the checkout).
DEMO_SEED_DIR = Path(os.environ.get("DEMO_SEED_DIR", BASE_DIR.parent / "shared" / "seed"))
# Demo accounts with printed passwords exist only where this is switched on (dev settings).
DEMO_ACCOUNTS_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Background tasks run inline by default and would log twice per saved page.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
