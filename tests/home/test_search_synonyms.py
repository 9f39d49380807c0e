"""Moderators keep a list of words that mean the same per language; searches use it at once."""

from django.core.cache import cache
from django.test import TestCase

from home.models import SearchSynonymGroup
from home.page_cache import GENERATION_KEY
from home.search_synonyms import synonyms_for
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import StandardPageFactory, locale, make_site, translate, users_in_roles
from tests.visible import search_result_links, soup

ADD_URL = "/admin/snippets/home/searchsynonymgroup/add/"
INDEX_URL = "/admin/snippets/home/searchsynonymgroup/"


def result_links(response) -> str:
    return response.text.split('class="search-results"', 1)[-1]


class SynonymSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.budget = StandardPageFactory(
            parent=cls.home, title="Carbon dioxide budgets", slug="budgets"
        )
        cls.co2 = StandardPageFactory(parent=cls.home, title="CO2 targets", slug="targets")
        translate(cls.co2, title="二酸化炭素 目標")
        cls.users = users_in_roles(EDITORS, MODERATORS, TRANSLATORS)

    def add_group(self, words: str, language: str = "en"):
        self.client.force_login(self.users[MODERATORS])
        response = self.client.post(ADD_URL, {"language": language, "words": words})
        self.client.logout()
        return response

    def search(self, words: str, language: str = "en"):
        return result_links(self.client.get(f"/{language}/search/", {"q": words}))

    def test_a_synonym_finds_pages_with_the_other_words_of_its_group(self):
        self.assertNotIn('href="/en/budgets/"', self.search("CO2"))
        self.assertEqual(self.add_group("CO2, carbon dioxide").status_code, 302)
        found = self.search("CO2")
        self.assertIn('href="/en/budgets/"', found)
        self.assertIn('href="/en/targets/"', found)
        # Both ways, a phrase as a whole, and beside other words that must still match.
        self.assertIn('href="/en/targets/"', self.search("Carbon Dioxide"))
        self.assertIn('href="/en/budgets/"', self.search("co2 budgets"))
        self.assertNotIn('href="/en/targets/"', self.search("co2 budgets"))

    def test_an_edited_or_deleted_group_applies_to_the_next_search(self):
        self.add_group("CO2, carbon dioxide")
        self.assertIn('href="/en/budgets/"', self.search("CO2"))
        group = SearchSynonymGroup.objects.get()
        self.client.force_login(self.users[MODERATORS])
        edit_url = f"/admin/snippets/home/searchsynonymgroup/edit/{group.pk}/"
        self.client.post(edit_url, {"language": "en", "words": "CO2, greenhouse gas"})
        self.assertNotIn('href="/en/budgets/"', self.search("CO2"))
        self.client.post(f"/admin/snippets/home/searchsynonymgroup/delete/{group.pk}/")
        self.assertFalse(SearchSynonymGroup.objects.exists())
        self.assertEqual(synonyms_for(locale=locale("en")), {})

    def test_each_language_has_its_own_list(self):
        self.add_group("CO2, carbon dioxide", language="ja")
        self.assertNotIn('href="/en/budgets/"', self.search("CO2"))
        self.assertEqual(
            synonyms_for(locale=locale("ja")),
            {
                "co2": ["carbon dioxide"],
                "carbon dioxide": ["co2"],
            },
        )
        self.assertEqual(synonyms_for(locale=locale("en")), {})

    def test_the_list_is_read_once_then_kept(self):
        self.add_group("CO2, carbon dioxide, 二酸化炭素", language="ja")
        japanese = locale("ja")
        synonyms_for(locale=japanese)
        with self.assertNumQueries(0):
            mapping = synonyms_for(locale=japanese)
        self.assertEqual(mapping["二酸化炭素"], ["co2", "carbon dioxide"])

    def test_saving_a_group_renders_every_page_afresh(self):
        self.client.get("/en/")
        self.assertEqual(self.client.get("/en/")["X-Page-Cache"], "hit")
        self.add_group("CO2, carbon dioxide")
        self.assertEqual(self.client.get("/en/")["X-Page-Cache"], "miss")

    def test_deleting_a_group_renders_every_page_afresh(self):
        group = SearchSynonymGroup.objects.create(language="en", words="CO2, carbon dioxide")
        generation = cache.get(GENERATION_KEY)
        group.delete()
        self.assertNotEqual(cache.get(GENERATION_KEY), generation)


