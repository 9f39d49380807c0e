"""The application limit holds across processes sharing Redis, as on several production servers."""

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor

from django.test import SimpleTestCase

import redis

from tests.subprocesses import production_environment, run_python

# A database of its own on the local Redis: the test clears only its own keys there.
REDIS_URL = "redis://127.0.0.1:6379/9"
LIMIT, ATTEMPTS_PER_PROCESS = 150, 200
ADDRESS = "203.0.113.77"
# Each process counts as a gunicorn worker would, with production settings; both start
# counting together (a barrier in Redis), so their increments interleave.
WORKER = f"""
import sys, time
sys.path.insert(0, "site")
import django
django.setup()
from django.core.cache import cache
from membership.services.rate_limit import count_application
cache.add("test-barrier", 0, 120)
cache.incr("test-barrier")
deadline = time.monotonic() + 30
while (cache.get("test-barrier") or 0) < 2:
    if time.monotonic() > deadline:
        sys.exit("The other process never arrived: the cache is not shared.")
    time.sleep(0.001)
print(sum(count_application(address="{ADDRESS}") for _ in range({ATTEMPTS_PER_PROCESS})))
"""


def redis_or_skip(test: SimpleTestCase) -> redis.Redis:
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        connection.ping()
    except redis.ConnectionError as error:
        message = f"Redis is not reachable at {REDIS_URL} ({error}); .ci/run starts redis-server."
        if os.environ.get("CI", "").lower() == "true":
            test.fail(f"CI=true needs Redis for this test. {message}")
        test.skipTest(message)
    return connection


class RateLimitAcrossServersTests(SimpleTestCase):
    def setUp(self):
        self.redis = redis_or_skip(self)
        self.forget_keys()
        self.addCleanup(self.forget_keys)

    def forget_keys(self):
        for pattern in (f"*rate-limit:application:{ADDRESS}", "*test-barrier"):
            for key in self.redis.scan_iter(pattern):
                self.redis.delete(key)

    def test_two_worker_processes_together_accept_exactly_the_limit(self):
        environment = production_environment(
            REDIS_URL=REDIS_URL,
            WEB_CONCURRENCY="2",
            APPLICATION_RATE_LIMIT=str(LIMIT),
            VAR_DIR=tempfile.mkdtemp(prefix="rate-limit-"),
        )
        with ThreadPoolExecutor(max_workers=2) as pool:
            runs = list(
                pool.map(lambda _: run_python("-c", WORKER, env=environment, timeout=120), [1, 2])
            )
        for run in runs:
            self.assertEqual(run.returncode, 0, run.stderr)
        accepted = [int(run.stdout.strip()) for run in runs]
        self.assertEqual(sum(accepted), LIMIT, f"accepted per process: {accepted}")
