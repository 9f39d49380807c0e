"""A translator's PO upload or edited string that the page's fields would reject is refused
whole, with the string and the reason, and the good translation already there stays."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, TestCase
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import polib

from home.services.translation_validation import StringTarget, string_problem, string_target
from membership.models import FeeRow, FeeTable
from siteadmin.roles import TRANSLATORS
from tests.factories import (
    StandardPageFactory,
    make_site,
    translate,
    users_in_roles,
)

RICH_SOURCE = 'Read <b>our</b> <a id="a1">annual report</a>.'
GOOD = {
    "About us": "私たちについて",
    "Who we are.": "私たちは誰か。",
    "Our work": "私たちの活動",
    RICH_SOURCE: '<a id="a1">年次報告書</a>を<b>お読み</b>ください。',
}


class TranslatedPageCase(TestCase):
    """A page with plain text, a heading block and rich text with a link, translated well."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.page = StandardPageFactory(
            parent=cls.home,
            slug="about",
            title="About us",
            intro="<p>Who we are.</p>",
            body=[
                ("heading", {"text": "Our work", "level": "h2"}),
                (
                    "paragraph",
                    RichText(
                        '<p>Read <b>our</b> <a href="https://example.org/report">annual report</a>.</p>'
                    ),
                ),
            ],
        )
        translate(cls.page)
        cls.translator = users_in_roles(TRANSLATORS)[TRANSLATORS]
        cls.translation = Translation.objects.get(
            source__object_id=cls.page.translation_key,
            target_locale=Locale.objects.get(language_code="ja"),
        )

    def setUp(self):
        self.client.force_login(self.translator)
        response = self.upload(self.po_file())
        self.assertContains(response, "4 translated string(s) imported")

    def po_file(self, changes: dict[str, str] | None = None) -> polib.POFile:
        """The page's PO file with the good Japanese, then `changes` (English text → Japanese)."""
        response = self.client.get(
            f"/admin/localize/translate/{self.translation.pk}/pofile/download/"
        )
        po = polib.pofile(response.content.decode())
        for entry in po:
            entry.msgstr = {**GOOD, **(changes or {})}.get(entry.msgid, "")
        return po

    def upload(self, po: polib.POFile):
        return self.client.post(
            f"/admin/localize/translate/{self.translation.pk}/pofile/upload/",
            {"file": SimpleUploadedFile("page.po", str(po).encode()), "next": "/admin/"},
            follow=True,
        )

    def stored(self) -> dict[str, str]:
        return dict(
            StringTranslation.objects.filter(locale__language_code="ja").values_list(
                "translation_of__data", "data"
            )
        )