class SynonymsMeetAnalysedWordsTests(TestCase):
    """A group applies to the words a query is analysed into, not only to words typed apart."""

    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        cls.cars = StandardPageFactory(parent=home, title="Automobile policy", slug="cars")
        tokyo = StandardPageFactory(parent=home, title="Tokyo", slug="tokyo")
        translate(
            tokyo, title="首都の取り組み", intro="<p>東京都は気候変動対策を進めています。</p>"
        )
        SearchSynonymGroup.objects.create(language="en", words="car, automobile")
        SearchSynonymGroup.objects.create(language="ja", words="温暖化, 気候変動")

    def test_a_japanese_query_written_without_spaces_meets_the_group(self):
        for query in ("温暖化", "東京の温暖化", "温暖化対策"):
            with self.subTest(query=query):
                response = self.client.get("/ja/search/", {"q": query})
                self.assertEqual(search_result_links(response), ["/ja/tokyo/"])
                # The passage marks the spelling the page has.
                passage = soup(response).select_one(".search-results__passage")
                self.assertIn("気候変動", " ".join(mark.get_text() for mark in passage("mark")))

    def test_an_inflected_word_or_one_after_a_function_word_meets_the_group(self):
        for query in ("car", "cars", "the car", "Cars policy"):
            with self.subTest(query=query):
                response = self.client.get("/en/search/", {"q": query})
                self.assertEqual(search_result_links(response), ["/en/cars/"])


class SynonymValidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site()
        cls.users = users_in_roles(EDITORS, MODERATORS, TRANSLATORS)
        SearchSynonymGroup.objects.create(language="en", words="climate, weather")

    def errors_for(self, words: str, language: str = "en") -> str:
        self.client.force_login(self.users[MODERATORS])
        response = self.client.post(ADD_URL, {"language": language, "words": words})
        self.assertEqual(response.status_code, 200, "the form is shown again, with its errors")
        return response.text

    def test_each_mistake_is_named_in_words_an_editor_can_act_on(self):
        cases = {
            "": "This field is required.",
            "  ,  , ": "Enter at least two words or phrases that mean the same",
            "mitigation": "Enter at least two words or phrases that mean the same",
            "CO2, co₂": "“co₂” is listed twice in this group.",
            "heat, !!!": "“!!!” has no letters or numbers.",
            f"heat, {'x' * 60}": "is longer than 50 characters.",
            "heat, Climate": "“Climate” is already in the group “climate, weather” of this language",
            ", ".join(f"w{number}" for number in range(21)): "A group holds at most 20 words",
        }
        for words, message in cases.items():
            with self.subTest(words=words):
                self.assertIn(message, self.errors_for(words))
        self.assertEqual(SearchSynonymGroup.objects.count(), 1)

    def test_the_same_word_may_be_in_a_group_of_another_language(self):
        self.client.force_login(self.users[MODERATORS])
        response = self.client.post(ADD_URL, {"language": "ja", "words": "climate, 気候"})
        self.assertEqual(response.status_code, 302)

    def test_japanese_commas_separate_words_too(self):
        self.client.force_login(self.users[MODERATORS])
        self.client.post(ADD_URL, {"language": "ja", "words": "二酸化炭素、CO2，炭酸ガス"})
        self.assertEqual(
            sorted(synonyms_for(locale=locale("ja"))), ["co2", "二酸化炭素", "炭酸ガス"]
        )

    def test_editors_read_the_lists_and_only_moderators_change_them(self):
        group = SearchSynonymGroup.objects.get()
        for role, may_read, may_change in (
            (MODERATORS, True, True),
            (EDITORS, True, False),
            (TRANSLATORS, False, False),
        ):
            with self.subTest(role=role):
                self.client.force_login(self.users[role])
                self.assertEqual(self.client.get(INDEX_URL).status_code == 200, may_read)
                self.assertEqual(self.client.get(ADD_URL).status_code == 200, may_change)
                edit_url = f"/admin/snippets/home/searchsynonymgroup/edit/{group.pk}/"
                self.client.post(edit_url, {"language": "en", "words": f"climate, {role}"})
                group.refresh_from_db()
                self.assertEqual(role in group.words, may_change)
