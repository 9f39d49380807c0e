"""The words search sees in a text: what a visitor's query is compared with."""

import os

from django.test import SimpleTestCase

from home.search_analysis import analyse, normalise, query_term_groups
from tests.subprocesses import ROOT, run_python


def words(text: str) -> list[str]:
    """The words of a text as written (compounds' parts included), in order."""
    text = normalise(text)
    return [text[word.start : word.end] for word in analyse(text)]


class AnalysisTests(SimpleTestCase):
    def test_punctuation_never_joins_two_words(self):
        found = words("横浜市。京都市、大阪")
        self.assertEqual(found[0], "横浜市")
        self.assertIn("京都", found)
        self.assertEqual([word for word in found if "。" in word or "市京" in word], [])

    def test_widths_are_folded_before_words_are_found(self):
        self.assertEqual(words("ＣＯＰ２６"), words("COP26"))
        self.assertEqual(query_term_groups("ｶﾀｶﾅ"), query_term_groups("カタカナ"))

    def test_a_kanji_word_carries_its_reading_in_hiragana(self):
        (tokyo,) = [word for word in analyse("東京") if not word.is_part]
        self.assertIn("とうきょう", tokyo.terms)

    def test_a_kanji_query_is_not_matched_by_reading(self):
        # 気候 (climate) and 機構 (organisation) are both read きこう.
        self.assertEqual(query_term_groups("気候"), [frozenset({"気候"})])

    def test_english_words_are_stemmed_and_small_words_left_out_of_a_query(self):
        self.assertEqual(query_term_groups("Planning for cities"), query_term_groups("plan city"))
        self.assertEqual(query_term_groups("the"), [frozenset({"the"})])


LOADS_DICTIONARY_ONLY_FOR_JAPANESE = """
import sys
from home.search_analysis import _sudachi_dictionary, analyse, normalise
analyse(normalise("Climate resilience in 2030"))
print("after English:", "sudachipy" in sys.modules)
analyse(normalise("東京都の気候変動対策"))
analyse(normalise("横浜市の計画"))
print("after Japanese:", "sudachipy" in sys.modules, _sudachi_dictionary.cache_info().misses)
"""


class DictionaryLoadingTests(SimpleTestCase):
    def test_the_dictionary_is_loaded_on_the_first_japanese_text_and_only_once(self):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]))
        result = run_python("-c", LOADS_DICTIONARY_ONLY_FOR_JAPANESE, env=env, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("after English: False", result.stdout)
        self.assertIn("after Japanese: True 1", result.stdout)