class PoUploadValidationTests(TranslatedPageCase):
    def assert_refused_and_good_translation_kept(self, response, *expected: str):
        self.assertContains(response, "cannot be used on the page, so nothing was imported")
        for text in expected:
            self.assertContains(response, text)
        self.assertEqual(self.stored(), GOOD)
        with self.captureOnCommitCallbacks(execute=True):
            self.translation.save_target(publish=True)
        page = self.client.get("/ja/about/")
        for japanese in ["私たちについて", "私たちは誰か。", "私たちの活動", "年次報告書"]:
            self.assertContains(page, japanese)
        self.assertContains(page, '<a href="https://example.org/report">年次報告書</a>', html=True)

    def test_a_script_in_the_introduction_refuses_the_whole_file(self):
        po = self.po_file(
            {
                "About us": "新しいタイトル",  # a valid change, not imported either
                "Who we are.": "私たちは<script>alert(1)</script>誰か。",
            }
        )
        self.assert_refused_and_good_translation_kept(
            self.upload(po), "“Who we are.” (intro)", "&lt;script&gt; tag is not allowed"
        )

    def test_inline_markup_in_a_plain_text_title_is_refused(self):
        po = self.po_file({"About us": "<b>私たち</b>について"})
        self.assert_refused_and_good_translation_kept(
            self.upload(po), "“About us” (title)", "contains the HTML tag &lt;b&gt;"
        )

    def test_a_tag_rich_text_cannot_hold_is_refused(self):
        po = self.po_file({RICH_SOURCE: '<a id="a1">年次報告書</a>を<script>alert(1)</script>'})
        self.assert_refused_and_good_translation_kept(
            self.upload(po), "“Read &lt;b&gt;our&lt;/b&gt;", "&lt;script&gt; tag is not allowed"
        )

    def test_a_rich_text_tag_the_english_does_not_use_is_refused(self):
        po = self.po_file({RICH_SOURCE: '<a id="a1">年次報告書</a>を<i>お読み</i>ください。'})
        self.assert_refused_and_good_translation_kept(
            self.upload(po), "uses &lt;i&gt;, which its English text does not"
        )

    def test_a_link_the_english_does_not_have_is_refused(self):
        po = self.po_file({RICH_SOURCE: '<a id="a2">年次報告書</a>を<b>お読み</b>ください。'})
        self.assert_refused_and_good_translation_kept(
            self.upload(po), "has a link (a2) that its English text does not have"
        )

    def test_a_string_for_a_link_address_is_refused(self):
        po = self.po_file()
        paragraph = next(entry for entry in po if entry.msgid == RICH_SOURCE)
        po.append(
            polib.POEntry(
                msgid="https://example.org/report",
                msgstr="https://attacker.example/",
                msgctxt=f"{paragraph.msgctxt}.'https://example.org/report'",
            )
        )
        response = self.upload(po)
        self.assertContains(response, "not in the page")
        self.assertEqual(self.stored(), GOOD)

    def test_a_heading_longer_than_its_block_allows_is_refused(self):
        po = self.po_file({"Our work": "活" * 201})
        self.assert_refused_and_good_translation_kept(
            self.upload(po),
            "“Our work” (body.",
            "is 201 characters long; this field takes at most 200.",
        )

    def test_a_title_longer_than_the_page_field_allows_is_refused(self):
        po = self.po_file({"About us": "題" * 256})
        self.assert_refused_and_good_translation_kept(
            self.upload(po), "“About us” (title) is 256 characters long"
        )

    def test_blank_translations_leave_the_existing_ones(self):
        po = self.po_file({"Who we are.": "   ", "Our work": ""})
        self.assertContains(self.upload(po), "translated string(s) imported")
        self.assertEqual(self.stored(), GOOD)


class EditStringTranslationValidationTests(TranslatedPageCase):
    """The translation editor's save of one string makes the same checks."""

    def edit(self, english: str, japanese: str):
        segment = StringSegment.objects.get(source=self.translation.source, string__data=english)
        return self.client.put(
            f"/admin/localize/translate/{self.translation.pk}/strings/{segment.pk}/edit/",
            encode_multipart(BOUNDARY, {"value": japanese}),
            content_type=MULTIPART_CONTENT,
        )

    def test_a_refused_string_keeps_the_previous_translation_and_says_why(self):
        cases = [
            ("About us", "私たち<script>alert(1)</script>について", "plain text"),
            ("Our work", "活" * 201, "takes at most 200"),
            (RICH_SOURCE, '<a id="a2">年次報告書</a>', "has a link (a2)"),
        ]
        for english, japanese, reason in cases:
            with self.subTest(english=english):
                response = self.edit(english, japanese)
                self.assertEqual(response.status_code, 200)
                self.assertIn(reason, response.json()["error"])
                self.assertIn("This translation was not saved.", response.json()["error"])
                self.assertEqual(self.stored(), GOOD)

    def test_a_valid_string_is_saved_by_wagtail_localize(self):
        response = self.edit("Who we are.", "私たちの仕事。")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.json()["error"])
        self.assertEqual(self.stored()["Who we are."], "私たちの仕事。")


class StringTargetTests(SimpleTestCase):
    """The checks find the field of strings the admin tests above do not reach."""

    def test_an_inline_row_label_is_checked_against_its_own_field(self):
        row = FeeRow(category="city", label="Cities")
        table = FeeTable(title="Fees", rows=[row])
        target = string_target(instance=table, path=f"rows.{row.translation_key}.label")
        self.assertEqual(target, StringTarget(rich_text=False, max_length=200))

    def test_line_breaks_of_a_multi_line_plain_text_are_kept(self):
        self.assertIsNone(
            string_problem(
                source="Line one<br/>Line two",
                translated="一行目<br/>二行目",
                path="intro",
                target=StringTarget(rich_text=False),
            )
        )
