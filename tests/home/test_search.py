"""Visitors search in their own language; odd queries give a normal page."""

from django.test import TestCase

from home.search import SEARCH_QUERY_MAX_LENGTH, clean_search_query
from tests.factories import StandardPageFactory, make_site, translate


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.page = StandardPageFactory(
            parent=cls.home, title="Climate resilience", slug="resilience"
        )
        translate(cls.page, title="気候 レジリエンス")

    def test_search_finds_pages_in_the_visitors_language_only(self):
        response = self.client.get("/en/search/", {"q": "resilience"})
        self.assertContains(response, 'href="/en/resilience/"')
        self.assertNotContains(response, 'href="/ja/resilience/"')

    def test_empty_query_invites_a_search(self):
        for query in ("", "   ", "\x00\x01"):
            with self.subTest(query=query):
                response = self.client.get("/en/search/", {"q": query})
                self.assertContains(response, "Type one or more words to search the site.")

    def test_very_long_query_is_shortened_with_a_note(self):
        response = self.client.get("/en/search/", {"q": "resilience " * 200})
        self.assertContains(response, "Your search was long")

    def test_japanese_only_and_odd_queries_give_a_normal_page(self):
        for query in (
            "自治体",
            "ＡＢＣ　全角",
            "<script>alert(1)</script>",
            "\"'",
            "OR AND NOT",
            "*",
            "%",
        ):
            with self.subTest(query=query):
                response = self.client.get("/ja/search/", {"q": query})
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<script>alert(1)</script>")

    def test_bad_page_numbers_give_a_normal_page(self):
        for number in ("abc", "-1", "0", "99999999999999999999"):
            with self.subTest(page=number):
                response = self.client.get("/en/search/", {"q": "resilience", "page": number})
                self.assertEqual(response.status_code, 200)

    def test_search_page_links_to_the_same_search_in_the_other_language(self):
        response = self.client.get("/en/search/", {"q": "resilience"})
        self.assertContains(response, 'href="http://testserver/ja/search/?q=resilience"')


class CleanSearchQueryTests(TestCase):
    def test_full_width_characters_become_half_width(self):
        self.assertEqual(clean_search_query("ＣＯＰ２６").text, "COP26")

    def test_control_characters_and_extra_spaces_go(self):
        self.assertEqual(clean_search_query(" zero\x00\n  carbon ").text, "zero carbon")

    def test_length_is_capped(self):
        query = clean_search_query("x" * 1000)
        self.assertEqual(len(query.text), SEARCH_QUERY_MAX_LENGTH)
        self.assertTrue(query.was_truncated)
