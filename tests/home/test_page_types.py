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
