"""Events as search engines and shared links show them: where to watch, who speaks, a picture."""

import json

from django.test import TestCase

import wagtail_factories

from home.models import SharingSettings
from home.sharing_image import SHARING_RENDITION
from tests.factories import PersonFactory, add_session, eastern, make_event, translate
from tests.visible import soup

STREAM = "https://www.youtube.com/watch?v=example-stream"
SECOND_STREAM = "https://www.youtube.com/watch?v=example-second"


def event_json_ld(response) -> dict:
    scripts = soup(response).find_all("script", type="application/ld+json")
    (event,) = [
        data for data in (json.loads(s.string) for s in scripts) if data.get("@type") == "Event"
    ]
    return event


def description(response) -> str:
    return soup(response).find("meta", attrs={"name": "description"})["content"]


class EventStructuredDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hero = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
        cls.event = make_event(
            title="Forum",
            hero_image=cls.hero,
            hero_image_alt_text="Mayors on a stage",
            organisers=[
                {
                    "type": "organisation",
                    "value": {
                        "name": "A Ministry",
                        "role": "organiser",
                        "url": "https://m.example",
                    },
                },
                {"type": "organisation", "value": {"name": "B", "role": "organiser", "url": ""}},
                {"type": "organisation", "value": {"name": "C", "role": "collaborator", "url": ""}},
            ],
        )
        minister, mayor, rapporteur = (
            PersonFactory(name="MINISTER One"),
            PersonFactory(name="MAYOR Two"),
            PersonFactory(name="RAPPORTEUR Three"),
        )
        add_session(
            cls.event,
            title="Opening",
            start=eastern(2022, 3, 8, 20, 0),
            minutes=15,
            live_stream_url=STREAM,
            people=[(minister, "remarks"), (rapporteur, "rapporteur")],
        )
        add_session(
            cls.event,
            title="Plenary",
            start=eastern(2022, 3, 8, 20, 30),
            minutes=60,
            live_stream_url=STREAM,
            people=[(mayor, "speaker"), (minister, "panellist")],
        )
        add_session(
            cls.event,
            title="Parallel",
            start=eastern(2022, 3, 8, 20, 30),
            minutes=60,
            live_stream_url=SECOND_STREAM,
        )
        add_session(cls.event, title="Closing", start=eastern(2022, 3, 8, 22, 0), minutes=15)

    def test_the_event_names_its_picture_organisers_speakers_and_status(self):
        data = event_json_ld(self.client.get("/en/events/forum/"))
        self.assertEqual(
            data["image"], ["http://testserver" + self.hero.get_rendition(SHARING_RENDITION).url]
        )
        self.assertEqual(
            data["organizer"],
            [
                {"@type": "Organization", "name": "A Ministry", "url": "https://m.example"},
                {"@type": "Organization", "name": "B"},
            ],
        )
        # Everyone who speaks, once, in order of first appearance; rapporteurs report, not perform.
        self.assertEqual([p["name"] for p in data["performer"]], ["MINISTER One", "MAYOR Two"])
        self.assertEqual(data["eventStatus"], "https://schema.org/EventScheduled")

    def test_online_attendance_points_to_the_streams(self):
        data = event_json_ld(self.client.get("/en/events/forum/"))
        self.assertEqual(
            data["location"],
            [
                {"@type": "VirtualLocation", "url": STREAM},
                {"@type": "VirtualLocation", "url": SECOND_STREAM},
            ],
        )
        locations = {s["name"]: s["location"] for s in data["subEvent"]}
        self.assertEqual(locations["Opening"], [{"@type": "VirtualLocation", "url": STREAM}])
        # No stream announced yet: the session's page, where it will be linked.
        self.assertEqual(
            locations["Closing"],
            [{"@type": "VirtualLocation", "url": "http://testserver/en/events/forum/closing/"}],
        )

    def test_the_event_page_shares_its_hero_image_with_its_alt_text(self):
        html = soup(self.client.get("/en/events/forum/"))
        self.assertEqual(html.find("meta", property="og:image:alt")["content"], "Mayors on a stage")
        self.assertEqual(html.find("meta", property="og:image:width")["content"], "1200")


class EventPagesWithoutAPictureTests(TestCase):
    def test_the_sites_default_picture_stands_in_for_the_event(self):
        default = wagtail_factories.ImageFactory()
        sharing = SharingSettings.load()
        sharing.default_social_image = default
        sharing.save()
        make_event(title="Forum")
        data = event_json_ld(self.client.get("/en/events/forum/"))
        self.assertEqual(
            data["image"], ["http://testserver" + default.get_rendition(SHARING_RENDITION).url]
        )

    def test_without_any_picture_the_event_has_no_image_and_still_renders(self):
        make_event(title="Forum")
        self.assertNotIn("image", event_json_ld(self.client.get("/en/events/forum/")))


class SessionAndIndexDescriptionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(title="Forum", japanese=True)
        cls.session = add_session(
            cls.event, title="Framing", start=eastern(2022, 3, 8, 20, 0), minutes=30
        )
        translate(cls.event, title="フォーラム")
        translate(cls.session, title="フレーミング")

    def test_a_session_without_a_description_says_which_event_and_day(self):
        self.assertEqual(
            description(self.client.get("/en/events/forum/framing/")),
            "Framing — part of Forum, Tuesday 8 March 2022.",
        )
        # Japanese pages give Japan's date: 20:00 EST on 8 March is 10:00 JST on 9 March.
        self.assertEqual(
            description(self.client.get("/ja/events/forum/framing/")),
            "フォーラム（2022年3月9日(水)）のセッション「フレーミング」。",
        )

    def test_a_session_description_written_by_the_editor_is_used(self):
        self.session.description = "<p>How cities <b>frame</b> the question.</p>"
        self.session.save_revision().publish()
        self.assertEqual(
            description(self.client.get("/en/events/forum/framing/")),
            "How cities frame the question.",
        )

    def test_an_events_index_without_an_introduction_says_what_it_lists(self):
        self.assertEqual(
            description(self.client.get("/en/events/")),
            "Upcoming and past events of the network, with their programmes.",
        )
        self.assertEqual(
            description(self.client.get("/ja/events/")),
            "ネットワークの今後のイベントと過去のイベント、そのプログラムです。",
        )
