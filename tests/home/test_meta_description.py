"""Every page type describes itself to search engines from one declared field."""

import json

from django.apps import apps
from django.test import TestCase

from wagtail.fields import RichTextField
from wagtail.models import Locale

from home.models import SitePage
from home.seo import META_DESCRIPTION_LENGTH, meta_description

PAGE_TYPES = [model for model in apps.get_models() if issubclass(model, SitePage)]


def page_with_source(model, text: str):
    field = model._meta.get_field(model.meta_description_source)
    value = f"<p>{text}</p>" if isinstance(field, RichTextField) else text
    return model(title="A page", **{model.meta_description_source: value})


class MetaDescriptionTests(TestCase):
    def test_every_page_type_is_described_by_its_own_text_when_filled(self):
        self.assertGreater(len(PAGE_TYPES), 5)
        for model in PAGE_TYPES:
            with self.subTest(page_type=model.__name__):
                page = page_with_source(model, "What this page is about.")
                self.assertEqual(meta_description(page=page), "What this page is about.")

    def test_the_editors_search_description_comes_first(self):
        for model in PAGE_TYPES:
            with self.subTest(page_type=model.__name__):
                page = page_with_source(model, "The page's own text.")
                page.search_description = "Written for search engines."
                self.assertEqual(meta_description(page=page), "Written for search engines.")

    def test_rich_text_becomes_one_line_of_plain_text(self):
        page = page_with_source(
            apps.get_model("home", "StandardPage"), "Cities &amp; <b>regions</b>.</p>\n<p>Together."
        )
        self.assertEqual(meta_description(page=page), "Cities & regions. Together.")

    def test_a_long_description_ends_on_a_whole_word(self):
        page = page_with_source(apps.get_model("home", "StandardPage"), "sustainable " * 40)
        description = meta_description(page=page)
        self.assertLessEqual(len(description), META_DESCRIPTION_LENGTH)
        self.assertTrue(description.endswith("sustainable…"), description)

    def test_a_long_japanese_description_is_cut_at_the_limit(self):
        page = page_with_source(apps.get_model("home", "StandardPage"), "持続可能な都市。" * 60)
        description = meta_description(page=page)
        self.assertEqual(len(description), META_DESCRIPTION_LENGTH)
        self.assertTrue(description.endswith("…"))

    def test_without_its_own_text_the_body_speaks_then_the_title(self):
        model = apps.get_model("home", "StandardPage")
        english = Locale.objects.get_or_create(language_code="en")[0]
        body = json.dumps(
            [
                {"type": "heading", "value": {"text": "Members", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Cities <i>and</i> regions.</p>"},
            ]
        )
        page = model(title="Members", intro="", body=body, locale=english)
        self.assertEqual(meta_description(page=page), "Cities and regions.")
        self.assertEqual(
            meta_description(page=model(title="Members", intro="", locale=english)), "Members"
        )
