"""Editors build events and sessions in the admin; wrong times are refused with a clear message."""

import datetime

from django.test import TestCase

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage, SessionPage
from home.models import HomePage, StandardPage
from tests.factories import (
    PersonFactory,
    add_session,
    eastern,
    make_admin,
    make_event,
    make_events_index,
    translate,
)


def session_form(**fields):
    data = {
        "title": "Opening",
        "slug": "opening",
        "start": "2022-03-08 20:00",
        "end": "2022-03-08 20:15",
        "kind": "opening",
        "description": rich_text(""),
        "live_stream_url": "",
        "recording_url": "",
        "materials": streamfield([]),
        "people": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def event_form(event, **fields):
    data = {
        "title": event.title,
        "slug": event.slug,
        "summary": event.summary,
        "start_date": str(event.start_date),
        "end_date": str(event.end_date),
        "time_zone": event.time_zone,
        "format": event.format,
        "venue": "",
        "streaming_platform": "",
        "spoken_language": "",
        "interpretation": "",
        "registration_url": "",
        "hero_image_alt_text": "",
        "organisers": streamfield([]),
        "intro": rich_text(""),
        "objectives": rich_text(""),
        "topics": streamfield([]),
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


class EventPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_events_index()
        cls.event = make_event(index=cls.index)
        cls.session = add_session(cls.event, slug="opening", people=[(PersonFactory(), "speaker")])
        translate(cls.index.get_parent())
        translate(cls.index, title="イベント")
        cls.event_ja = translate(cls.event, title="フォーラム")
        cls.session_ja = translate(cls.session, title="開会")

    def test_event_pages_go_under_an_events_index_and_sessions_under_events(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanCreateAt(EventPage, SessionPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventPage)
        self.assertCanNotCreateAt(EventIndexPage, SessionPage)
        self.assertCanNotCreateAt(SessionPage, SessionPage)

    def test_every_event_page_type_renders_in_english_and_japanese(self):
        for page in (self.index, self.event, self.session):
            with self.subTest(page=page.title):
                self.assertEqual(self.client.get(page.url).status_code, 200)
        self.assertContains(self.client.get("/ja/events/"), "<h1>イベント</h1>", html=False)
        self.assertContains(self.client.get("/ja/events/forum/"), "フォーラム")
        self.assertContains(self.client.get("/ja/events/forum/opening/"), "開会")

    def test_events_and_sessions_are_editable_and_previewable(self):
        self.assertPageIsEditable(self.event, post_data=event_form(self.event))
        self.assertPageIsPreviewable(self.event, post_data=event_form(self.event))
        self.assertPageIsEditable(self.session_ja, post_data=session_form(slug="opening"))
        self.assertPageIsPreviewable(self.session, post_data=session_form(slug="opening"))


class SessionAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(time_zone="America/New_York")
        cls.admin = make_admin()

    def setUp(self):
        self.client.force_login(self.admin)

    def create(self, **fields):
        return self.client.post(
            f"/admin/pages/add/events/sessionpage/{self.event.pk}/", session_form(**fields)
        )

    def test_times_are_typed_in_the_events_zone(self):
        response = self.create()
        self.assertEqual(response.status_code, 302, response.content[-2000:])
        session = SessionPage.objects.get(slug="opening")
        self.assertEqual(session.start, datetime.datetime(2022, 3, 9, 1, 0, tzinfo=datetime.UTC))

    def test_the_edit_form_shows_times_in_the_events_zone(self):
        session = add_session(
            self.event,
            slug="later",
            start=eastern(2022, 3, 8, 21, 5),
            end=eastern(2022, 3, 8, 22, 10),
        )
        response = self.client.get(f"/admin/pages/{session.pk}/edit/")
        self.assertContains(response, 'value="2022-03-08 21:05"')
        self.assertContains(response, "In the event&#x27;s time zone: America/New_York.")

    def test_a_session_that_ends_before_it_starts_is_refused(self):
        response = self.create(start="2022-03-08 21:00", end="2022-03-08 20:00")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A session must end after it starts.")
        self.assertFalse(SessionPage.objects.filter(slug="opening").exists())

    def test_a_session_outside_the_events_dates_is_refused(self):
        response = self.create(start="2022-03-12 10:00", end="2022-03-12 11:00")
        self.assertContains(
            response,
            "This session falls outside the event&#x27;s dates (2022-03-08 – 2022-03-10, America/New_York).",
        )
        self.assertFalse(SessionPage.objects.filter(slug="opening").exists())

    def test_an_event_whose_last_day_is_before_its_first_is_refused(self):
        response = self.client.post(
            f"/admin/pages/{self.event.pk}/edit/",
            event_form(self.event, start_date="2022-03-10", end_date="2022-03-08"),
        )
        self.assertContains(response, "The last day cannot be before the first day.")

    def test_an_unknown_time_zone_is_refused(self):
        response = self.client.post(
            f"/admin/pages/{self.event.pk}/edit/",
            event_form(self.event, time_zone="Mars/Olympus_Mons"),
        )
        self.assertContains(response, "is not a time zone name")
