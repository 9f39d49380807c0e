"""Visitors add sessions to their calendar; search engines read the event as schema.org data."""

import json
import re

from django.test import TestCase

import icalendar

from tests.factories import PersonFactory, add_session, eastern, make_event

RECORDING = "https://video.example.org/plenary"


def add_opening_and_plenary(event, *, opening_people=()):
    """A 15-minute opening on day one and a recorded plenary on day three, both in EST."""
    day_one, day_three = eastern(2022, 3, 8, 20, 0), eastern(2022, 3, 10, 7, 0)
    return [
        add_session(event, title="Opening", start=day_one, minutes=15, people=opening_people),
        add_session(event, title="Plenary", start=day_three, minutes=135, recording_url=RECORDING),
    ]


class CalendarTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(title="Forum")
        cls.sessions = add_opening_and_plenary(cls.event)

    def test_event_calendar_has_one_entry_per_session_at_the_right_instants(self):
        response = self.client.get("/en/events/forum/calendar/")
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        calendar = icalendar.Calendar.from_ical(response.content)
        entries = calendar.walk("VEVENT")
        self.assertEqual(len(entries), 2)
        for entry, session in zip(entries, self.sessions, strict=True):
            self.assertEqual(entry.decoded("dtstart"), session.start)
            self.assertEqual(entry.decoded("dtend"), session.end)
            self.assertIn(session.title, str(entry["summary"]))
            self.assertEqual(str(entry["url"]), f"http://testserver{session.url}")
        self.assertEqual(len({str(entry["uid"]) for entry in entries}), 2)

    def test_session_calendar_has_that_session(self):
        response = self.client.get("/en/events/forum/opening/calendar/")
        entries = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        self.assertEqual(len(entries), 1)
        self.assertEqual(entries[0].decoded("dtstart").isoformat(), "2022-03-09T01:00:00+00:00")

    def test_calendar_is_discoverable_from_the_pages(self):
        self.assertContains(
            self.client.get("/en/events/forum/"),
            '<link rel="alternate" type="text/calendar" href="/en/events/forum/calendar/"',
        )
        self.assertContains(
            self.client.get("/en/events/forum/opening/"),
            'type="text/calendar" href="/en/events/forum/opening/calendar/"',
        )


class StructuredDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(
            title="Forum </script><script>alert(1)</script>",
            organisers=[
                {
                    "type": "organisation",
                    "value": {
                        "name": "Ministry of the Environment, Japan",
                        "role": "organiser",
                        "url": "",
                    },
                },
                {
                    "type": "organisation",
                    "value": {"name": "IGES", "role": "collaborator", "url": ""},
                },
            ],
        )
        add_opening_and_plenary(
            cls.event, opening_people=[(PersonFactory(name="SHODA Yutaka"), "remarks")]
        )

    def json_ld(self):
        html = self.client.get("/en/events/forum/").content.decode()
        scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
        events = [data for data in map(json.loads, scripts) if data.get("@type") == "Event"]
        self.assertEqual(len(events), 1)
        return events[0]

    def test_event_is_an_online_event_with_a_virtual_location_and_organisers(self):
        data = self.json_ld()
        self.assertEqual(data["@type"], "Event")
        self.assertEqual(
            data["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode"
        )
        self.assertEqual(
            data["location"],
            [{"@type": "VirtualLocation", "url": "http://testserver/en/events/forum/"}],
        )
        self.assertEqual(
            [o["name"] for o in data["organizer"]], ["Ministry of the Environment, Japan"]
        )
        self.assertEqual(data["startDate"], "2022-03-08T20:00:00-05:00")

    def test_sessions_are_sub_events_and_recordings_are_videos(self):
        sub_events = self.json_ld()["subEvent"]
        self.assertEqual([s["name"] for s in sub_events], ["Opening", "Plenary"])
        self.assertEqual(sub_events[0]["performer"], [{"@type": "Person", "name": "SHODA Yutaka"}])
        self.assertNotIn("recordedIn", sub_events[0])
        self.assertEqual(sub_events[1]["recordedIn"]["@type"], "VideoObject")
        self.assertEqual(sub_events[1]["recordedIn"]["embedUrl"], RECORDING)

    def test_titles_cannot_break_out_of_the_script(self):
        self.assertIn("</script><script>alert(1)</script>", self.json_ld()["name"])


class RestrictedSessionTests(TestCase):
    """A session behind a password is on the programme, but its stream is told to no one else."""

    @classmethod
    def setUpTestData(cls):
        from wagtail.models import PageViewRestriction

        cls.event = make_event(title="Forum")
        add_session(
            cls.event,
            title="Open session",
            start=eastern(2022, 3, 8, 9, 0),
            minutes=30,
            live_stream_url="https://stream.example.org/open",
        )
        members = add_session(
            cls.event,
            title="Members only",
            description="<p>The secret agenda</p>",
            start=eastern(2022, 3, 9, 9, 0),
            minutes=30,
            live_stream_url="https://zoom.example/j/SECRET",
        )
        PageViewRestriction.objects.create(
            page=members, restriction_type=PageViewRestriction.PASSWORD, password="pw"
        )

    def test_the_event_page_lists_the_session_but_its_json_ld_leaves_it_out(self):
        html = self.client.get("/en/events/forum/").content.decode()
        scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
        script = "".join(scripts)
        (data,) = [d for d in map(json.loads, scripts) if d.get("@type") == "Event"]
        self.assertEqual([s["name"] for s in data["subEvent"]], ["Open session"])
        self.assertEqual(
            data["location"],
            [{"@type": "VirtualLocation", "url": "https://stream.example.org/open"}],
        )
        self.assertEqual(data["endDate"], "2022-03-08T09:30:00-05:00")
        for word in ("SECRET", "Members only", "secret agenda"):
            with self.subTest(word=word):
                self.assertNotIn(word, script)
        # The visible programme still names it; the session page asks for the password.
        self.assertIn("Members only", html)
        members = self.client.get("/en/events/forum/members-only/")
        self.assertNotContains(members, "SECRET", status_code=200)

    def test_the_event_calendar_leaves_the_session_out(self):
        response = self.client.get("/en/events/forum/calendar/")
        entries = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        self.assertEqual([str(entry["summary"]) for entry in entries], ["Open session – Forum"])
        for word in (b"SECRET", b"Members only", b"secret agenda"):
            with self.subTest(word=word):
                self.assertNotIn(word, response.content)
        own_file = self.client.get("/en/events/forum/members-only/calendar/")
        self.assertNotContains(own_file, "SECRET", status_code=200)
