"""Japanese visitors find a word inside a sentence: Japanese has no spaces between words."""

from django.test import TestCase

from tests.factories import StandardPageFactory, make_site, translate
from tests.visible import search_result_links


class JapaneseSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.page = StandardPageFactory(parent=cls.home, title="Decarbonisation")
        cls.other = StandardPageFactory(parent=cls.home, title="Resilience")
        translate(
            cls.page,
            title="地域の脱炭素ロードマップ",
            intro="日本政府は自治体と連携して地域脱炭素ロードマップを策定しました。ＣＯＰ２６の成果も紹介します。",
        )
        translate(cls.other, title="レジリエントな都市", intro="ｶﾀｶﾅの説明もあるページです。")

    def results(self, query: str) -> list[str]:
        response = self.client.get("/ja/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return search_result_links(response)

    def test_a_word_inside_a_japanese_sentence_is_found(self):
        self.assertEqual(self.results("連携"), ["/ja/decarbonisation/"])

    def test_mixed_kana_and_kanji_words_are_found(self):
        self.assertEqual(self.results("脱炭素ロードマップ"), ["/ja/decarbonisation/"])
        self.assertEqual(self.results("レジリエント"), ["/ja/resilience/"])

    def test_every_word_must_appear(self):
        self.assertEqual(self.results("脱炭素 都市"), [])

    def test_results_stay_in_the_visitors_language(self):
        self.assertEqual(search_result_links(self.client.get("/en/search/", {"q": "連携"})), [])

    def test_text_next_to_a_latin_word_inside_japanese_is_found(self):
        self.assertEqual(self.results("の成果"), ["/ja/decarbonisation/"])
        self.assertEqual(
            self.results("２６の成果"), ["/ja/decarbonisation/"] if self._folds() else []
        )

    def _folds(self) -> bool:
        from django.db import connection

        return connection.vendor == "postgresql"

    def test_full_and_half_width_forms_are_the_same_word_on_postgresql(self):
        from django.db import connection

        if connection.vendor != "postgresql":
            self.skipTest(
                "Width folding of stored text needs PostgreSQL's normalize(); CI runs it."
            )
        # Stored as half-width katakana, typed full-width; stored full-width Latin, typed half-width.
        self.assertEqual(self.results("カタカナ"), ["/ja/resilience/"])
        self.assertEqual(self.results("cop26"), ["/ja/decarbonisation/"])
        self.assertEqual(self.results("ＣＯＰ２６"), ["/ja/decarbonisation/"])
