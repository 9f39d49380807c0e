"""Scheduled jobs that every server's cron starts, done by one server at a time."""

import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection

# A job whose holder died keeps a cache lock at most this long (seconds).
CACHE_LOCK_TIMEOUT = 15 * 60


@contextmanager
def one_server_at_a_time(job: str) -> Iterator[bool]:
    """True inside the block for the one process that holds the job's lock, False elsewhere."""
    if connection.vendor == "postgresql":
        with _advisory_lock(job) as acquired:
            yield acquired
    else:
        with _cache_lock(job) as acquired:
            yield acquired


def advisory_key(job: str) -> int:
    """The job's PostgreSQL advisory lock number, the same in every process."""
    return zlib.crc32(f"job:{job}".encode())


@contextmanager
def _advisory_lock(job: str) -> Iterator[bool]:
    # PostgreSQL releases the lock if the process dies, so a crashed cron run never blocks the
    # next one; every server already shares the database.
    key = advisory_key(job)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextmanager
def _cache_lock(job: str) -> Iterator[bool]:
    # SQLite means one machine; the cache (Redis when shared) keeps two overlapping runs apart.
    key, token = f"job-lock:{job}", uuid.uuid4().hex
    acquired = cache.add(key, token, CACHE_LOCK_TIMEOUT)
    try:
        yield acquired
    finally:
        if acquired and cache.get(key) == token:
            cache.delete(key)
