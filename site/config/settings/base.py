"""Settings shared by every environment, read from environment variables (see README)."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from home.client_faults import CLIENT_FAULT_LOGGERS

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


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A form that fails its CSRF check gets its answers back, or a page in the visitor's language.
CSRF_FAILURE_VIEW = "home.views.csrf_failure"

INSTALLED_APPS = [
    "home",
    "events",
    "membership",
    "siteadmin",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
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
    # runserver leaves static files to whitenoise, as in production: Django's own development
    # handler answered /static/../../etc/passwd with a server error.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "home.health.HealthEndpointMiddleware",
    "home.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before whitenoise, so static files and /favicon.ico carry the policy too.
    "home.security_headers.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache: inside the request id and security headers (each
    # response gets its own), before sessions and CSRF (a hit touches neither, nor the database).
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.PublicLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: sends whoever must use a second factor to it (or to enrol).
    "siteadmin.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the login view's answer and replaces it when the attempt was locked out.
    "axes.middleware.AxesMiddleware",
]

# django-axes refuses sign-in while an account or an address is locked out; it must come first.
AUTHENTICATION_BACKENDS = [
    # Only checks the lockout (authentication is ModelBackend's, next); the ModelBackend variant
    # rather than the standalone one, because a session that names it (Wagtail's test client
    # signs in with the first backend) must be able to load its user again.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
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
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # An unreachable database fails a request (and /readyz) in seconds, not minutes.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5)
        )
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

# Uploaded images, renditions and documents go to S3-compatible object storage when a bucket is
# named, so any number of app servers share them; the local disk (MEDIA_ROOT) otherwise.
# Credentials come the usual AWS ways (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a role).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    from botocore.config import Config as S3ClientConfig

    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Page HTML (and any cache of it) keeps image addresses: they must not expire.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            # A storage outage fails an upload (or /readyz) in seconds, not minutes.
            "client_config": S3ClientConfig(
                connect_timeout=5, read_timeout=20, retries={"max_attempts": 2}
            ),
        },
    }
    # Documents are sent through Wagtail's view, which checks a collection's privacy first.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

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

# Anonymous visitors' pages, in the shared cache above (home/page_cache.py): kept at most this many
# seconds (less when an event's status changes sooner), and purged on every visible change.
# CDNs are told the same (s-maxage); browsers, which nobody can purge, keep a page at most
# PAGE_CACHE_BROWSER_SECONDS. Off without Redis: a change made by another process (cron's
# publish_scheduled, a manage.py command) could not reach a per-process cache.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300 if REDIS_URL else 0)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 0)
# How long a request waits for the copy another worker is rendering of the same page before
# rendering it itself (a crowd after a change costs one render, not one per visitor).
PAGE_CACHE_WAIT_SECONDS = env_float("PAGE_CACHE_WAIT_SECONDS", 2.0)

# Visitors' searches counted for the search terms report, at most this many an hour from one
# address (more are answered, not counted), so that a script cannot push real terms out of it.
SEARCH_COUNTS_PER_HOUR = env_int("SEARCH_COUNTS_PER_HOUR", 30)

# A proxy or CDN in front is purged on every visible change (wagtail.contrib.frontend_cache's
# backends; home/cache_invalidation.py decides which addresses). Any of these, or several.
FRONTEND_CACHE_BACKENDS = "wagtail.contrib.frontend_cache.backends"
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_HTTP_URL", "").strip():
    # Varnish or another cache that accepts HTTP PURGE (deploy/varnish.vcl).
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": f"{FRONTEND_CACHE_BACKENDS}.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_HTTP_URL"].strip(),
    }
if os.environ.get("CLOUDFLARE_ZONEID", "").strip():
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": f"{FRONTEND_CACHE_BACKENDS}.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"].strip(),
        # An API token with the Cache Purge permission; or the account e-mail and global key.
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN") or None,
        "EMAIL": os.environ.get("CLOUDFLARE_EMAIL") or None,
        "API_KEY": os.environ.get("CLOUDFLARE_API_KEY") or None,
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", "").strip():
    # Credentials come the usual AWS ways (environment or an instance role).
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": f"{FRONTEND_CACHE_BACKENDS}.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"].strip(),
    }

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
# Search terms are counted per day (home.search_log); Wagtail's clean-up
# (`searchpromotions_garbage_collect`) keeps this many days, the search terms report reads 30.
WAGTAILSEARCH_HITS_MAX_AGE = 30
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Wagtail's default, stated because nginx's client_max_body_size (deploy/nginx/proxy.conf) must
# let such an image and its form through, so editors get Wagtail's message rather than nginx's.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
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

# Sign-in protection (README, "Sign-in protection"). After AXES_FAILURE_LIMIT failed sign-ins
# for one account (from anywhere) or from one address (to any account) within
# AXES_COOLOFF_MINUTES, sign-in is refused for that account or address until its failures are
# that old, or until an administrator unlocks it (Settings → Sign-in lockouts).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Failures are rows in the database, which every worker and server shares, and which the
# unlock view can list; the cache handler could do neither with per-process caches, and our
# Redis cache ignores its errors, which would silently switch the protection off.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# The address the site's own proxies saw (TRUSTED_PROXY_COUNT), as the application form uses.
AXES_CLIENT_IP_CALLABLE = "siteadmin.login_lockouts.client_ip_address"
AXES_LOCKOUT_CALLABLE = "siteadmin.login_lockout_page.locked_out_login_page"
# Attempts made while locked out are refused without being recorded: the lock ends a fixed time
# after it began (the editor is told how long), and a flood of attempts cannot grow the rows.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# A successful sign-in would also clear its address's failures against other accounts.
AXES_RESET_ON_SUCCESS = False
# Every successful sign-in would add a row for ever; Wagtail's own history records what matters.
AXES_DISABLE_ACCESS_LOG = True
# Its version banner on every start of every command says nothing new.
AXES_VERBOSE = False

# Two-factor sign-in (wagtail-2fa, TOTP apps). When TWO_FACTOR_REQUIRED is on (production's
# default) superusers and members of TWO_FACTOR_REQUIRED_GROUPS must enrol a device before any
# admin page; anyone else may enrol, and is then always asked for a code (siteadmin.two_factor).
WAGTAIL_2FA_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", "Moderators")
# The name an authenticator app shows beside the code.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Content-Security-Policy (django-csp; README "Security headers"). Public pages: the site's own
# files only, no inline script or style; the one inline <script> is a JSON-LD data block, which
# carries the nonce. The click-to-load video player page adds its provider's origin to frame-src
# (home/video_player.py); the admin has its own policy (ADMIN_CONTENT_SECURITY_POLICY).
CSP_REPORT_URL = "/csp-report/"
CSP_REPORT_ENDPOINT = "csp"
# Uploaded images come from MEDIA_URL's origin, or from the bucket (or its CDN) when stored in S3.
if AWS_STORAGE_BUCKET_NAME:
    _custom = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip()
    _endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL", "").strip())
    _MEDIA_ORIGIN = (
        [f"https://{_custom}"]
        if _custom
        else [f"{_endpoint.scheme}://{_endpoint.netloc}"]
        if _endpoint.netloc
        else [
            f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com",
            f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{os.environ.get('AWS_S3_REGION_NAME') or 'us-east-1'}.amazonaws.com",
        ]
    )
else:
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
# The right-hand side of every calendar entry's UID (session-<translation key>@<this>): the
# same for every host name and language, so a calendar recognises a session it already has.
# Set it once, before calendars are subscribed: a new value makes every entry a new one.
CALENDAR_UID_DOMAIN = os.environ.get("CALENDAR_UID_DOMAIN", "").strip() or "events.network-site"

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

# LOG_FORMAT=json: one JSON object per line (for a log collector); plain text otherwise. Both
# carry the request id that the response's X-Request-ID header shows.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "home.request_id.RequestIdFilter"},
        "client_fault": {"()": "home.client_faults.ClientFaultAsWarning"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "json_ensure_ascii": False,
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Background tasks run inline by default and would log twice per saved page.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # django-axes narrates every sign-in at INFO; failures and lockouts come at WARNING.
        "axes": {"level": "WARNING"},
        # A bad Host header or an oversize body is the client's fault: a warning line, no
        # traceback (home/client_faults.py). A logger's filters see only its own records,
        # hence one entry per logger.
        **{name: {"filters": ["client_fault"]} for name in CLIENT_FAULT_LOGGERS},
    },
}
