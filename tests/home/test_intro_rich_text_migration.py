"""Introductions written as plain text keep their words, and their translations, as rich text."""

import json

from django.apps import apps
from django.test import SimpleTestCase, TestCase

from wagtail_localize.models import TranslationSource
from wagtail_localize.strings import StringValue, extract_strings

from home.models import StandardPage
from home.rich_text import convert_to_rich_text, plain_from_rich_text, rich_text_from_plain
from tests.factories import StandardPageFactory, make_site

PLAIN = "Cities & regions <together>.\nA second line.\n\nA second paragraph."
RICH = "<p>Cities &amp; regions &lt;together&gt;.<br/>A second line.</p><p>A second paragraph.</p>"


class ConversionTests(SimpleTestCase):
    def test_plain_text_becomes_escaped_paragraphs(self):
        self.assertEqual(rich_text_from_plain(PLAIN), RICH)

    def test_going_back_gives_the_same_plain_text(self):
        self.assertEqual(plain_from_rich_text(rich_text_from_plain(PLAIN)), PLAIN)

    def test_a_one_paragraph_introduction_keeps_its_translation_string(self):
        # wagtail-localize matches translations by text: the string must not change.
        _template, strings = extract_strings(rich_text_from_plain("Who & we are."))
        as_plain_text = StringValue.from_plaintext("Who & we are.")
        self.assertEqual([text.data for text, _attrs in strings], [as_plain_text.data])


class MigrationStepTests(TestCase):
    def test_pages_and_their_revisions_are_converted_and_back(self):
        page = StandardPageFactory(parent=make_site(), slug="about")
        StandardPage.objects.filter(pk=page.pk).update(intro=PLAIN)
        page.refresh_from_db()
        revision = page.save_revision()
        revision.content["intro"] = PLAIN
        revision.save()
        source, _created = TranslationSource.get_or_create_from_instance(page)
        step = convert_to_rich_text(
            app_label="home", model_names=["StandardPage"], field_name="intro"
        )

        step.code(apps, None)
        page.refresh_from_db()
        revision.refresh_from_db()
        self.assertEqual((page.intro, revision.content["intro"]), (RICH, RICH))
        # wagtail-localize's copy too, or publishing a translation fails until a sync.
        source.refresh_from_db()
        self.assertEqual(json.loads(source.content_json)["intro"], RICH)
        self.assertContains(self.client.get("/en/about/"), "Cities &amp; regions &lt;together&gt;.")

        step.reverse_code(apps, None)
        page.refresh_from_db()
        revision.refresh_from_db()
        self.assertEqual((page.intro, revision.content["intro"]), (PLAIN, PLAIN))
