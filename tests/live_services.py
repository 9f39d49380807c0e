"""Services the live tests talk to on this machine (Redis), required in CI, skipped elsewhere."""

import os
import socket
import unittest


def require_redis(test: unittest.TestCase, *, host: str = "127.0.0.1", port: int = 6379) -> None:
    """Skip `test` when Redis is not running here, except in CI, where it must be."""
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        if os.environ.get("CI", "").lower() == "true":
            raise
        test.skipTest(f"Redis is not running on {host}:{port}")


def redis_cache(*, database: int) -> dict:
    """CACHES for the Redis database a test owns, as base.py configures it from REDIS_URL."""
    url = f"redis://127.0.0.1:6379/{database}"
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "site",
        }
    }
