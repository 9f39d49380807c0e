"""Editors can create each page type where it belongs, edit and preview it, in both languages."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory, make_site, page_form_data, translate
from tests.visible import soup, unseen


def assert_editable_and_previewable(test: WagtailPageTestCase, *pages) -> None:
    """Each page saves and previews unchanged through the editor."""
    for page in pages:
        with test.subTest(page=page.url_path):
            test.assertPageIsEditable(page, post_data=page_form_data(page))
            test.assertPageIsPreviewable(page, post_data=page_form_data(page))


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
        for path, language_code, heading in (
            ("/en/", "en", "Local governments for sustainability"),
            ("/ja/", "ja", "持続可能性をめざす自治体"),
        ):
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(unseen(response, heading), [])
                self.assertEqual(soup(response).html["lang"], language_code)

    def test_home_page_is_editable_and_previewable(self):
        assert_editable_and_previewable(self, self.home, self.home_ja)


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.page = StandardPageFactory(parent=cls.home, title="Policies")
        cls.page_ja = translate(cls.page, title="方針")

    def test_standard_pages_go_under_the_home_page_or_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_standard_page_renders_in_english_and_japanese(self):
        self.assertContains(self.client.get("/en/policies/"), "<h1>Policies</h1>", html=False)
        self.assertContains(self.client.get("/ja/policies/"), "<h1>方針</h1>", html=False)

    def test_standard_page_is_editable_and_previewable(self):
        assert_editable_and_previewable(self, self.page, self.page_ja)


class SchedulingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()

    def test_a_scheduled_page_goes_live_only_at_its_time(self):
        from datetime import timedelta
        from unittest import mock

        from django.core.management import call_command
        from django.utils import timezone

        page = StandardPageFactory(parent=self.home, title="Later", live=False)
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
