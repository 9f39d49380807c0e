"""Feed readers and calendar apps follow the events of each language, and see every change."""

import datetime
import zoneinfo
from unittest import mock

from django.test import TestCase, override_settings
from django.utils import timezone

from wagtail.models import PageViewRestriction

import feedparser
import icalendar
import vobject

from events.timing import format_day
from tests.events.test_admin import event_form, session_form
from tests.factories import (
    FooterFactory,
    add_session,
    make_admin,
    make_event,
    make_events_index,
    translate,
)
from tests.home.test_cdn_purge import PURGED, RECORDING

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate(timezone.now(), TOKYO) + datetime.timedelta(days=days)


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TOKYO)


def publish(page, **changes):
    """A moderator's publish, committed (caches hear of it once every worker can see it)."""
    for name, value in changes.items():
        setattr(page, name, value)
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    return page


def later(minutes: int):
    """The clock `minutes` on: a change published later than the previous one."""
    return mock.patch(
        "django.utils.timezone.now",
        return_value=timezone.now() + datetime.timedelta(minutes=minutes),
    )


def parse_atom(response):
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def ics_entries(response) -> dict[str, icalendar.Event]:
    """The VEVENTs by UID, read by icalendar; the same file must read in vobject too."""
    calendar = icalendar.Calendar.from_ical(response.content)
    entries = {str(entry["uid"]): entry for entry in calendar.walk("VEVENT")}
    other = vobject.readOne(response.content.decode())
    other_uids = {entry.uid.value for entry in getattr(other, "vevent_list", [])}
    assert other_uids == set(entries), (other_uids, set(entries))
    return entries


class FeedTestCase(TestCase):
    """A Japanese and English site with an event coming in a month, translated with its sessions."""

    @classmethod
    def setUpTestData(cls):
        cls.index = make_events_index(japanese=True)
        cls.day = days_from_today(30)
        cls.event = make_event(
            index=cls.index, slug="forum", title="Forum", on=cls.day, time_zone="Asia/Tokyo"
        )
        publish(cls.event)
        cls.opening = add_session(
            cls.event, title="Opening", slug="opening", start=at(cls.day, 10), minutes=30
        )
        cls.panel = add_session(
            cls.event, title="Panel", slug="panel", start=at(cls.day, 11), minutes=60
        )
        cls.event_ja = translate(cls.event, title="フォーラム")
        cls.opening_ja = translate(cls.opening, title="開会")
        cls.panel_ja = translate(cls.panel, title="パネル")


