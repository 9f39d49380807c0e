"""Visitors read the programme in the right zone: the event's in English, Japan time in Japanese."""

import datetime
import zoneinfo

from django.test import TestCase

from events.programme import build_programme, event_sessions
from events.timing import display_time, format_day
from tests.factories import (
    PersonFactory,
    add_session,
    eastern,
    make_event,
    translate,
)
from tests.visible import times_shown

NOW = datetime.datetime(2022, 3, 1, tzinfo=datetime.UTC)


class ProgrammeTimesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(japanese=True, title="Forum")
        cls.opening = add_session(
            cls.event,
            title="Opening",
            start=eastern(2022, 3, 8, 20, 0),
            minutes=15,
            people=[(PersonFactory(name="SHODA Yutaka"), "remarks")],
        )
        # 09:30–10:30 EST is 23:30–00:30 in Tokyo: it crosses midnight there, not in New York.
        cls.late = add_session(
            cls.event, title="Late", start=eastern(2022, 3, 10, 9, 30), minutes=60
        )
        cls.event_ja = translate(cls.event)
        translate(cls.opening, title="開会")
        translate(cls.late, title="遅い回")

    def test_english_page_shows_the_events_own_zone_named(self):
        times = times_shown(self.client.get("/en/events/forum/"))
        self.assertEqual(times["2022-03-08T20:00-05:00"], "20:00 EST")
        self.assertEqual(times["2022-03-08"], "Tuesday 8 March 2022")

    def test_japanese_page_shows_japan_time_and_japanese_dates(self):
        times = times_shown(self.client.get("/ja/events/forum/"))
        self.assertEqual(times["2022-03-09T10:00+09:00"], "10:00 JST")
        # 20:00 EST on 8 March is already 9 March in Japan.
        self.assertEqual(times["2022-03-09"], "2022年3月9日(水)")

    def test_day_headings_follow_the_zone_shown(self):
        def days(language_code):
            event = self.event if language_code == "en" else self.event_ja
            programme = build_programme(
                event=event,
                sessions=event_sessions(event=event),
                language_code=language_code,
                now=NOW,
            )
            return [day.iso_date for day in programme]

        self.assertEqual(days("en"), ["2022-03-08", "2022-03-10"])
        self.assertEqual(days("ja"), ["2022-03-09", "2022-03-10"])

    def test_a_session_crossing_midnight_in_one_zone_only_keeps_its_start_day(self):
        tokyo = display_time(
            self.late.start, zone=zoneinfo.ZoneInfo("Asia/Tokyo"), language_code="ja"
        )
        end = display_time(self.late.end, zone=zoneinfo.ZoneInfo("Asia/Tokyo"), language_code="ja")
        self.assertEqual((tokyo.time, tokyo.local_date.isoformat()), ("23:30 JST", "2022-03-10"))
        self.assertEqual((end.time, end.local_date.isoformat()), ("00:30 JST", "2022-03-11"))
        new_york = display_time(
            self.late.start, zone=zoneinfo.ZoneInfo("America/New_York"), language_code="en"
        )
        self.assertEqual(new_york.local_date.isoformat(), "2022-03-10")
        times = times_shown(self.client.get("/ja/events/forum/"))
        self.assertEqual(times["2022-03-11T00:30+09:00"], "00:30 JST")

    def test_translated_sessions_keep_the_same_instants(self):
        japanese = self.opening.get_translation(self.event_ja.locale)
        self.assertEqual(japanese.start, self.opening.start)
        self.assertEqual(japanese.end, self.opening.end)

    def test_day_formats(self):
        self.assertEqual(
            format_day(datetime.date(2022, 3, 9), language_code="ja"), "2022年3月9日(水)"
        )
        self.assertEqual(
            format_day(datetime.date(2022, 3, 9), language_code="en"), "Wednesday 9 March 2022"
        )

    def test_summer_time_is_named_too(self):
        summer = display_time(
            eastern(2022, 7, 1, 9, 0),
            zone=zoneinfo.ZoneInfo("America/New_York"),
            language_code="en",
        )
        self.assertEqual(summer.time, "09:00 EDT")
        self.assertTrue(summer.iso.endswith("-04:00"))
