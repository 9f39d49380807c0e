"""A CDN or proxy in front is told exactly which addresses a change made stale."""

import json

from django.test import SimpleTestCase, TestCase, override_settings

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page

from tests.factories import (
    FooterFactory,
    StandardPageFactory,
    add_session,
    eastern,
    make_event,
    translate,
)
from tests.subprocesses import PRODUCTION_ENV, run_python

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """Stands in for Varnish, Cloudflare or CloudFront: remembers what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


RECORDING = {"recording": {"BACKEND": "tests.home.test_cdn_purge.RecordingBackend"}}
SITE = "http://localhost"


@override_settings(WAGTAILFRONTENDCACHE=RECORDING)
class PurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(japanese=True, slug="forum")
        cls.session = add_session(cls.event, title="Opening", start=eastern(2022, 3, 8, 20, 0))
        translate(cls.event)
        cls.about = StandardPageFactory(parent=cls.event.get_parent().get_parent(), slug="about")

    def setUp(self):
        PURGED.clear()

    def purged_after(self, change) -> set[str]:
        with self.captureOnCommitCallbacks(execute=True):
            change()
        return {url.removeprefix(SITE) for url in PURGED}

    def test_publishing_an_event_purges_both_languages_its_calendar_and_the_pages_and_feeds_listing_it(
        self,
    ):
        purged = self.purged_after(lambda: self.event.save_revision().publish())
        expected = {"/en/events/forum/", "/en/events/forum/calendar/", "/en/events/", "/en/"}
        expected |= {"/en/events/feed/", "/en/events/calendar/"}
        expected |= {url.replace("/en/", "/ja/") for url in expected}
        self.assertEqual(purged, expected)

    def test_publishing_a_session_purges_its_event(self):
        purged = self.purged_after(lambda: self.session.save_revision().publish())
        self.assertIn("/en/events/forum/opening/", purged)
        self.assertIn("/en/events/forum/", purged)
        self.assertIn("/ja/events/forum/", purged)
        self.assertNotIn("/en/about/", purged)

    def test_unpublishing_purges_the_page_that_disappears(self):
        self.assertIn("/en/about/", self.purged_after(self.about.unpublish))

    def test_moving_purges_the_old_and_the_new_address(self):
        target = StandardPageFactory(parent=self.about.get_parent(), slug="network")
        purged = self.purged_after(lambda: self.about.move(target, pos="last-child"))
        self.assertLessEqual({"/en/about/", "/en/network/about/", "/en/network/"}, purged)

    def test_deleting_purges_the_deleted_page_and_its_listing(self):
        purged = self.purged_after(lambda: Page.objects.get(pk=self.session.pk).delete())
        self.assertLessEqual({"/en/events/forum/opening/", "/en/events/forum/"}, purged)

    def test_a_published_snippet_purges_every_live_page(self):
        footer = FooterFactory()
        PURGED.clear()
        purged = self.purged_after(lambda: footer.save_revision().publish())
        self.assertLessEqual({"/en/", "/ja/", "/en/about/", "/en/events/forum/opening/"}, purged)

    def test_clear_page_cache_after_a_deploy_purges_every_live_page(self):
        from io import StringIO

        from django.core.management import call_command

        out = StringIO()
        call_command("clear_page_cache", stdout=out)
        purged = {url.removeprefix(SITE) for url in PURGED}
        self.assertLessEqual({"/en/", "/ja/", "/en/about/", "/en/events/forum/opening/"}, purged)
        self.assertRegex(out.getvalue(), r"Purged \d+ addresses")

    def test_a_saved_draft_purges_nothing(self):
        self.assertEqual(self.purged_after(self.about.save_revision), set())


def production_setting(expression: str, **env: str):
    """`expression` (JSON-able, over `settings`) as production computes it with `env`."""
    script = (
        "import sys, json; sys.path.insert(0, 'site'); import django; django.setup(); "
        f"from django.conf import settings; print(json.dumps({expression}))"
    )
    result = run_python("-c", script, env={**PRODUCTION_ENV, **env}, timeout=60)
    if result.returncode:
        raise AssertionError(result.stderr)
    return json.loads(result.stdout)


class CacheSettingsTests(SimpleTestCase):
    def backends(self, **env: str) -> dict:
        expression = (
            "{k: v['BACKEND'].rsplit('.', 1)[1] for k, v in settings.WAGTAILFRONTENDCACHE.items()}"
        )
        return production_setting(expression, **env)

    def test_nothing_is_purged_without_a_cache_configured(self):
        self.assertEqual(self.backends(), {})

    def test_varnish_cloudflare_and_cloudfront_are_configured_from_the_environment(self):
        backends = self.backends(
            FRONTEND_CACHE_HTTP_URL="http://127.0.0.1:6081",
            CLOUDFLARE_ZONEID="zone",
            CLOUDFLARE_BEARER_TOKEN="token",
            CLOUDFRONT_DISTRIBUTION_ID="E123",
        )
        self.assertEqual(
            backends,
            {
                "http": "HTTPBackend",
                "cloudflare": "CloudflareBackend",
                "cloudfront": "CloudfrontBackend",
            },
        )

    def test_pages_are_cached_only_where_every_process_shares_the_cache(self):
        self.assertEqual(production_setting("settings.PAGE_CACHE_SECONDS"), 0)
        shared = production_setting(
            "settings.PAGE_CACHE_SECONDS", REDIS_URL="redis://127.0.0.1:6379/0"
        )
        self.assertEqual(shared, 300)
