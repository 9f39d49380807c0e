"""Several workers or servers share one cache, or the site refuses to start and says why."""

from django.core import checks
from django.core.cache import cache
from django.test import SimpleTestCase, override_settings

from home.checks import check_shared_cache
from home.rate_limit import count_attempt, refund_attempt

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_DOWN = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
    }
}


class SharedCacheCheckTests(SimpleTestCase):
    @override_settings(MULTI_SERVER=True, CACHES=LOCMEM)
    def test_several_workers_with_a_per_process_cache_is_an_error_naming_the_fix(self):
        errors = [
            message
            for message in checks.run_checks(tags=[checks.Tags.caches])
            if message.id == "home.E001"
        ]
        self.assertEqual(len(errors), 1)
        self.assertTrue(errors[0].is_serious())
        self.assertIn("REDIS_URL", errors[0].hint)

    @override_settings(MULTI_SERVER=True, CACHES=REDIS_DOWN)
    def test_several_workers_sharing_redis_pass(self):
        self.assertEqual(check_shared_cache(), [])

    @override_settings(MULTI_SERVER=False, CACHES=LOCMEM)
    def test_one_process_may_keep_its_cache_in_memory(self):
        self.assertEqual(check_shared_cache(), [])


class RateLimitTests(SimpleTestCase):
    def setUp(self):
        cache.clear()

    def test_exactly_the_limit_passes_and_a_refund_gives_one_back(self):
        passed = [count_attempt(scope="t", identity="a", limit=3, window=60) for _ in range(5)]
        self.assertEqual(passed, [True, True, True, False, False])
        self.assertTrue(count_attempt(scope="t", identity="b", limit=3, window=60))
        for _refund in range(3):
            refund_attempt(scope="t", identity="a")
        self.assertTrue(count_attempt(scope="t", identity="a", limit=3, window=60))

    def test_a_refund_after_the_window_ended_is_harmless(self):
        refund_attempt(scope="t", identity="never-seen")

    @override_settings(CACHES=REDIS_DOWN)
    def test_when_the_shared_cache_is_down_visitors_are_let_through_and_it_is_logged(self):
        with self.assertLogs("home.rate_limit", level="WARNING"):
            self.assertTrue(count_attempt(scope="t", identity="a", limit=0, window=60))
