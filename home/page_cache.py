"""Anonymous visitors' pages served from the shared cache, with headers that let a CDN keep them.

What is kept: an anonymous GET of a public address without a query string that answered 200
with nothing personal in it (no Set-Cookie, no private/no-store, no Vary the key lacks). Every
visible change bumps one generation number in the shared cache (home/cache_invalidation.py), so
every worker and server stops serving older copies at once. A page whose content changes with
the clock (a session going live) names that moment with `changes_at`, and no copy, here or in a
CDN, outlives it.

A crowd opening a page just after it changed (a session going live at 10:00, a publish) is
served one render: the first request renders while the others wait for its copy, up to
PAGE_CACHE_WAIT_SECONDS, instead of every worker rendering the same page at once.
"""

import hashlib
import time
import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

GENERATION_KEY = "page-cache-generation"
# Never kept: the admin and previews (always personal), documents (privacy checked per request,
# large), files served elsewhere, and the health probes.
NEVER_KEPT = ("/admin/", "/documents/", "/static/", "/media/", "/healthz", "/readyz")
# A visitor with either of these may see something personal (logged in, a message waiting).
PERSONAL_COOKIES = ("messages",)
# Vary headers the key accounts for: requests with a personal cookie never use the cache, so
# "Cookie" is covered. The app compresses nothing (nginx does, after this cache), so one copy
# serves every browser; a response varying by encoding would not be kept.
VARY_IN_KEY = {"cookie"}
# Cache-Control values that forbid a shared copy.
NOT_SHARED = {"private", "no-store", "no-cache"}

# The first request after a change renders; others for the same page wait for its copy. The
# lock outlives any render, so a worker killed mid-render holds nobody up for longer.
RENDER_LOCK_SECONDS = 30
WAIT_STEP_SECONDS = 0.02
# How long an address whose answer could not be kept is rendered without waiting for others.
NOT_KEPT_SECONDS = 60

# The earliest moment the page being rendered changes by itself (None: only when edited).
_changes_at: ContextVar[datetime | None] = ContextVar("page_changes_at", default=None)


def changes_at(moment: datetime) -> None:
    """Say that what this response shows changes at `moment` (a session starts or ends)."""
    if moment > timezone.now():
        current = _changes_at.get()
        if current is None or moment < current:
            _changes_at.set(moment)


def current_generation() -> str:
    """The generation every cached copy (pages, the site's header and footer) belongs to."""
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, None)


