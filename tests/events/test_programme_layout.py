"""The programme shows parallel sessions side by side, and each session knows its neighbours."""

from django.test import TestCase

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    PersonFactory,
    add_session,
    eastern,
    make_site,
)


class ProgrammeLayoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site()
        index = EventIndexPageFactory(parent=home, slug="events")
        cls.event = EventPageFactory(parent=index, slug="forum")
        cls.opening = add_session(
            cls.event,
            title="Opening",
            slug="opening",
            start=eastern(2022, 3, 10, 7, 0),
            end=eastern(2022, 3, 10, 7, 10),
        )
        cls.track_a = add_session(
            cls.event,
            title="Track A",
            slug="track-a",
            kind="parallel",
            start=eastern(2022, 3, 10, 7, 10),
            end=eastern(2022, 3, 10, 8, 0),
            people=[(PersonFactory(name="MODERATOR One"), "moderator")],
            description="<p>Resilient cities.</p>",
        )
        cls.track_b = add_session(
            cls.event,
            title="Track B",
            slug="track-b",
            kind="parallel",
            start=eastern(2022, 3, 10, 7, 10),
            end=eastern(2022, 3, 10, 8, 0),
        )
        cls.closing = add_session(
            cls.event,
            title="Closing",
            slug="closing",
            start=eastern(2022, 3, 10, 8, 0),
            end=eastern(2022, 3, 10, 8, 15),
        )

    def test_parallel_sessions_share_a_slot_on_the_event_page(self):
        response = self.client.get(self.event.url)
        slots = response.context["programme"][0].slots
        self.assertEqual(
            [[e.session.title for e in slot.entries] for slot in slots],
            [["Opening"], ["Track A", "Track B"], ["Closing"]],
        )
        self.assertEqual([slot.is_parallel for slot in slots], [False, True, False])
        self.assertContains(response, '<li class="programme-slot programme-slot--parallel">')
        self.assertContains(response, "Parallel sessions")
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
