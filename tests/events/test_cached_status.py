"""A cached event page still says "live" and "ended" at the right minute, scripts or not."""

import datetime
from unittest import mock

from django.test import TestCase

from tests.factories import add_session, eastern, make_event

OPENING = eastern(2022, 3, 8, 20, 0)


def at(moment: datetime.datetime):
    """The server's clock set to `moment`."""
    return mock.patch("django.utils.timezone.now", return_value=moment.astimezone(datetime.UTC))


class CachedStatusTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(slug="forum")
        cls.opening = add_session(cls.event, title="Opening", start=OPENING, minutes=60)

    def get(self, url: str, moment: datetime.datetime):
        with at(moment):
            return self.client.get(url)

    def test_a_page_served_just_before_a_session_starts_is_not_served_from_cache_after(self):
        before = self.get(self.event.url, OPENING - datetime.timedelta(seconds=30))
        self.assertEqual(before["X-Page-Cache"], "miss")
        self.assertNotContains(before, "Live now: Opening.")
        self.assertIn("s-maxage=30", before["Cache-Control"])
        # Twenty seconds later: served from the cache, for the 10 s left.
        again = self.get(self.event.url, OPENING - datetime.timedelta(seconds=10))
        self.assertEqual(again["X-Page-Cache"], "hit")
        self.assertIn("s-maxage=10", again["Cache-Control"])
        after = self.get(self.event.url, OPENING + datetime.timedelta(seconds=1))
        self.assertNotEqual(after["X-Page-Cache"], "hit")
        self.assertContains(after, "Live now: Opening.")

    def test_a_session_page_is_kept_until_the_session_ends_and_then_says_so(self):
        live = self.get(self.opening.url, OPENING + datetime.timedelta(minutes=59))
        self.assertIn("s-maxage=60", live["Cache-Control"])
        ended = self.get(self.opening.url, OPENING + datetime.timedelta(minutes=60))
        self.assertNotEqual(ended["X-Page-Cache"], "hit")
        self.assertContains(ended, "The recording will follow.")

    def test_an_event_over_is_kept_for_the_usual_time(self):
        response = self.get(self.event.url, OPENING + datetime.timedelta(days=30))
        self.assertIn("s-maxage=300", response["Cache-Control"])

    def test_the_events_index_stops_calling_an_event_upcoming_when_it_ends(self):
        index_url = self.event.get_parent().url
        during = self.get(index_url, OPENING + datetime.timedelta(minutes=58))
        self.assertIn("s-maxage=120", during["Cache-Control"])