def forget_cached_pages() -> None:
    """Make every server render every page afresh (a new generation; old copies expire)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


@dataclass(frozen=True)
class CachedPage:
    """A response as kept in the shared cache: the generation it belongs to and when it expires."""

    generation: str
    expires: float  # a timestamp of timezone.now(), so tests can move the clock
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes


def is_personal(request: HttpRequest) -> bool:
    """Logged in (a session), a message waiting, or credentials: never served a shared copy."""
    cookies = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
    return any(name in request.COOKIES for name in cookies) or "HTTP_AUTHORIZATION" in request.META


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not request.path_info.startswith(NEVER_KEPT)
        and not is_personal(request)
    )


def _key(request: HttpRequest) -> str:
    address = f"{request.scheme}:{request.get_host()}:{request.path}"
    # Hashed: an address is whatever a visitor types (any length, any bytes); a key is not.
    return f"page-cache:{hashlib.sha256(address.encode('utf-8', 'surrogateescape')).hexdigest()}"


def _may_keep(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & NOT_SHARED:
        return False
    vary = {item.strip().lower() for item in cc_delim_re.split(response.get("Vary", "")) if item}
    return vary <= VARY_IN_KEY


def _public_headers(response: HttpResponse, *, seconds: int) -> None:
    """Shared caches (a CDN) may keep it `seconds`; browsers a shorter while, as they cannot be purged."""
    response.headers.pop("Cache-Control", None)
    patch_cache_control(
        response,
        public=True,
        max_age=min(seconds, settings.PAGE_CACHE_BROWSER_SECONDS),
        s_maxage=seconds,
    )
    # Someone logged in gets another page at the same address: a shared cache that forwards
    # cookies must not hand them this one (deploy/varnish.vcl drops anonymous cookies instead).
    patch_vary_headers(response, ["Cookie"])


def _private_headers(response: HttpResponse) -> None:
    cache_control = response.get("Cache-Control", "")
    if "public" in cache_control or "s-maxage" in cache_control:
        del response.headers["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)


class PageCacheMiddleware:
    """Serves anonymous visitors from the shared cache; marks personal responses private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.PAGE_CACHE_SECONDS <= 0 or not _may_use_cache(request):
            response = self.get_response(request)
            if is_personal(request) or request.path_info.startswith("/admin/"):
                _private_headers(response)
            return response
        try:
            key = _key(request)
        except DisallowedHost:
            # Refused further in, once the visitor's language is known (the 400 page speaks it).
            return self.get_response(request)
        found = cache.get_many([GENERATION_KEY, key, _not_kept_key(key)])
        generation, kept = found.get(GENERATION_KEY), found.get(key)
        now = timezone.now().timestamp()
        if generation is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
            generation = cache.get(GENERATION_KEY)
        elif _is_fresh(kept, generation=generation, now=now):
            return _from_cache(kept, now=now)
        # Waiting for another render is worth it only if that render leaves a copy: not for an
        # address whose last answer could not be kept (a form, a 404), nor for a HEAD (its
        # answer is not kept, so those waiting behind it would all render anyway).
        if generation is None or request.method != "GET" or found.get(_not_kept_key(key)):
            return self._render_and_keep(request, key=key, generation=generation, now=now)
        return self._render_once(request, key=key, generation=generation, now=now)

    def _render_once(
        self, request: HttpRequest, *, key: str, generation: str, now: float
    ) -> HttpResponse:
        """Render, unless another worker is rendering this page now: then serve its copy."""
        lock = f"{key}:rendering:{generation}"
        if cache.add(lock, 1, RENDER_LOCK_SECONDS):
            try:
                return self._render_and_keep(request, key=key, generation=generation, now=now)
            finally:
                cache.delete(lock)
        kept = _wait_for_copy(key=key, lock=lock, generation=generation)
        if kept is not None:
            return _from_cache(kept, now=timezone.now().timestamp(), waited=True)
        # The other render kept nothing (an error page, a private answer) or took too long.
        return self._render_and_keep(
            request, key=key, generation=generation, now=timezone.now().timestamp()
        )

    def _render_and_keep(
        self, request: HttpRequest, *, key: str, generation: str | None, now: float
    ) -> HttpResponse:
        # Kept under the generation read before rendering: a change committed meanwhile has
        # replaced it, so this copy, possibly older than that change, is never served.
        token = _changes_at.set(None)
        try:
            response = self.get_response(request)
            changes = _changes_at.get()
        finally:
            _changes_at.reset(token)
        if not _may_keep(response):
            if request.method == "GET":
                # Others asking for it meanwhile render at once rather than wait for a copy.
                cache.set(_not_kept_key(key), 1, NOT_KEPT_SECONDS)
            response["X-Page-Cache"] = "skip"
            return response
        expires = now + settings.PAGE_CACHE_SECONDS
        if changes is not None:
            expires = min(expires, changes.timestamp())
        seconds = int(expires - now)
        if seconds < 1:
            response["X-Page-Cache"] = "skip"
            return response
        _public_headers(response, seconds=seconds)
        response["X-Page-Cache"] = "miss"
        if request.method == "GET" and generation is not None:
            page = CachedPage(
                generation=generation,
                expires=expires,
                status=response.status_code,
                headers=tuple(response.headers.items()),
                content=response.content,
            )
            cache.set(key, page, seconds)
        return response


def _not_kept_key(key: str) -> str:
    return f"{key}:not-kept"


def _is_fresh(kept: CachedPage | None, *, generation: str, now: float) -> bool:
    return kept is not None and kept.generation == generation and kept.expires > now


def _wait_for_copy(*, key: str, lock: str, generation: str) -> CachedPage | None:
    """The copy another worker is rendering, once kept; None if it keeps none in time."""
    deadline = time.monotonic() + settings.PAGE_CACHE_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP_SECONDS)
        found = cache.get_many([key, lock])
        kept = found.get(key)
        if _is_fresh(kept, generation=generation, now=timezone.now().timestamp()):
            return kept
        if lock not in found:
            return None
    return None


def _from_cache(kept: CachedPage, *, now: float, waited: bool = False) -> HttpResponse:
    response = HttpResponse(kept.content, status=kept.status)
    for name, value in kept.headers:
        response.headers[name] = value
    # A CDN fetching it now may keep it only until the page changes, not the full TTL again.
    _public_headers(response, seconds=max(int(kept.expires - now), 0))
    # "wait": served the copy another worker was rendering when this request came.
    response["X-Page-Cache"] = "wait" if waited else "hit"
    return response
