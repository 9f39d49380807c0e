"""System checks for the deployment: what must be shared once the site runs in several processes."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

# Caches that each process (or each machine) keeps for itself.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}


def check_shared_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Several workers or servers need one shared cache (Redis), or limits multiply per process."""
    backend = settings.CACHES["default"]["BACKEND"]
    if not settings.MULTI_SERVER or backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Error(
            f"Several worker processes or servers are configured (WEB_CONCURRENCY or "
            f"MULTI_SERVER), but the default cache ({backend.rsplit('.', 1)[-1]}) is kept in "
            f"each process: the application form's rate limit would be multiplied by the number "
            f"of workers and the menus would go stale.",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) so every process shares one cache.",
            id="home.E001",
        )
    ]


def refuse_to_start_without_shared_cache() -> None:
    """For the WSGI/ASGI entry points, which (unlike manage.py) run no system checks."""
    for error in check_shared_cache():
        raise ImproperlyConfigured(f"{error.msg} {error.hint}")
