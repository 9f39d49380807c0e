"""Sessions say whether they are upcoming, live or over, and the event says what is happening now."""

import datetime
import re
from unittest import mock

from django.template.loader import render_to_string
from django.test import TestCase
from django.utils import translation

from events.notices import EventNotice, NoticeKind, event_notice
from events.programme import ENDED, LIVE, UPCOMING, build_programme, event_sessions
from tests.factories import add_session, eastern, make_event, translate

STREAM = "https://live.example.org/day-1"
RECORDING = "https://video.example.org/day-1"
JAPANESE = r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]"
# An ASCII space between two Japanese characters: fragments glued as English glues sentences.
SPACE_BETWEEN_JAPANESE = re.compile(rf"{JAPANESE} +{JAPANESE}")


def notice_text(html: str) -> str:
    """The notice's sentence (its inner HTML) as the page shows it."""
    match = re.search(r'<div class="notice notice--\w+" role="status">\s*<p>(.*?)</p>', html, re.S)
    return match.group(1) if match else ""


class StatusTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(japanese=True)
        cls.first = add_session(
            cls.event, title="Opening", start=eastern(2022, 3, 8, 20, 0), live_stream_url=STREAM
        )
        cls.second = add_session(
            cls.event, title="Plenary", start=eastern(2022, 3, 8, 21, 0), minutes=60
        )
        cls.day_two = add_session(
            cls.event, title="Day two", start=eastern(2022, 3, 10, 7, 0), minutes=120
        )
        cls.event_ja = translate(cls.event, title="フォーラム")
        translate(cls.first, title="開会")
        translate(cls.second, title="全体会議")
        translate(cls.day_two, title="2日目")

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
        self.assertEqual((notice.kind, notice.time), (NoticeKind.BEFORE, "20:00 EST"))

    def test_notice_while_live_links_to_the_stream(self):
        notice = self.notice(eastern(2022, 3, 8, 20, 5))
        self.assertEqual(
            (notice.kind, notice.state, notice.link_url, notice.title),
            (NoticeKind.LIVE_STREAM, LIVE, STREAM, "Opening"),
        )

    def test_notice_between_sessions_points_to_the_next(self):
        notice = self.notice(eastern(2022, 3, 8, 20, 45))
        self.assertEqual((notice.kind, notice.title), (NoticeKind.BREAK, "Plenary"))

    def test_day_closed_notice_says_when_to_come_back_and_that_recordings_will_follow(self):
        notice = self.notice(eastern(2022, 3, 9, 12, 0))
        self.assertEqual(
            (notice.kind, notice.day_number, notice.time), (NoticeKind.DAY_CLOSED, 1, "07:00 EST")
        )

    def test_day_closed_notice_links_to_the_archive_once_a_recording_is_set(self):
        self.first.recording_url = RECORDING
        self.first.save_revision().publish()
        notice = self.notice(eastern(2022, 3, 9, 12, 0))
        self.assertEqual(
            (notice.kind, notice.link_url), (NoticeKind.DAY_CLOSED_WITH_RECORDINGS, "#day-1")
        )

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

    def notice_at(self, url: str, now: datetime.datetime) -> str:
        with mock.patch("django.utils.timezone.now", return_value=now.astimezone(datetime.UTC)):
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return notice_text(response.content.decode())

    def test_english_visitors_read_each_notice_as_before(self):
        cases = {
            eastern(2022, 3, 1, 12, 0): (
                "The programme starts on Tuesday 8 March 2022 at 20:00 EST."
            ),
            eastern(2022, 3, 8, 20, 5): f'Live now: Opening. <a href="{STREAM}">Watch live</a>',
            eastern(2022, 3, 8, 20, 45): (
                f'Next: Plenary at 21:00 EST. <a href="{self.second.url}">Go to the session</a>'
            ),
            eastern(2022, 3, 8, 21, 30): (
                f'Live now: Plenary. <a href="{self.second.url}">Go to the session</a>'
            ),
            eastern(2022, 3, 9, 12, 0): (
                "Day 1 has closed. Come back on Thursday 10 March 2022 at 07:00 EST for the "
                "next day. Recordings will follow here."
            ),
            eastern(2022, 3, 11, 0, 0): "The event has ended. Recordings will follow here.",
        }
        for now, sentence in cases.items():
            with self.subTest(now=now):
                self.assertEqual(self.notice_at(self.event.url, now), sentence)

    def test_english_notices_point_to_the_recordings_once_there_are_some(self):
        self.first.recording_url = RECORDING
        self.first.save_revision().publish()
        self.assertEqual(
            self.notice_at(self.event.url, eastern(2022, 3, 9, 12, 0)),
            "Day 1 has closed. Come back on Thursday 10 March 2022 at 07:00 EST for the next "
            'day. Missed it? <a href="#day-1">Watch the recordings</a>',
        )
        self.assertEqual(
            self.notice_at(self.event.url, eastern(2022, 3, 11, 0, 0)),
            "The event has ended. Missed it? The recordings are linked in the programme.",
        )

    def test_japanese_visitors_read_whole_japanese_sentences(self):
        self.assertTrue(self.event_ja.url.startswith("/ja/"))
        cases = {
            eastern(2022, 3, 8, 20, 5): (
                f'「開会」をライブ配信中です。<a href="{STREAM}">ライブで見る</a>'
            ),
            # Japanese pages show Japan time: the first day ends at 12:00 JST on 9 March.
            eastern(2022, 3, 9, 12, 0): (
                "1日目は終了しました。次の日のプログラムは2022年3月10日(木) 21:00 JSTに始まります。"
                "録画はこちらに掲載する予定です。"
            ),
            eastern(
                2022, 3, 11, 0, 0
            ): "このイベントは終了しました。録画はこちらに掲載する予定です。",
        }
        for now, sentence in cases.items():
            with self.subTest(now=now):
                text = self.notice_at(self.event_ja.url, now)
                self.assertEqual(text, sentence)
                self.assertIsNone(SPACE_BETWEEN_JAPANESE.search(text))

    def test_the_japanese_programme_says_its_time_zone_in_whole_sentences(self):
        response = self.client.get(self.event_ja.url)
        self.assertContains(
            response,
            '<p class="programme__zone">時刻はJST (Asia/Tokyo)で表示しています。'
            '<span class="muted">スクリプトが有効な場合は、お使いの地域の時刻も併せて表示します。'
            "</span></p>",
        )
        self.assertContains(
            self.client.get(self.event.url),
            '<p class="programme__zone">Times are shown in EST (America/New_York). '
            '<span class="muted">With scripts on, each time is also shown in your own time zone.'
            "</span></p>",
            html=True,
        )


class EveryNoticeKindTests(TestCase):
    def test_every_kind_of_notice_has_a_whole_sentence_in_each_language(self):
        for language_code in ("en", "ja"):
            for kind in NoticeKind:
                notice = EventNotice(
                    kind=kind,
                    title="開会",
                    day="2022年3月10日(木)",
                    time="21:00 JST",
                    day_number=1,
                    link_url="#day-1",
                )
                with (
                    self.subTest(language=language_code, kind=kind),
                    translation.override(language_code),
                ):
                    text = notice_text(
                        render_to_string("events/components/event_notice.html", {"notice": notice})
                    )
                    self.assertTrue(text.strip())
                    if language_code == "ja":
                        self.assertRegex(text, r"。")
                        self.assertIsNone(SPACE_BETWEEN_JAPANESE.search(text), text)
