"""The events list puts what is coming first, then the archive by year; odd links never break it."""

import datetime
from datetime import date
from unittest import mock

from django.test import TestCase
from django.utils.text import slugify

from tests.factories import add_session, eastern, make_event, make_events_index

NOW = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.UTC)


def listed(
    index, title: str, first_day: datetime.date, *, days: int = 1, zone: str = "America/New_York"
):
    """An event in the list, at an address made from its title."""
    return make_event(
        index=index, slug=slugify(title), title=title, on=first_day, days=days, time_zone=zone
    )


def frozen(now=NOW):
    return mock.patch("django.utils.timezone.now", return_value=now)


class EventIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_events_index()
        cls.next_one = listed(cls.index, "Next forum", date(2024, 7, 1), days=2, zone="Asia/Tokyo")
        cls.later = listed(cls.index, "Later forum", date(2025, 1, 10), zone="Asia/Tokyo")
        cls.past_2022 = listed(cls.index, "Zero Carbon City", date(2022, 3, 8), days=3)
        add_session(cls.past_2022, start=eastern(2022, 3, 8, 20, 0))
        add_session(cls.past_2022, start=eastern(2022, 3, 10, 7, 0), minutes=135)
        cls.past_2023 = listed(
            cls.index, "Resilient Cities 2023", date(2023, 5, 1), days=2, zone="Europe/Berlin"
        )
        # Ends today in its own zone: still listed as upcoming until it is over.
        cls.today = listed(
            cls.index, "Today's webinar", date(2024, 6, 1), zone="America/Los_Angeles"
        )

    def titles(self, html: str, heading: str) -> list[str]:
        section = html.split(heading, 1)[1].split("</section>", 1)[0]
        return [
            t
            for t in (
                "Next forum",
                "Later forum",
                "Zero Carbon City",
                "Resilient Cities 2023",
                "Today&#x27;s webinar",
            )
            if t in section
        ]

    def test_upcoming_events_come_first_soonest_first(self):
        with frozen():
            html = self.client.get("/en/events/").content.decode()
        self.assertEqual(
            self.titles(html, "Upcoming events"),
            ["Next forum", "Later forum", "Today&#x27;s webinar"],
        )
        self.assertLess(html.index("Today&#x27;s webinar"), html.index("Next forum"))

    def test_past_events_newest_first_and_filtered_by_year(self):
        with frozen():
            html = self.client.get("/en/events/").content.decode()
            self.assertLess(html.index("Resilient Cities 2023"), html.index("Zero Carbon City"))
            html_2022 = self.client.get("/en/events/", {"year": "2022"}).content.decode()
        past = html_2022.split("Past events", 1)[1]
        self.assertIn("Zero Carbon City", past)
        self.assertNotIn("Resilient Cities 2023", past)

    def test_listing_shows_dates_in_the_visitors_language_zone(self):
        with frozen():
            response = self.client.get("/en/events/")
        # The card spans the programme's first to last day, not just one session's.
        self.assertContains(response, "Tuesday 8 March 2022 – Thursday 10 March 2022")

    def test_bad_query_strings_give_a_normal_page(self):
        for query in (
            {"page": "-1"},
            {"page": "abc"},
            {"page": "999999999999"},
            {"year": "9999999"},
            {"year": "abc"},
            {"year": "-5"},
            {"year": "2022", "page": "x"},
        ):
            with self.subTest(query=query), frozen():
                response = self.client.get("/en/events/", query)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Upcoming events")

    def test_an_unusable_year_says_so(self):
        with frozen():
            self.assertContains(
                self.client.get("/en/events/", {"year": "9999999"}),
                "That year is not one we can show",
            )

    def test_past_events_are_paginated(self):
        for number in range(12):
            listed(self.index, f"Archive {number}", date(2020, 1, number + 1))
        with frozen():
            first = self.client.get("/en/events/")
            second = self.client.get("/en/events/", {"page": "2"})
        self.assertContains(first, "Page 1 of 2")
        self.assertContains(second, "Page 2 of 2")


class HomeFeaturedEventTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_events_index()
        listed(cls.index, "Old forum", date(2021, 3, 1))
        listed(cls.index, "Recent forum", date(2023, 3, 1))

    def test_home_features_the_latest_past_event_when_none_is_coming(self):
        with frozen():
            response = self.client.get("/en/")
        self.assertContains(response, "Latest event")
        self.assertContains(response, "Recent forum")
        self.assertNotContains(response, "Old forum")

    def test_home_features_the_next_upcoming_event(self):
        listed(self.index, "Coming forum", date(2024, 9, 1), days=2)
        listed(self.index, "Far forum", date(2026, 9, 1), days=2)
        with frozen():
            response = self.client.get("/en/")
        self.assertContains(response, "Next event")
        self.assertContains(response, "Coming forum")
        self.assertNotContains(response, "Far forum")
