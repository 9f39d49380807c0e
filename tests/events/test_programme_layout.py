"""The programme shows parallel sessions side by side, and each session knows its neighbours."""

import datetime

from django.test import TestCase

from tests.factories import PersonFactory, add_session, eastern, make_event
from tests.visible import programme_slots


class ProgrammeLayoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event()
        seven = eastern(2022, 3, 10, 7, 0)
        ten_past = seven + datetime.timedelta(minutes=10)
        eight = seven + datetime.timedelta(hours=1)
        cls.opening = add_session(cls.event, title="Opening", start=seven, minutes=10)
        moderator = PersonFactory(name="MODERATOR One")
        cls.track_a = add_session(
            cls.event,
            title="Track A",
            kind="parallel",
            start=ten_past,
            minutes=50,
            people=[(moderator, "moderator")],
            description="<p>Resilient cities.</p>",
        )
        cls.track_b = add_session(
            cls.event, title="Track B", kind="parallel", start=ten_past, minutes=50
        )
        cls.closing = add_session(cls.event, title="Closing", start=eight, minutes=15)

    def test_parallel_sessions_share_a_slot_on_the_event_page(self):
        response = self.client.get(self.event.url)
        self.assertEqual(
            programme_slots(response),
            [
                ("", ["Opening"]),
                ("Parallel sessions", ["Track A", "Track B"]),
                ("", ["Closing"]),
            ],
        )
        self.assertContains(response, f'<a href="{self.track_a.url}">Track A</a>', html=True)

    def test_a_session_page_shows_its_place_in_the_programme(self):
        response = self.client.get(self.track_a.url)
        self.assertContains(response, "MODERATOR One")
        self.assertContains(response, "Resilient cities.")
        self.assertContains(
            response, f'<a href="{self.opening.url}" rel="prev">Opening</a>', html=True
        )
        self.assertContains(response, f'<a href="{self.track_b.url}">Track B</a>', html=True)
        self.assertContains(
            response, f'<a href="{self.closing.url}" rel="next">Closing</a>', html=True
        )
        self.assertContains(response, "At the same time")


class SessionAddressTests(TestCase):
    def test_a_session_with_a_japanese_slug_is_linked_at_the_address_it_is_served_at(self):
        event = make_event()
        session = add_session(
            event, title="開会挨拶", slug="開会挨拶", start=eastern(2022, 3, 10, 7, 0), minutes=10
        )
        self.assertIn("%E9%96%8B", session.url)
        response = self.client.get(event.url)
        self.assertContains(response, f'<a href="{session.url}">開会挨拶</a>', html=True)
        self.assertEqual(self.client.get(session.url).status_code, 200)
