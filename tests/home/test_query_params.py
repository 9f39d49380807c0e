"""Whatever a visitor puts in the address bar, each kind of value is read one safe way."""

from django.test import SimpleTestCase

from home.query_params import (
    MAX_PAGE_NUMBER,
    bounded_int,
    bounded_text,
    choice,
    page_number,
    was_given,
)

# What people and scripts put where a number belongs, none of which is a number we accept.
NOT_A_NUMBER = [
    "²",  # str.isdigit() says yes, int() says no: the fee finder's 500
    "①",
    "٣",  # Arabic-Indic three: int() reads it, a URL should not
    "３",  # full-width: the fee finder accepts it on purpose, a plain number does not
    "1e9",
    "1e999999999",
    "1.5",
    "0x10",
    "1_000",
    "+5",
    "--5",
    "5-",
    "",
    " ",
    "\t",
    "\x00",
    "5\x00",
    "\x1c5",  # Python's str.strip() and int() take U+001C as whitespace
    "5\u2028",
    "\u00a05",
    "１２３",
    "\ufffd",  # what Django makes of invalid UTF-8 (%ff)
    "NaN",
    "Infinity",
    "'; DROP TABLE x;--",
    "<script>alert(1)</script>",
    "9" * 2000,
    "1" + "0" * 5000,  # past Python's int() digit limit
]


class BoundedIntTests(SimpleTestCase):
    def test_plain_numbers_in_range_are_read(self):
        self.assertEqual(bounded_int("250000", minimum=0, maximum=10**12), 250000)
        self.assertEqual(bounded_int(" 7 ", minimum=1, maximum=10), 7)
        self.assertEqual(bounded_int("007", minimum=1, maximum=10), 7)
        self.assertEqual(bounded_int("0", minimum=0, maximum=10), 0)
        self.assertEqual(bounded_int("10", minimum=0, maximum=10), 10)

    def test_anything_that_is_not_plain_ascii_digits_is_not_understood(self):
        for raw in NOT_A_NUMBER:
            with self.subTest(raw=raw[:20]):
                self.assertIsNone(bounded_int(raw, minimum=0, maximum=10**12))

    def test_absent_is_none(self):
        self.assertIsNone(bounded_int(None, minimum=0, maximum=10))

    def test_numbers_outside_the_bounds_are_refused(self):
        self.assertIsNone(bounded_int("11", minimum=0, maximum=10))
        self.assertIsNone(bounded_int("1899", minimum=1900, maximum=2200))
        self.assertIsNone(bounded_int("0", minimum=1, maximum=10))
        self.assertIsNone(bounded_int("0" * 3000 + "11", minimum=0, maximum=10))
        self.assertEqual(bounded_int("0" * 3000 + "5", minimum=0, maximum=10), 5)

    def test_a_minus_sign_is_read_only_where_negatives_are_allowed(self):
        self.assertIsNone(bounded_int("-1", minimum=0, maximum=10))
        self.assertEqual(bounded_int("-3", minimum=-5, maximum=5), -3)
        self.assertIsNone(bounded_int("-6", minimum=-5, maximum=5))
        self.assertIsNone(bounded_int("-", minimum=-5, maximum=5))

    def test_group_separators_are_read_only_where_offered(self):
        self.assertIsNone(bounded_int("2,500,000", minimum=0, maximum=10**12))
        self.assertEqual(
            bounded_int("2,500,000", minimum=0, maximum=10**12, group_separators=","), 2500000
        )
        self.assertIsNone(bounded_int(",,,", minimum=0, maximum=10, group_separators=","))


class PageNumberTests(SimpleTestCase):
    def test_a_page_a_visitor_asked_for_is_read(self):
        self.assertEqual(page_number("3"), 3)
        self.assertEqual(page_number(" 12 "), 12)

    def test_absent_or_not_understood_is_the_first_page(self):
        for raw in [None, "0", "-1", "-99999999999999999999", *NOT_A_NUMBER[:-2]]:
            with self.subTest(raw=raw):
                self.assertEqual(page_number(raw), 1)

    def test_a_huge_page_number_means_the_last_page(self):
        # Django's paginator shows its last page for any number past the end.
        for raw in ["99999999999999999999", "9" * 2000, "1" + "0" * 5000, "100001"]:
            with self.subTest(raw=raw[:25]):
                self.assertEqual(page_number(raw), MAX_PAGE_NUMBER)
        self.assertEqual(page_number("0" * 5000 + "2"), 2)


class ChoiceTests(SimpleTestCase):
    def test_only_an_offered_value_is_taken(self):
        offered = ["en", "ja"]
        self.assertEqual(choice("ja", choices=offered), "ja")
        for raw in [None, "", "JA", " ja", "ja ", "ja\x00", "fr", "<b>ja</b>", "ｊａ", "j\u202ea"]:
            with self.subTest(raw=raw):
                self.assertIsNone(choice(raw, choices=offered))

    def test_choices_may_be_any_iterable_of_strings(self):
        self.assertEqual(choice("b", choices={"a": 1, "b": 2}), "b")
        self.assertEqual(choice("a", choices=(value for value in "abc")), "a")


class BoundedTextTests(SimpleTestCase):
    def test_ordinary_text_is_kept(self):
        self.assertEqual(bounded_text("climate  action", max_length=50), "climate action")
        self.assertEqual(bounded_text("気候変動", max_length=50), "気候変動")

    def test_control_and_invisible_format_characters_become_spaces(self):
        self.assertEqual(
            bounded_text("a\x00b\x1bc\u202ed\u2066e\u200bf", max_length=50), "a b c d e f"
        )
        self.assertEqual(bounded_text("line\r\nbreak\x7f", max_length=50), "line break")
        self.assertEqual(bounded_text("\ud800lone surrogate", max_length=50), "lone surrogate")

    def test_text_is_cut_at_the_limit(self):
        self.assertEqual(bounded_text("x" * 10_000_000, max_length=200), "x" * 200)
        self.assertEqual(len(bounded_text("ab " * 1000, max_length=10)), 10)

    def test_absent_is_empty(self):
        self.assertEqual(bounded_text(None, max_length=10), "")


class WasGivenTests(SimpleTestCase):
    def test_empty_and_blank_values_count_as_not_given(self):
        self.assertFalse(was_given(None))
        self.assertFalse(was_given(""))
        self.assertFalse(was_given("  "))
        self.assertTrue(was_given("²"))
