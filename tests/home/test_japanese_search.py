"""Japanese visitors find words: inside sentences, by reading, in either width, ranked, in their
language only. The same on SQLite and PostgreSQL (CI=true)."""

from django.test import TestCase

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from home.search import clean_search_query, search_pages
from tests.factories import StandardPageFactory, make_site, translate
from tests.visible import search_result_links, soup


class JapaneseSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.page = StandardPageFactory(parent=cls.home, title="Decarbonisation")
        cls.other = StandardPageFactory(parent=cls.home, title="Resilience")
        cls.tokyo = StandardPageFactory(parent=cls.home, title="Tokyo")
        translate(
            cls.page,
            title="地域の脱炭素ロードマップ",
            intro="<p>日本政府は自治体と連携して地域脱炭素ロードマップを策定しました。ＣＯＰ２６の成果も紹介します。</p>",
        )
        translate(
            cls.other, title="レジリエントな都市", intro="<p>ｶﾀｶﾅの説明もあるページです。</p>"
        )
        translate(
            cls.tokyo,
            title="首都の取り組み",
            intro="<p>東京都は、気候変動対策を進めています。横浜市。京都市も参加。</p>",
        )

    def results(self, query: str) -> list[str]:
        response = self.client.get("/ja/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return search_result_links(response)

    def test_a_word_inside_a_japanese_sentence_is_found(self):
        self.assertEqual(self.results("連携"), ["/ja/decarbonisation/"])
        self.assertEqual(self.results("気候変動"), ["/ja/tokyo/"])

    def test_part_of_a_compound_word_is_found(self):
        # 脱炭素 is one word; 炭素 (carbon) is its part. 東京都 holds 東京.
        self.assertEqual(self.results("炭素"), ["/ja/decarbonisation/"])
        self.assertEqual(self.results("東京"), ["/ja/tokyo/"])

    def test_a_hiragana_word_followed_by_particles_is_found(self):
        for query in ("とうきょうの", "とうきょうでは", "れんけいに"):
            with self.subTest(query=query):
                self.assertNotEqual(self.results(query), [])
        self.assertEqual(self.results("とうきょうの"), ["/ja/tokyo/"])
        self.assertEqual(self.results("れんけいに"), ["/ja/decarbonisation/"])

    def test_mixed_kana_and_kanji_words_are_found(self):
        self.assertEqual(self.results("脱炭素ロードマップ"), ["/ja/decarbonisation/"])
        self.assertEqual(self.results("レジリエント"), ["/ja/resilience/"])

    def test_a_kanji_word_is_found_by_its_reading_in_kana(self):
        self.assertEqual(self.results("とうきょう"), ["/ja/tokyo/"])
        self.assertEqual(self.results("トウキョウ"), ["/ja/tokyo/"])
        self.assertEqual(self.results("れんけい"), ["/ja/decarbonisation/"])
        # Two words (気候 変動) typed as one in hiragana.
        self.assertEqual(self.results("きこうへんどう"), ["/ja/tokyo/"])

    def test_full_and_half_width_forms_are_the_same_word(self):
        # Stored as half-width katakana, typed full-width; stored full-width Latin, typed half-width.
        self.assertEqual(self.results("カタカナ"), ["/ja/resilience/"])
        self.assertEqual(self.results("ｶﾀｶﾅ"), ["/ja/resilience/"])
        self.assertEqual(self.results("cop26"), ["/ja/decarbonisation/"])
        self.assertEqual(self.results("ＣＯＰ２６"), ["/ja/decarbonisation/"])

    def test_words_on_either_side_of_punctuation_are_separate_words(self):
        # "…横浜市。京都市…": 市京 is not a word of the page, and 京都 is not 東京都's 京都.
        self.assertEqual(self.results("市京"), [])
        self.assertEqual(self.results("京都"), ["/ja/tokyo/"])
        self.assertEqual(self.results("横浜"), ["/ja/tokyo/"])

    def test_every_word_must_appear(self):
        self.assertEqual(self.results("脱炭素 都市"), [])
        self.assertEqual(self.results("自治体 連携"), ["/ja/decarbonisation/"])

    def test_particles_in_the_query_need_not_be_on_the_page(self):
        self.assertEqual(self.results("の成果"), ["/ja/decarbonisation/"])
        self.assertEqual(self.results("２６の成果"), ["/ja/decarbonisation/"])

    def test_digits_only_find_that_number_and_nothing_else(self):
        # The old search read the index's text form ('会議':2B), so "1" matched every page.
        for query in ("1", "2", "B", "C", "D"):
            with self.subTest(query=query):
                self.assertEqual(self.results(query), [])
        # COP26 is a word, and so are its parts; 2026 would be one number.
        for query in ("26", "COP26", "COP 26"):
            with self.subTest(query=query):
                self.assertEqual(self.results(query), ["/ja/decarbonisation/"])

    def test_results_stay_in_the_visitors_language(self):
        self.assertEqual(search_result_links(self.client.get("/en/search/", {"q": "連携"})), [])
        self.assertEqual(self.results("Decarbonisation"), [])
        self.assertEqual(
            search_result_links(self.client.get("/en/search/", {"q": "resilience"})),
            ["/en/resilience/"],
        )

    def test_other_objects_in_wagtails_index_never_become_results(self):
        # An image whose id is a Japanese page's id, titled with a word that page lacks.
        japanese = self.page.get_translation(Locale.objects.get(language_code="ja"))
        get_image_model().objects.create(
            id=japanese.pk, title="東京タワー", file=get_test_image_file()
        )
        self.assertEqual(self.results("タワー"), [])
        self.assertEqual(self.results("東京"), ["/ja/tokyo/"])

    def test_the_matching_passage_is_shown_with_the_words_marked(self):
        response = self.client.get("/ja/search/", {"q": "とうきょう 対策"})
        passage = soup(response).select_one(".search-results__passage")
        self.assertEqual([mark.get_text() for mark in passage.find_all("mark")], ["東京", "対策"])
        self.assertIn("気候変動", passage.get_text())


class JapaneseRankingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        pages = {
            "body": "<p>この報告では最後に会議の記録を載せます。</p>",
            "title": "<p>議事と資料の一覧です。</p>",
            "heading": "<h2>会議について</h2><p>日程と場所。</p>",
            "far": "<p>温暖化の影響について。ここでは長い説明が続きます。最後に対策を述べます。</p>",
            "close": "<p>温暖化対策の計画です。</p>",
        }
        titles = {
            "body": "報告",
            "title": "会議の記録",
            "heading": "案内",
            "far": "影響",
            "close": "計画",
        }
        for slug, intro in pages.items():
            page = StandardPageFactory(parent=home, title=slug.title(), slug=slug)
            translate(page, title=titles[slug], intro=intro)

    def results(self, query: str) -> list[str]:
        return search_result_links(self.client.get("/ja/search/", {"q": query}))

    def test_title_matches_rank_above_heading_matches_above_body_matches(self):
        self.assertEqual(self.results("会議"), ["/ja/title/", "/ja/heading/", "/ja/body/"])

    def test_words_close_together_rank_above_words_far_apart(self):
        self.assertEqual(self.results("温暖化 対策"), ["/ja/close/", "/ja/far/"])


class SearchIndexFollowsPublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.page = StandardPageFactory(parent=cls.home, title="Forum", slug="forum")
        cls.japanese = translate(cls.page, title="フォーラム", intro="<p>会場は横浜です。</p>")

    def found(self, words: str) -> list[str]:
        locale = Locale.objects.get(language_code="ja")
        return [page.url for page in search_pages(query=clean_search_query(words), locale=locale)]

    def test_a_published_change_is_found_and_the_old_text_is_not(self):
        self.japanese.intro = "<p>会場は名古屋です。</p>"
        self.japanese.save_revision().publish()
        self.assertEqual(self.found("名古屋"), ["/ja/forum/"])
        self.assertEqual(self.found("横浜"), [])

    def test_a_draft_is_not_searched_until_published(self):
        self.japanese.intro = "<p>会場は名古屋です。</p>"
        self.japanese.save_revision()
        self.assertEqual(self.found("名古屋"), [])
        self.assertEqual(self.found("横浜"), ["/ja/forum/"])

    def test_an_unpublished_page_is_not_found(self):
        self.japanese.unpublish()
        self.assertEqual(self.found("横浜"), [])

    def test_pages_below_an_unpublished_page_are_not_found(self):
        child = StandardPageFactory(parent=self.page, title="Venue", slug="venue")
        translate(child, title="会場案内", intro="<p>横浜の地図。</p>")
        self.japanese.unpublish()
        self.assertEqual(self.found("地図"), [])

    def test_a_deleted_page_is_not_found(self):
        self.japanese.delete()
        self.assertEqual(self.found("横浜"), [])
