"""Sessions say whether they are upcoming, live or over, and the event says what is happening now."""

import datetime
from unittest import mock

from django.test import TestCase

from events.notices import event_notice
from events.programme import ENDED, LIVE, UPCOMING, build_programme, event_sessions
from tests.factories import add_session, eastern, make_event

STREAM = "https://live.example.org/day-1"
RECORDING = "https://video.example.org/day-1"


class StatusTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event()
        cls.first = add_session(
            cls.event, title="Opening", start=eastern(2022, 3, 8, 20, 0), live_stream_url=STREAM
        )
        cls.second = add_session(
            cls.event, title="Plenary", start=eastern(2022, 3, 8, 21, 0), minutes=60
        )
        cls.day_two = add_session(
            cls.event, title="Day two", start=eastern(2022, 3, 10, 7, 0), minutes=120
        )

    def programme(self, now):
        return build_programme(
            event=self.event, sessions=event_sessions(event=self.event), language_code="en", now=now
        )

    def statuses(self, now):
        return [entry.status for day in self.programme(now) for entry in day.entries]

    def notice(self, now):
        return event_notice(days=self.programme(now), now=now)

    def test_statuses_follow_the_clock(self):
        self.assertEqual(self.statuses(eastern(2022, 3, 8, 19, 0)), [UPCOMING, UPCOMING, UPCOMING])
        self.assertEqual(self.statuses(eastern(2022, 3, 8, 20, 10)), [LIVE, UPCOMING, UPCOMING])
        # The end instant belongs to the next state.
        self.assertEqual(self.statuses(eastern(2022, 3, 8, 20, 30)), [ENDED, UPCOMING, UPCOMING])
        self.assertEqual(self.statuses(eastern(2022, 3, 11, 0, 0)), [ENDED, ENDED, ENDED])

    def test_notice_before_the_event(self):
        notice = self.notice(eastern(2022, 3, 1, 12, 0))
        self.assertEqual(notice.state, "before")
        self.assertIn("20:00 EST", notice.message)

    def test_notice_while_live_links_to_the_stream(self):
        notice = self.notice(eastern(2022, 3, 8, 20, 5))
        self.assertEqual(
            (notice.state, notice.link_url, notice.link_text), (LIVE, STREAM, "Watch live")
        )
        self.assertIn("Opening", notice.message)

    def test_notice_between_sessions_points_to_the_next(self):
        notice = self.notice(eastern(2022, 3, 8, 20, 45))
        self.assertEqual(notice.state, "break")
        self.assertIn("Plenary", notice.message)

    def test_day_closed_notice_says_when_to_come_back_and_that_recordings_will_follow(self):
        notice = self.notice(eastern(2022, 3, 9, 12, 0))
        self.assertEqual(notice.state, "day_closed")
        self.assertIn("Day 1 has closed", notice.message)
        self.assertIn("07:00 EST", notice.message)
        self.assertIn("Recordings will follow", notice.message)

    def test_day_closed_notice_links_to_the_archive_once_a_recording_is_set(self):
        self.first.recording_url = RECORDING
        self.first.save_revision().publish()
        notice = self.notice(eastern(2022, 3, 9, 12, 0))
        self.assertEqual((notice.link_url, notice.link_text), ("#day-1", "Watch the recordings"))

    def test_page_shows_the_live_state_at_request_time(self):
        with mock.patch(
            "django.utils.timezone.now",
            return_value=eastern(2022, 3, 8, 20, 5).astimezone(datetime.UTC),
        ):
            response = self.client.get(self.event.url)
        self.assertContains(response, "Live now: Opening.")
        self.assertContains(response, f'<a href="{STREAM}">Watch live</a>', html=True)

    def test_ended_session_offers_the_recording_or_says_it_will_follow(self):
        self.first.recording_url = RECORDING
        self.first.save_revision().publish()
        response = self.client.get(self.first.url)
        self.assertContains(response, f'href="{RECORDING}"')
        self.assertContains(response, "Watch the recording")
        self.assertContains(self.client.get(self.second.url), "The recording will follow.")
        self.assertContains(self.client.get(self.event.url), "The event has ended.")
