"""Editors can create each page type where it belongs, edit and preview it, in both languages."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory, make_site, page_form_data, translate


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.home_ja = translate(cls.home, hero_heading="持続可能性をめざす自治体")

    def test_home_pages_sit_at_the_top_of_the_tree_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_home_page_renders_in_english_and_japanese(self):
        english = self.client.get("/en/")
        self.assertContains(english, "Local governments for sustainability")
        self.assertContains(english, '<html lang="en">')
        japanese = self.client.get("/ja/")
        self.assertContains(japanese, "持続可能性をめざす自治体")
        self.assertContains(japanese, '<html lang="ja">')

    def test_home_page_is_editable_and_previewable(self):
        self.assertPageIsEditable(self.home, post_data=page_form_data(self.home))
        self.assertPageIsPreviewable(self.home, post_data=page_form_data(self.home))
        self.assertPageIsEditable(self.home_ja, post_data=page_form_data(self.home_ja))


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.page = StandardPageFactory(parent=cls.home, title="Policies", slug="policies")
        translate(cls.home)
        cls.page_ja = translate(cls.page, title="方針")

    def test_standard_pages_go_under_the_home_page_or_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_standard_page_renders_in_english_and_japanese(self):
        self.assertContains(self.client.get("/en/policies/"), "<h1>Policies</h1>", html=False)
        self.assertContains(self.client.get("/ja/policies/"), "<h1>方針</h1>", html=False)

    def test_standard_page_is_editable_and_previewable(self):
        self.assertPageIsEditable(self.page, post_data=page_form_data(self.page))
        self.assertPageIsPreviewable(self.page, post_data=page_form_data(self.page))
        self.assertPageIsPreviewable(self.page_ja, post_data=page_form_data(self.page_ja))


class SchedulingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()

    def test_a_scheduled_page_goes_live_only_at_its_time(self):
        from datetime import timedelta
        from unittest import mock

        from django.core.management import call_command
        from django.utils import timezone

        page = StandardPageFactory(parent=self.home, title="Later", slug="later", live=False)
        page.go_live_at = timezone.now() + timedelta(days=1)
        revision = page.save_revision()
        revision.publish()
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(self.client.get("/en/later/").status_code, 404)

        # The day comes: Wagtail's scheduler (cron: publish_scheduled) publishes it.
        the_day_after = timezone.now() + timedelta(days=2)
        with (
            mock.patch("django.utils.timezone.now", return_value=the_day_after),
            self.captureOnCommitCallbacks(execute=True),
        ):
            call_command("publish_scheduled")
        self.assertEqual(self.client.get("/en/later/").status_code, 200)
