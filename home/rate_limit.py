"""Counting attempts per visitor in the shared cache, so a limit holds across workers and servers."""

import contextlib
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def _key(*, scope: str, identity: str) -> str:
    return f"rate-limit:{scope}:{identity}"


def count_attempt(*, scope: str, identity: str, limit: int, window: int) -> bool:
    """Count one attempt; True while the identity is within `limit` attempts per `window` seconds."""
    key = _key(scope=scope, identity=identity)
    # add() then incr() are each atomic on Redis (and in one process's memory): every attempt,
    # from any worker, gets its own number, so exactly `limit` of them pass.
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr: this attempt opens a new one
        cache.add(key, 0, window)
        count = cache.incr(key)
    if count is None:
        # The cache is down (errors ignored in production): a cache outage must not shut the
        # door on every visitor, so the attempt passes uncounted.
        logger.warning("Rate limit %s not counted: the cache did not answer.", scope)
        return True
    return count <= limit


def refund_attempt(*, scope: str, identity: str) -> None:
    """Give an attempt back when it turned out to be no new attempt after all."""
    # When the window has ended meanwhile there is nothing left to give back.
    with contextlib.suppress(ValueError):
        cache.decr(_key(scope=scope, identity=identity))
