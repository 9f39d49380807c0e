"""Changing an event's days or time zone after its sessions exist is refused or explained."""

import datetime
import zoneinfo

from django.test import TestCase
from django.urls import reverse

from events.forms import time_zone_choices
from events.models import EventPage, SessionPage
from events.schedule_changes import keep_local_time
from tests.admin_forms import PAGE_FORM, form_data_as_rendered, form_errors
from tests.factories import (
    add_session,
    eastern,
    make_admin,
    make_event,
)

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def local(instant: datetime.datetime, zone: zoneinfo.ZoneInfo) -> str:
    return f"{instant.astimezone(zone):%Y-%m-%d %H:%M}"


class EventScheduleChangeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(
            time_zone="America/New_York",
            start_date=datetime.date(2022, 3, 8),
            end_date=datetime.date(2022, 3, 10),
        )
        cls.event.save_revision().publish()
        first_day, last_day = eastern(2022, 3, 8, 20, 0), eastern(2022, 3, 10, 9, 10)
        cls.opening = add_session(cls.event, title="Opening remarks", start=first_day, minutes=10)
        cls.closing = add_session(cls.event, title="Closing remarks", start=last_day, minutes=5)
        cls.admin = make_admin()

    def setUp(self):
        self.client.force_login(self.admin)
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.event.pk])

    def post_event(self, **changes):
        html = self.client.get(self.edit_url).content.decode()
        data = form_data_as_rendered(html=html, form_id=PAGE_FORM, model=EventPage)
        for name, value in changes.items():
            data[name.replace("_", "-") if name.startswith("action") else name] = value
        return self.client.post(self.edit_url, data, follow=False)

    def latest(self, session: SessionPage) -> SessionPage:
        return SessionPage.objects.get(pk=session.pk).get_latest_revision_as_object()

    def test_the_time_zone_is_chosen_from_a_list_of_iana_zones(self):
        response = self.client.get(self.edit_url)
        self.assertContains(response, '<select name="time_zone"')
        self.assertContains(response, '<option value="America/New_York" selected>')
        self.assertContains(response, '<option value="Asia/Tokyo">')
        names = [name for name, _label in time_zone_choices()]
        self.assertEqual(names[1:], sorted(names[1:]))
        self.assertIn("Europe/Berlin", names)

    def test_shortening_the_days_under_a_session_is_refused_naming_it(self):
        response = self.post_event(end_date="2022-03-09")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "would fall outside the event&#x27;s days")
        self.assertContains(response, "Closing remarks")
        self.assertNotContains(response, "“Opening remarks”")
        self.assertEqual(
            EventPage.objects.get(pk=self.event.pk).end_date, datetime.date(2022, 3, 10)
        )

    def test_moving_the_first_day_past_a_session_is_refused_naming_it(self):
        response = self.post_event(start_date="2022-03-09")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Opening remarks")

    def test_days_that_still_hold_every_session_are_accepted(self):
        response = self.post_event(start_date="2022-03-07", end_date="2022-03-11")
        self.assertEqual(response.status_code, 302, form_errors(response))
        self.assertFalse(SessionPage.objects.get(pk=self.opening.pk).has_unpublished_changes)

    def test_a_new_zone_keeps_the_sessions_local_times_as_drafts_and_says_so(self):
        response = self.post_event(time_zone="Asia/Tokyo")
        self.assertEqual(response.status_code, 302, form_errors(response))
        opening, closing = self.latest(self.opening), self.latest(self.closing)
        self.assertEqual(local(opening.start, TOKYO), "2022-03-08 20:00")
        self.assertEqual(local(opening.end, TOKYO), "2022-03-08 20:10")
        self.assertEqual(local(closing.start, TOKYO), "2022-03-10 09:10")
        # Saved, not published: visitors keep the approved programme until a moderator approves.
        live = SessionPage.objects.get(pk=self.opening.pk)
        self.assertEqual(live.start, eastern(2022, 3, 8, 20, 0))
        self.assertTrue(live.has_unpublished_changes)
        messages = [str(message) for message in response.wsgi_request._messages]
        self.assertTrue(any("2 sessions were moved" in message for message in messages), messages)

    def test_publishing_a_new_zone_publishes_the_moved_sessions_with_the_event(self):
        response = self.post_event(time_zone="Asia/Tokyo", action_publish="action-publish")
        self.assertEqual(response.status_code, 302, form_errors(response))
        self.assertEqual(EventPage.objects.get(pk=self.event.pk).time_zone, "Asia/Tokyo")
        live = SessionPage.objects.get(pk=self.opening.pk)
        self.assertEqual(local(live.start, TOKYO), "2022-03-08 20:00")
        self.assertFalse(live.has_unpublished_changes)

    def test_a_new_zone_and_fewer_days_together_are_refused_if_a_session_falls_out(self):
        response = self.post_event(time_zone="Asia/Tokyo", end_date="2022-03-09")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Closing remarks")
        self.assertFalse(SessionPage.objects.get(pk=self.closing.pk).has_unpublished_changes)

    def test_saving_the_event_unchanged_leaves_the_sessions_alone(self):
        response = self.post_event()
        self.assertEqual(response.status_code, 302, form_errors(response))
        self.assertFalse(SessionPage.objects.get(pk=self.opening.pk).has_unpublished_changes)


class KeepLocalTimeTests(TestCase):
    def test_ten_oclock_stays_ten_oclock_in_the_new_zone(self):
        moved = keep_local_time(
            eastern(2022, 3, 9, 10, 0), old_zone="America/New_York", new_zone="Europe/Berlin"
        )
        self.assertEqual(local(moved, zoneinfo.ZoneInfo("Europe/Berlin")), "2022-03-09 10:00")