class AtomFeedTests(FeedTestCase):
    def test_each_language_has_a_valid_feed_of_its_events_in_its_own_words(self):
        english = parse_atom(self.client.get("/en/events/feed/"))
        japanese = parse_atom(self.client.get("/ja/events/feed/"))
        self.assertEqual(english.feed.language, "en")
        self.assertEqual(japanese.feed.language, "ja")
        self.assertIn("Events of", english.feed.title)
        self.assertIn("のイベント", japanese.feed.title)
        self.assertTrue(japanese.feed.subtitle)
        self.assertNotEqual(english.feed.subtitle, japanese.feed.subtitle)
        [entry] = english.entries
        self.assertEqual(entry.title, "Forum")
        self.assertEqual(entry.link, "http://testserver/en/events/forum/")
        self.assertIn("A forum of local governments.", entry.summary)
        self.assertEqual(english.feed.author, entry.author)
        self.assertTrue(entry.author)
        self.assertTrue(entry.id.startswith("urn:uuid:"))
        self.assertEqual(japanese.entries[0].title, "フォーラム")
        self.assertEqual(japanese.entries[0].link, "http://testserver/ja/events/forum/")

    def test_the_feed_and_calendar_are_named_after_the_organisation_in_their_language(self):
        translate(FooterFactory(organisation_name="Test Network"), organisation_name="テスト網")
        english = parse_atom(self.client.get("/en/events/feed/"))
        japanese = parse_atom(self.client.get("/ja/events/feed/"))
        self.assertEqual(
            (english.feed.title, english.feed.author), ("Events of Test Network", "Test Network")
        )
        self.assertEqual(
            (japanese.feed.title, japanese.entries[0].author), ("テスト網のイベント", "テスト網")
        )
        calendar = icalendar.Calendar.from_ical(self.client.get("/ja/events/calendar/").content)
        self.assertEqual(str(calendar["x-wr-calname"]), "テスト網のイベント")

    def test_feed_is_served_as_atom(self):
        response = self.client.get("/en/events/feed/")
        self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
        self.assertIn("Last-Modified", response)

    def test_entry_ids_stay_the_same_on_every_host_name_and_differ_by_language(self):
        first = parse_atom(self.client.get("/en/events/feed/", HTTP_HOST="events.example.org"))
        second = parse_atom(self.client.get("/en/events/feed/", HTTP_HOST="www.example.net"))
        japanese = parse_atom(self.client.get("/ja/events/feed/"))
        self.assertEqual(first.entries[0].id, second.entries[0].id)
        self.assertEqual(first.feed.id, second.feed.id)
        self.assertNotEqual(first.entries[0].id, japanese.entries[0].id)

    def test_the_latest_change_comes_first_and_a_changed_programme_updates_its_event(self):
        with later(5):
            publish(make_event(index=self.index, slug="webinar", title="Webinar", on=self.day))
        self.assertEqual(
            [e.title for e in parse_atom(self.client.get("/en/events/feed/")).entries],
            ["Webinar", "Forum"],
        )
        before = parse_atom(self.client.get("/en/events/feed/")).entries[1].updated_parsed
        with later(10):
            publish(self.panel, start=at(self.day, 14), end=at(self.day, 15))
        entries = parse_atom(self.client.get("/en/events/feed/")).entries
        self.assertEqual([e.title for e in entries], ["Forum", "Webinar"])
        self.assertGreater(entries[0].updated_parsed, before)

    def test_a_private_session_neither_updates_its_event_nor_widens_its_days(self):
        day_after = self.day + datetime.timedelta(days=1)
        with later(5):
            publish(self.event, end_date=day_after)
        before = parse_atom(self.client.get("/en/events/feed/")).entries[0]
        with later(10):
            private = add_session(self.event, title="Members", start=at(day_after, 10), minutes=30)
            PageViewRestriction.objects.create(
                page=private, restriction_type=PageViewRestriction.PASSWORD, password="pw"
            )
        with later(20):
            publish(private, title="Members meeting")
        after = parse_atom(self.client.get("/en/events/feed/")).entries[0]
        self.assertEqual(after.updated_parsed, before.updated_parsed)
        self.assertEqual(after.summary, before.summary)
        shown_days = format_day(self.day, language_code="en")
        self.assertIn(f"<p>{shown_days} · ", after.summary)
        self.assertContains(self.client.get("/en/events/"), shown_days)
        self.assertNotContains(
            self.client.get("/en/events/"), format_day(day_after, language_code="en")
        )

    def test_odd_query_strings_get_the_feed(self):
        for query in ("?page=-1", "?format=json&limit=99999999999999999999", "?%00=%ff"):
            with self.subTest(query=query):
                parse_atom(self.client.get("/en/events/feed/" + query))


