"""A fee table is refused when two rows of one category cover the same population."""

from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from membership.fee_forms import FeeBand, overlapping_bands
from membership.models import FeeTable
from tests.factories import make_admin


def band(position, low, high, category="local_government") -> FeeBand:
    return FeeBand(position, category, f"Band {position}", low, high)


class OverlappingBandsTests(SimpleTestCase):
    def test_adjacent_bands_do_not_overlap(self):
        bands = [band(1, None, 99_999), band(2, 100_000, 999_999), band(3, 1_000_000, None)]
        self.assertEqual(overlapping_bands(bands=bands), [])

    def test_bands_sharing_a_value_overlap(self):
        first, second = band(1, 0, 100_000), band(2, 100_000, 200_000)
        self.assertEqual(overlapping_bands(bands=[first, second]), [(first, second)])

    def test_an_open_ended_band_overlaps_everything_above_its_start(self):
        first, second = band(1, 1_000_000, None), band(2, 5_000_000, 9_000_000)
        self.assertEqual(overlapping_bands(bands=[first, second]), [(first, second)])
        everyone = band(3, None, None)
        self.assertEqual(len(overlapping_bands(bands=[everyone, band(4, 10, 20)])), 1)

    def test_bands_of_different_categories_may_overlap(self):
        bands = [band(1, None, None), band(2, None, None, category="associate_ngo")]
        self.assertEqual(overlapping_bands(bands=bands), [])


def row(category, label, low, high, amount="1000"):
    return {
        "category": category,
        "label": label,
        "population_min": "" if low is None else str(low),
        "population_max": "" if high is None else str(high),
        "annual_amount": amount,
    }


class FeeTableAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_admin()

    def setUp(self):
        self.client.force_login(self.admin)

    def post(self, rows):
        data = nested_form_data(
            {
                "title": "Fees 2026",
                "currency": "EUR",
                "valid_from": "2026-01-01",
                "valid_until": "",
                "note": "",
                "rows": inline_formset(rows),
            }
        )
        url = reverse(FeeTable.snippet_viewset.get_url_name("add"))
        return self.client.post(f"{url}?locale=en", data)

    def test_overlapping_bands_of_one_category_are_refused_naming_the_rows(self):
        response = self.post(
            [
                row("local_government", "Small", None, 100_000),
                row("regional_government", "All sizes", None, None),
                row("local_government", "Large", 50_000, None),
            ]
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "overlapping population bands")
        self.assertContains(response, "Fees 1 (“Small”) and 3 (“Large”)")
        self.assertFalse(FeeTable.objects.exists())

    def test_bands_that_meet_without_overlapping_are_saved(self):
        response = self.post(
            [
                row("local_government", "Small", None, 99_999),
                row("local_government", "Large", 100_000, None),
                row("associate_ngo", "All sizes", None, None),
            ]
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(FeeTable.objects.get().rows.count(), 3)
