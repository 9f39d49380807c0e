"""Search engines find every live page in both languages, with their alternates."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from tests.factories import StandardPageFactory, make_site, translate

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.about = StandardPageFactory(parent=cls.home, title="About")
        cls.draft = StandardPageFactory(parent=cls.home, title="Draft", live=False)
        translate(cls.about, title="概要")

    def _entries(self) -> dict[str, dict[str, str]]:
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        root = ET.fromstring(response.content)
        return {
            url.find("s:loc", NS).text: {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            for url in root.findall("s:url", NS)
        }

    def test_sitemap_lists_live_pages_in_both_languages(self):
        entries = self._entries()
        self.assertEqual(
            set(entries),
            {
                "http://testserver/en/",
                "http://testserver/ja/",
                "http://testserver/en/about/",
                "http://testserver/ja/about/",
            },
        )

    def test_each_entry_names_its_translations_and_a_default(self):
        alternates = self._entries()["http://testserver/ja/about/"]
        self.assertEqual(
            alternates,
            {
                "en": "http://testserver/en/about/",
                "ja": "http://testserver/ja/about/",
                "x-default": "http://testserver/en/about/",
            },
        )

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn("Sitemap: http://testserver/sitemap.xml", response.content.decode())
        self.assertIn("Disallow: /admin/", response.content.decode())

    def test_the_sitemap_costs_the_same_queries_for_more_pages(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        def queries() -> int:
            self.client.get("/sitemap.xml")
            with CaptureQueriesContext(connection) as captured:
                self.client.get("/sitemap.xml")
            return len(captured)

        before = queries()
        for number in range(8):
            translate(StandardPageFactory(parent=self.home, slug=f"more-{number}"))
        self.assertEqual(queries(), before)
