"""Health endpoints for load balancers and orchestrators: /healthz (alive) and /readyz (ready)."""

import logging
import os
import uuid

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

ALIVE_PATH = "/healthz"
READY_PATH = "/readyz"


def database_reachable() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_reachable() -> None:
    # django-redis is configured to swallow errors (a cache outage must not take pages down),
    # so only a value that comes back proves the cache is there.
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise ConnectionError("the cache did not return what was stored")
    cache.delete(key)


def storage_reachable() -> None:
    if isinstance(default_storage, FileSystemStorage):
        # Uploads go here: the folder must exist (or be creatable) and be writable.
        os.makedirs(default_storage.location, exist_ok=True)
        if not os.access(default_storage.location, os.W_OK):
            raise PermissionError(f"{default_storage.location} is not writable")
    else:
        default_storage.exists(f"readyz-{uuid.uuid4().hex}")


READINESS_CHECKS = {
    "database": database_reachable,
    "cache": cache_reachable,
    "storage": storage_reachable,
}


def readiness() -> dict[str, str]:
    """Each dependency's state, "ok" or "unavailable"; the reason goes to the log only."""
    states = {}
    for name, check in READINESS_CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure means "not ready", never a 500
            logger.warning("Readiness: %s unavailable (%s: %s)", name, type(error).__name__, error)
            states[name] = "unavailable"
        else:
            states[name] = "ok"
    return states


class HealthEndpointMiddleware:
    """Answers health checks before host checks, HTTPS redirects and sessions get involved."""

    # A load balancer probes by IP address over plain HTTP: ALLOWED_HOSTS and
    # SECURE_SSL_REDIRECT would turn every probe into a 400 or a redirect, so this runs first.

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/")
        if path == ALIVE_PATH:
            response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
        elif path == READY_PATH:
            states = readiness()
            unavailable = sorted(name for name, state in states.items() if state != "ok")
            response = JsonResponse(
                {
                    "status": "unavailable" if unavailable else "ok",
                    "unavailable": unavailable,
                    "checks": states,
                },
                status=503 if unavailable else 200,
            )
        else:
            return self.get_response(request)
        response["Cache-Control"] = "no-store"
        return response