class CalendarSubscriptionTests(FeedTestCase):
    def test_each_language_has_a_calendar_with_every_session_of_its_coming_events(self):
        for language, titles in (("en", ["Opening", "Panel"]), ("ja", ["開会", "パネル"])):
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/events/calendar/")
                self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
                entries = ics_entries(response)
                in_order = sorted(entries.values(), key=lambda e: e.decoded("dtstart"))
                self.assertEqual([str(e["summary"]).split(" – ")[0] for e in in_order], titles)
                calendar = icalendar.Calendar.from_ical(response.content)
                self.assertEqual(calendar["refresh-interval"].params["VALUE"], "DURATION")
                self.assertEqual(calendar.decoded("refresh-interval"), datetime.timedelta(hours=1))
                self.assertIn("X-PUBLISHED-TTL:PT1H\r\n", response.content.decode())
        japanese = icalendar.Calendar.from_ical(self.client.get("/ja/events/calendar/").content)
        self.assertIn("のイベント", str(japanese["x-wr-calname"]))

    def test_a_session_has_one_uid_in_every_language_file_and_host_name(self):
        expected = {f"session-{s.translation_key}@events.network-site" for s in (self.opening,)}
        files = [
            self.client.get("/en/events/calendar/"),
            self.client.get("/ja/events/calendar/"),
            self.client.get("/en/events/calendar/", HTTP_HOST="events.example.org"),
            self.client.get("/en/events/forum/calendar/"),
            self.client.get("/ja/events/forum/calendar/"),
            self.client.get("/en/events/forum/opening/calendar/"),
            self.client.get("/ja/events/forum/opening/calendar/", HTTP_HOST="www.example.net"),
        ]
        for response in files:
            with self.subTest(url=response.request["PATH_INFO"]):
                self.assertLessEqual(expected, set(ics_entries(response)))
        english, japanese = (ics_entries(files[0]), ics_entries(files[1]))
        self.assertEqual(set(english), set(japanese))
        self.assertEqual(len(english), 2)

    @override_settings(CALENDAR_UID_DOMAIN="calendar.example.org")
    def test_the_uid_domain_is_the_configured_one(self):
        uids = set(ics_entries(self.client.get("/en/events/forum/opening/calendar/")))
        self.assertEqual(uids, {f"session-{self.opening.translation_key}@calendar.example.org"})

    def entry(self, url: str, session) -> icalendar.Event:
        return ics_entries(self.client.get(url))[
            f"session-{session.translation_key}@events.network-site"
        ]

    def test_a_moved_and_republished_session_has_a_higher_sequence_and_a_new_last_modified(self):
        urls = (
            "/en/events/calendar/",
            "/en/events/forum/calendar/",
            "/en/events/forum/panel/calendar/",
        )
        before = {url: self.entry(url, self.panel) for url in urls}
        with later(10):
            publish(self.panel, start=at(self.day, 14), end=at(self.day, 15))
        for url in urls:
            with self.subTest(url=url):
                old, new = before[url], self.entry(url, self.panel)
                self.assertGreater(int(new["sequence"]), int(old["sequence"]))
                self.assertGreater(new.decoded("last-modified"), old.decoded("last-modified"))
                self.assertEqual(new.decoded("dtstart"), at(self.day, 14))
                self.assertIn("dtstamp", new)
        # vobject reads the same version.
        other = vobject.readOne(self.client.get(urls[2]).content.decode())
        self.assertEqual(
            int(other.vevent.sequence.value), int(self.entry(urls[2], self.panel)["sequence"])
        )

    def test_moved_again_the_sequence_grows_again(self):
        sequences = [int(self.entry("/en/events/calendar/", self.opening)["sequence"])]
        for minutes, hour in ((10, 12), (20, 13)):
            with later(minutes):
                publish(
                    self.opening,
                    start=at(self.day, hour),
                    end=at(self.day, hour) + datetime.timedelta(minutes=30),
                )
            sequences.append(int(self.entry("/en/events/calendar/", self.opening)["sequence"]))
        self.assertEqual(sequences, sorted(set(sequences)))

    def test_a_session_moved_to_an_older_event_has_a_higher_sequence(self):
        with later(-180):
            webinar = publish(make_event(index=self.index, slug="webinar", on=self.day))
        with later(30):
            publish(self.event)  # newer than the panel: the entry's version is the event's
        urls = ("/en/events/calendar/", "/en/events/webinar/calendar/")
        before = int(self.entry(urls[0], self.panel)["sequence"])
        with later(60), self.captureOnCommitCallbacks(execute=True):
            self.panel.move(webinar, pos="last-child")
        for url in urls:
            with self.subTest(url=url):
                moved = self.entry(url, self.panel)
                self.assertIn(webinar.title, str(moved["summary"]))
                self.assertGreater(int(moved["sequence"]), before)
        # A reorder within its event publishes nothing and changes no version.
        after = int(self.entry(urls[0], self.opening)["sequence"])
        with later(90), self.captureOnCommitCallbacks(execute=True):
            self.opening.move(self.event, pos="last-child")
        self.assertEqual(int(self.entry(urls[0], self.opening)["sequence"]), after)

    def test_a_renamed_event_changes_the_version_of_its_sessions(self):
        before = self.entry("/en/events/calendar/", self.opening)
        with later(10):
            publish(self.event, title="Forum 2")
        after = self.entry("/en/events/calendar/", self.opening)
        self.assertIn("Forum 2", str(after["summary"]))
        self.assertGreater(int(after["sequence"]), int(before["sequence"]))

    def test_an_event_without_a_programme_yet_holds_its_days(self):
        later_day = days_from_today(60)
        announced = publish(
            make_event(
                index=self.index,
                slug="summit",
                title="Summit",
                on=later_day,
                days=2,
                time_zone="Asia/Tokyo",
            )
        )
        entry = ics_entries(self.client.get("/en/events/calendar/"))[
            f"event-{announced.translation_key}@events.network-site"
        ]
        self.assertEqual(entry.decoded("dtstart"), later_day)
        self.assertEqual(entry.decoded("dtend"), later_day + datetime.timedelta(days=2))

    def test_events_over_for_a_month_leave_the_calendar_but_recent_ones_stay(self):
        recent = make_event(
            index=self.index, slug="recent", on=days_from_today(-10), time_zone="Asia/Tokyo"
        )
        add_session(recent, title="Recent session", start=at(days_from_today(-10), 10), minutes=30)
        old = make_event(
            index=self.index, slug="old", on=days_from_today(-40), time_zone="Asia/Tokyo"
        )
        add_session(old, title="Old session", start=at(days_from_today(-40), 10), minutes=30)
        summaries = [
            str(e["summary"]) for e in ics_entries(self.client.get("/en/events/calendar/")).values()
        ]
        self.assertTrue(any(s.startswith("Recent session") for s in summaries))
        self.assertFalse(any(s.startswith("Old session") for s in summaries))

    def test_odd_query_strings_get_the_calendar(self):
        for query in ("?tz=%3Cscript%3E", "?year=99999999999999999999", "?%ff"):
            with self.subTest(query=query):
                response = self.client.get("/en/events/calendar/" + query)
                self.assertEqual(len(ics_entries(response)), 2)


