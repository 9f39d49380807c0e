"""Visitors search in their own language; odd queries give a normal page."""

from io import StringIO
from unittest import mock

from django.core.checks import run_checks
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

from home.search import SEARCH_QUERY_MAX_LENGTH, clean_search_query, search_pages
from home.search_analysis import analyse
from home.search_documents import SearchDocument
from tests.factories import StandardPageFactory, load_demo, make_site, translate
from tests.visible import search_result_links, soup


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


class EnglishWordFormsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site()
        StandardPageFactory(parent=home, title="Women in leadership", slug="leadership")
        StandardPageFactory(parent=home, title="Road to COP 26", slug="cop")

    def results(self, query: str) -> list[str]:
        return search_result_links(self.client.get("/en/search/", {"q": query}))

    def test_a_possessive_or_contraction_needs_no_stray_letter_on_the_page(self):
        for query in ("women's leadership", "women’s leadership", "Women’s"):
            with self.subTest(query=query):
                self.assertEqual(self.results(query), ["/en/leadership/"])

    def test_letters_and_digits_typed_together_find_them_written_apart(self):
        for query in ("COP26", "cop 26", "ＣＯＰ２６", "road to cop26"):
            with self.subTest(query=query):
                self.assertEqual(self.results(query), ["/en/cop/"])
        self.assertEqual(self.results("COP27"), [])


class LongPagePassageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site()
        cls.sentence = "東京都は気候変動対策を進めています。"
        for number in range(3):
            StandardPageFactory(
                parent=home,
                title=f"Kappa {number}",
                slug=f"kappa-{number}",
                intro=f"<p>{cls.sentence * 700}</p>",
            )

    def test_a_long_page_found_by_its_title_costs_only_its_first_characters(self):
        with mock.patch("home.search_passages.analyse", wraps=analyse) as analysed:
            response = self.client.get("/en/search/", {"q": "kappa"})
        self.assertEqual(len(search_result_links(response)), 3)
        characters = sum(len(call.args[0]) for call in analysed.call_args_list)
        # Each page holds 12,600 characters; a passage is looked for in its first 6,000 at most.
        self.assertLessEqual(characters, 3 * 6000)

    def test_a_passage_is_still_found_early_in_a_long_page(self):
        response = self.client.get("/en/search/", {"q": "kappa 気候変動"})
        passages = soup(response).select(".search-results__passage")
        self.assertEqual(len(passages), 3)
        self.assertIn("気候変動", passages[0].find("mark").get_text())


class EmptySearchIndexCheckTests(TestCase):
    def deploy_warnings(self) -> list[str]:
        messages = run_checks(include_deployment_checks=True)
        return [message.id for message in messages if message.id == "home.W001"]

    def test_a_deploy_check_warns_when_live_pages_have_no_search_index(self):
        make_site()
        self.assertEqual(self.deploy_warnings(), [])
        SearchDocument.objects.all().delete()
        self.assertEqual(self.deploy_warnings(), ["home.W001"])
        call_command("rebuild_search_index", stdout=StringIO())
        self.assertEqual(self.deploy_warnings(), [])

    def test_the_check_reads_no_database_outside_a_deploy_check(self):
        with CaptureQueriesContext(connection) as queries:
            run_checks()
        self.assertFalse([query for query in queries if "searchdocument" in query["sql"]])


class CleanSearchQueryTests(TestCase):
    def test_full_width_characters_become_half_width(self):
        self.assertEqual(clean_search_query("ＣＯＰ２６").text, "COP26")

    def test_control_characters_and_extra_spaces_go(self):
        self.assertEqual(clean_search_query(" zero\x00\n  carbon ").text, "zero carbon")

    def test_length_is_capped(self):
        query = clean_search_query("x" * 1000)
        self.assertEqual(len(query.text), SEARCH_QUERY_MAX_LENGTH)
        self.assertTrue(query.was_truncated)


class EnglishSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        StandardPageFactory(
            parent=home,
            title="Adaptation plans",
            slug="adaptation",
            intro="<p>Cities are planning for a resilient future. Heat waves <b>&</b> floods.</p>",
        )
        StandardPageFactory(
            parent=home,
            title="Resilience",
            slug="resilience",
            intro="<p>What the network does.</p>",
        )
        StandardPageFactory(
            parent=home,
            title="Scripts",
            slug="scripts",
            intro="<p>Never run &lt;script&gt;alert(1)&lt;/script&gt; from a stranger.</p>",
        )

    def results(self, query: str) -> list[str]:
        return search_result_links(self.client.get("/en/search/", {"q": query}))

    def test_words_are_found_by_their_stem(self):
        self.assertEqual(self.results("plan city"), ["/en/adaptation/"])
        self.assertEqual(self.results("FLOODING"), ["/en/adaptation/"])

    def test_a_title_match_ranks_above_a_body_match(self):
        self.assertEqual(self.results("resilience"), ["/en/resilience/", "/en/adaptation/"])

    def test_small_words_in_the_query_need_not_be_on_the_page(self):
        self.assertEqual(self.results("plans for the cities"), ["/en/adaptation/"])

    def test_the_passage_marks_the_words_and_escapes_the_text(self):
        response = self.client.get("/en/search/", {"q": "script"})
        passage = soup(response).select_one(".search-results__passage")
        self.assertEqual(
            [mark.get_text() for mark in passage.find_all("mark")], ["script", "script"]
        )
        self.assertIn("&lt;<mark>script</mark>&gt;alert(1)", response.content.decode())
        self.assertNotContains(response, "<script>alert(1)")


class SynonymTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        cls.page = StandardPageFactory(parent=home, title="Warming", slug="warming")
        translate(cls.page, title="温暖化対策", intro="<p>地球温暖化への対応。</p>")
        cls.climate = StandardPageFactory(parent=home, title="Climate", slug="climate")
        translate(cls.climate, title="気候変動", intro="<p>気候変動と都市。</p>")

    def found(self, words: str, synonyms=None) -> list[str]:
        locale = Locale.objects.get(language_code="ja")
        query = clean_search_query(words)
        return [page.url for page in search_pages(query=query, locale=locale, synonyms=synonyms)]

    def test_a_synonym_finds_pages_with_either_word(self):
        self.assertEqual(self.found("温暖化"), ["/ja/warming/"])
        synonyms = {"温暖化": ["気候変動"]}
        self.assertEqual(sorted(self.found("温暖化", synonyms)), ["/ja/climate/", "/ja/warming/"])

    def test_other_words_of_the_query_must_still_match(self):
        synonyms = {"温暖化": ["気候変動"]}
        self.assertEqual(self.found("温暖化 都市", synonyms), ["/ja/climate/"])


class SearchIndexRebuildTests(TestCase):
    def test_the_demo_site_is_indexed_in_both_languages_and_a_rebuild_keeps_it(self):
        load_demo()
        live = Page.objects.live().filter(depth__gt=1)
        self.assertEqual(SearchDocument.objects.count(), live.count())
        before = dict(SearchDocument.objects.values_list("page_id", "body"))
        output = StringIO()
        call_command("rebuild_search_index", stdout=output)
        self.assertIn(f"Indexed {live.count()} live pages", output.getvalue())
        self.assertEqual(dict(SearchDocument.objects.values_list("page_id", "body")), before)
        self.assertTrue(
            SearchDocument.objects.filter(locale__language_code="ja").exclude(body="").exists()
        )


class SearchQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site()
        # Ten results fill one page of results, so both searches show the same pagination.
        for number in range(10):
            kind = "farms" if number % 2 else "turbines"
            StandardPageFactory(parent=home, title=f"Wind {number}", intro=f"<p>Wind {kind}.</p>")

    def queries_for(self, words: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/en/search/", {"q": words})
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_ten_results_cost_no_more_queries_than_five(self):
        # The menu, footer and site addresses are cached by the first request with a result.
        self.client.get("/en/search/", {"q": "farms"})
        self.assertEqual(self.queries_for("wind"), self.queries_for("wind turbines"))
