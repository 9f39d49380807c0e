"""System checks for the deployment: what must be shared once the site runs in several processes,
and what must be in the database before visitors come."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

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


def check_search_index(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Live pages but no search document: every search finds nothing (the rebuild was missed)."""
    # Imported here: checks are collected before the app registry is ready.
    from wagtail.models import Page

    # The same for this app's models.
    from home.search_documents import SearchDocument

    try:
        # Depth 1 is Wagtail's root, which is never a page of the site.
        pages_live = Page.objects.live().filter(depth__gt=1).exists()
        if not pages_live or SearchDocument.objects.exists():
            return []
    except DatabaseError:
        # No database yet, or not migrated: `migrate` comes first, and says so itself.
        return []
    return [
        checks.Warning(
            "Pages are live but the site search index is empty: every search finds nothing, and "
            "the search terms report counts every visitor's search as having found nothing.",
            hint="Run `manage.py rebuild_search_index` (on every deploy, once the new code serves).",
            id="home.W001",
        )
    ]
