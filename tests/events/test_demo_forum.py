"""The demo forum is the seed's programme, at the right instants, in English and Japanese."""

import datetime

from wagtail.models import Locale
from wagtail_localize.models import Translation

from events.models import EventPage, Person, SessionPage
from tests.demo_site import DemoSiteTestCase
from tests.visible import unseen

SLUG = "zero-carbon-city-international-forum-2022"


class DemoForumTests(DemoSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.forum = EventPage.objects.get(slug=SLUG, locale__language_code="en")
        cls.forum_ja = EventPage.objects.get(slug=SLUG, locale__language_code="ja")

    def test_every_session_of_the_seed_is_there_at_its_instant(self):
        sessions = list(SessionPage.objects.child_of(self.forum).order_by("start"))
        self.assertEqual(len(sessions), 10)
        utc = datetime.UTC
        # 20:00 EST on 8 March = 10:00 JST on 9 March = 01:00 UTC on 9 March.
        self.assertEqual(sessions[0].start, datetime.datetime(2022, 3, 9, 1, 0, tzinfo=utc))
        # Day 2: 07:00 EST on 10 March = 21:00 JST.
        self.assertEqual(sessions[5].start, datetime.datetime(2022, 3, 10, 12, 0, tzinfo=utc))
        self.assertEqual(sessions[-1].end, datetime.datetime(2022, 3, 10, 14, 15, tzinfo=utc))

    def test_japanese_forum_is_a_wagtail_localize_translation_in_step(self):
        japanese = Locale.objects.get(language_code="ja")
        translation = Translation.objects.get(
            source__object_id=self.forum.translation_key, target_locale=japanese
        )
        total, translated = translation.get_progress()
        self.assertEqual(total, translated)
        english = list(
            SessionPage.objects.child_of(self.forum).order_by("start").values_list("start", "end")
        )
        japanese_times = list(
            SessionPage.objects.child_of(self.forum_ja)
            .order_by("start")
            .values_list("start", "end")
        )
        self.assertEqual(japanese_times, english)

    def test_the_people_the_seed_names_exist_in_both_languages(self):
        english = set(
            Person.objects.filter(locale__language_code="en").values_list("name", flat=True)
        )
        self.assertLessEqual({"YAMAGUCHI Tsuyoshi", "SHODA Yutaka"}, english)
        self.assertEqual(Person.objects.filter(locale__language_code="ja").count(), len(english))

    def test_forum_pages_read_well_in_both_languages(self):
        english = self.client.get(self.forum.url)
        self.assertContains(english, "20:00 EST")
        self.assertContains(
            english, "City-to-city collaboration to accelerate the decarbonization dominoes"
        )
        self.assertContains(english, "SHODA Yutaka")
        japanese = self.client.get(self.forum_ja.url)
        self.assertEqual(
            unseen(
                japanese,
                "10:00 JST",
                "2022年3月9日(水)",
                "脱炭素ドミノを加速する都市間連携",
                "正田 寛",
            ),
            [],
        )

    def test_lost_links_are_left_empty_not_invented(self):
        self.assertFalse(SessionPage.objects.exclude(live_stream_url="").exists())
        self.assertFalse(SessionPage.objects.exclude(recording_url="").exists())
        self.assertContains(self.client.get(self.forum.url), "The recording will follow.")

    def test_home_features_the_forum(self):
        self.assertContains(self.client.get("/en/"), "Zero Carbon City International Forum")
        self.assertContains(self.client.get("/ja/"), "ゼロカーボンシティ国際フォーラム")
