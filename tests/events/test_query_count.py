"""An event page costs the same number of queries with 10 sessions as with 100."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

import wagtail_factories

from events.benchmark import build_event_with_sessions
from tests.demo_site import DemoSiteTestCase
from tests.factories import EventIndexPageFactory, make_site


# The second request would be served from the page cache, with no query at all.
@override_settings(PAGE_CACHE_SECONDS=0)
class EventPageQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site()
        cls.index = EventIndexPageFactory(parent=home, slug="events")
        photo = wagtail_factories.ImageFactory()
        cls.small = build_event_with_sessions(
            index=cls.index, sessions=10, slug="small", photo=photo
        )
        cls.large = build_event_with_sessions(
            index=cls.index, sessions=100, slug="large", photo=photo
        )

    def queries(self, url: str) -> int:
        self.client.get(url)  # warm caches shared by every page (site, menus)
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(captured, "rendered, not served from a cache")
        return len(captured)

    def test_rendering_cost_does_not_grow_with_sessions_and_people(self):
        small = self.queries(self.small.url)
        large = self.queries(self.large.url)
        self.assertEqual(small, large)

    def test_session_page_cost_does_not_grow_with_its_siblings(self):
        small_session = self.small.get_children().live().first()
        large_session = self.large.get_children().live().first()
        self.assertEqual(self.queries(small_session.url), self.queries(large_session.url))


class BenchmarkCommandTests(DemoSiteTestCase):
    def test_benchmark_prints_median_time_and_queries_and_leaves_no_trace(self):
        from io import StringIO

        from django.core.management import call_command

        from events.models import EventPage

        before = EventPage.objects.count()
        out = StringIO()
        call_command("benchmark_event_page", sizes=[2], runs=1, stdout=out)
        self.assertRegex(
            out.getvalue(), r"event page, 2 sessions\s+median\s+[\d.]+ ms\s+queries\s+\d+"
        )
        self.assertEqual(EventPage.objects.count(), before)
