"""The header menu and footer show the editors' latest version, in the visitor's language, cheaply."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    FooterFactory,
    MainMenuFactory,
    StandardPageFactory,
    make_site,
    translate,
)


def menu_links(*pages):
    return [
        {"type": "link", "value": {"label": "", "page": page.pk, "external_url": ""}}
        for page in pages
    ]


class SiteChromeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.about = StandardPageFactory(parent=cls.home, title="About")
        cls.news = StandardPageFactory(parent=cls.home, title="News")
        cls.menu = MainMenuFactory(links=menu_links(cls.about))
        cls.footer = FooterFactory()
        translate(cls.about, title="概要")
        translate(cls.menu)
        translate(cls.footer, organisation_name="テストネットワーク")

    def test_menu_links_go_to_the_page_in_the_visitors_language(self):
        self.assertContains(self.client.get("/en/"), '<a href="/en/about/">About</a>', html=True)
        self.assertContains(self.client.get("/ja/"), '<a href="/ja/about/">概要</a>', html=True)

    def test_current_page_is_marked_in_the_menu(self):
        response = self.client.get("/en/about/")
        self.assertContains(
            response, '<a href="/en/about/" aria-current="page">About</a>', html=True
        )

    def test_menu_changes_show_at_once(self):
        self.client.get("/en/")
        self.menu.links = menu_links(self.about, self.news)
        self.menu.save()
        self.assertContains(self.client.get("/en/"), '<a href="/en/news/">News</a>', html=True)

    def test_unpublished_pages_drop_out_of_the_menu(self):
        self.client.get("/en/")
        self.about.unpublish()
        self.assertNotContains(self.client.get("/en/news/"), 'href="/en/about/"')

    def test_footer_speaks_the_visitors_language(self):
        self.assertContains(self.client.get("/ja/"), "テストネットワーク")
        self.assertContains(self.client.get("/en/"), "Test Network")

    def test_a_longer_menu_costs_no_extra_queries(self):
        self.client.get("/en/")
        with CaptureQueriesContext(connection) as short_menu:
            self.client.get("/en/")
        pages = [StandardPageFactory(parent=self.home) for _ in range(8)]
        self.menu.links = menu_links(self.about, *pages)
        self.menu.save()
        self.client.get("/en/")
        with CaptureQueriesContext(connection) as long_menu:
            response = self.client.get("/en/")
        self.assertContains(response, pages[-1].title)
        self.assertEqual(len(long_menu), len(short_menu))