class WhatFeedsNeverCarryTests(FeedTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.hidden = make_event(index=cls.index, slug="hidden", title="Hidden event", on=cls.day)
        add_session(cls.hidden, title="Hidden session", start=at(cls.day, 10), minutes=30)
        PageViewRestriction.objects.create(
            page=cls.hidden, restriction_type=PageViewRestriction.PASSWORD, password="pw"
        )
        cls.withdrawn = make_event(
            index=cls.index, slug="withdrawn", title="Withdrawn event", on=cls.day
        )
        add_session(cls.withdrawn, title="Withdrawn session", start=at(cls.day, 10), minutes=30)
        cls.withdrawn.unpublish()
        cls.draft = make_event(
            index=cls.index, slug="draft", title="Draft event", on=cls.day, live=False
        )
        private = add_session(cls.event, title="Private session", start=at(cls.day, 16), minutes=30)
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="pw"
        )
        offline = add_session(cls.event, title="Offline session", start=at(cls.day, 17), minutes=30)
        offline.unpublish()
        cls.opening.title = "Draft title"
        cls.opening.save_revision()

    def test_unpublished_private_and_draft_events_and_sessions_are_in_no_feed(self):
        hidden = ("Hidden", "Withdrawn", "Draft", "Private", "Offline")
        for url in ("/en/events/feed/", "/en/events/calendar/"):
            text = self.client.get(url).content.decode()
            for word in hidden:
                with self.subTest(url=url, word=word):
                    self.assertNotIn(word, text)
        # The event's programme lists a session under a password (its page asks for it), but
        # the event's own file, like the subscription, leaves it out.
        self.assertContains(self.client.get("/en/events/forum/"), "Private session")
        event_file = self.client.get("/en/events/forum/calendar/").content.decode()
        for word in ("Draft", "Offline", "Private"):
            self.assertNotIn(word, event_file)
        self.assertEqual(
            [e.title for e in parse_atom(self.client.get("/en/events/feed/")).entries], ["Forum"]
        )
        self.assertEqual(len(ics_entries(self.client.get("/en/events/calendar/"))), 2)


class EmptyFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_events_index(japanese=True)

    def test_an_index_without_events_has_a_valid_empty_feed_and_calendar(self):
        for language in ("en", "ja"):
            with self.subTest(language=language):
                feed = parse_atom(self.client.get(f"/{language}/events/feed/"))
                self.assertEqual(feed.entries, [])
                self.assertTrue(feed.feed.id)
                self.assertEqual(ics_entries(self.client.get(f"/{language}/events/calendar/")), {})


class DiscoveryTests(FeedTestCase):
    def test_the_events_index_and_event_pages_offer_the_feed_and_the_calendar(self):
        words = {
            "en": ("Subscribe to the calendar", "Events feed (Atom)"),
            "ja": ("カレンダーを購読する", "イベントのフィード（Atom）"),
        }
        for language, (subscribe, feed) in words.items():
            for page in (f"/{language}/events/", f"/{language}/events/forum/"):
                with self.subTest(page=page):
                    response = self.client.get(page)
                    self.assertContains(
                        response,
                        '<link rel="alternate" type="application/atom+xml" '
                        f'href="/{language}/events/feed/"',
                    )
                    self.assertContains(
                        response,
                        '<link rel="alternate" type="text/calendar" '
                        f'href="/{language}/events/calendar/"',
                    )
                    self.assertContains(
                        response,
                        f'href="webcal://testserver/{language}/events/calendar/">{subscribe}</a>',
                    )
                    self.assertContains(
                        response,
                        f'<a href="/{language}/events/feed/" type="application/atom+xml">{feed}</a>',
                    )

    def test_the_links_lead_to_the_feed_and_the_calendar(self):
        html = self.client.get("/ja/events/forum/").content.decode()
        for url in ("/ja/events/feed/", "/ja/events/calendar/"):
            self.assertIn(f'href="{url}"', html)
            self.assertEqual(self.client.get(url).status_code, 200)


class FeedCachingTests(FeedTestCase):
    def test_feeds_are_kept_and_a_published_change_reaches_them_at_once(self):
        for url in ("/en/events/feed/", "/ja/events/calendar/"):
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        publish(self.event, title="Renamed forum")
        publish(self.panel_ja, title="移動したパネル")
        self.assertContains(self.client.get("/en/events/feed/"), "Renamed forum")
        self.assertContains(self.client.get("/ja/events/calendar/"), "移動したパネル")

    @override_settings(WAGTAILFRONTENDCACHE=RECORDING)
    def test_publishing_a_session_purges_the_feeds_of_both_languages_from_the_cdn(self):
        PURGED.clear()
        publish(self.panel, start=at(self.day, 14), end=at(self.day, 15))
        purged = {url.removeprefix("http://localhost") for url in PURGED}
        for language in ("en", "ja"):
            for url in (f"/{language}/events/feed/", f"/{language}/events/calendar/"):
                self.assertIn(url, purged)


class AddressesTakenByFeedsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event()
        cls.admin = make_admin()

    def setUp(self):
        self.client.force_login(self.admin)

    def test_an_event_or_session_cannot_take_the_address_of_a_feed_or_calendar(self):
        index = self.event.get_parent()
        for slug in ("feed", "calendar"):
            with self.subTest(slug=slug):
                response = self.client.post(
                    f"/admin/pages/add/events/eventpage/{index.pk}/",
                    event_form(self.event, title="Feed", slug=slug),
                )
                self.assertContains(response, f"“{slug}” is the address of the calendar or feed")
        response = self.client.post(
            f"/admin/pages/add/events/sessionpage/{self.event.pk}/",
            session_form(slug="calendar"),
        )
        self.assertContains(response, "“calendar” is the address of the calendar or feed")

    def test_other_addresses_are_accepted(self):
        response = self.client.post(
            f"/admin/pages/add/events/sessionpage/{self.event.pk}/", session_form(slug="feed")
        )
        self.assertEqual(response.status_code, 302)
