"""Translators work offline with PO files, get machine drafts, and keep their work when the
English changes."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import polib

from siteadmin.roles import TRANSLATORS
from tests.factories import (
    StandardPageFactory,
    make_site,
    translate,
    users_in_roles,
)


class TranslationWorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.page = StandardPageFactory(
            parent=cls.home, slug="about", title="About us", intro="Who we are."
        )
        cls.other = StandardPageFactory(parent=cls.home, slug="other", title="Other page")
        cls.page_ja = translate(cls.page)
        translate(cls.other)
        cls.translator = users_in_roles(TRANSLATORS)[TRANSLATORS]
        japanese = Locale.objects.get(language_code="ja")
        cls.translation = Translation.objects.get(
            source__object_id=cls.page.translation_key, target_locale=japanese
        )
        cls.other_translation = Translation.objects.get(
            source__object_id=cls.other.translation_key, target_locale=japanese
        )

    def setUp(self):
        self.client.force_login(self.translator)

    def download(self) -> polib.POFile:
        response = self.client.get(
            f"/admin/localize/translate/{self.translation.pk}/pofile/download/"
        )
        self.assertEqual(response.status_code, 200)
        return polib.pofile(response.content.decode())

    def upload(self, content: bytes, translation=None):
        translation = translation or self.translation
        return self.client.post(
            f"/admin/localize/translate/{translation.pk}/pofile/upload/",
            {"file": SimpleUploadedFile("page.po", content), "next": "/admin/"},
            follow=True,
        )

    def japanese_po(self) -> polib.POFile:
        po = self.download()
        for entry in po:
            entry.msgstr = {
                "About us": "私たちについて",
                "about": "about",
                "Who we are.": "私たちは誰か。",
            }.get(entry.msgid, "")
        return po

    def test_a_po_file_goes_out_and_comes_back_translated(self):
        response = self.upload(str(self.japanese_po()).encode())
        self.assertContains(response, "translated string(s) imported")
        self.translation.save_target(publish=True)
        self.assertContains(self.client.get("/ja/about/"), "私たちについて")

    def assert_refused(self, response, reason: str):
        self.assertContains(response, reason)
        self.assertFalse(
            StringTranslation.objects.filter(
                locale__language_code="ja", data="私たちについて"
            ).exists()
        )

    def test_a_malformed_file_is_refused_and_changes_nothing(self):
        self.assert_refused(self.upload(b'msgid "unterminated\nmsgstr'), "not a valid PO file")
        self.assert_refused(self.upload(b"\xff\xfe\x00garbage"), "not a valid PO file")

    def test_a_file_for_another_page_is_refused_and_changes_nothing(self):
        self.assert_refused(
            self.upload(str(self.japanese_po()).encode(), translation=self.other_translation),
            "belongs to another page",
        )

    def test_a_file_without_its_translation_id_is_refused(self):
        po = self.japanese_po()
        del po.metadata["X-WagtailLocalize-TranslationID"]
        self.assert_refused(self.upload(str(po).encode()), "has no translation ID")

    def test_a_file_with_unknown_strings_is_refused_whole(self):
        po = self.japanese_po()
        po.append(
            polib.POEntry(
                msgid="A sentence the page does not have", msgstr="ページにない文", msgctxt="intro"
            )
        )
        self.assert_refused(self.upload(str(po).encode()), "not in the page")

    def test_machine_translation_is_a_draft_never_published(self):
        live_title = self.page_ja.title
        response = self.client.post(
            f"/admin/localize/translate/{self.translation.pk}/machine_translate/",
            {"next": "/admin/"},
        )
        self.assertEqual(response.status_code, 302)
        machine = StringTranslation.objects.filter(
            locale__language_code="ja", translation_type="machine"
        )
        self.assertTrue(machine.exists())
        self.page_ja.refresh_from_db()
        self.assertEqual(self.page_ja.title, live_title)
        self.assertNotContains(self.client.get("/ja/about/"), machine.first().data)

    def test_updating_from_the_english_keeps_what_was_already_translated(self):
        self.upload(str(self.japanese_po()).encode())
        self.translation.save_target(publish=True)
        self.page.intro = "Who we are, and what we do."
        self.page.save_revision().publish()
        # What "Sync translated pages" does after an English edit.
        TranslationSource.objects.get(object_id=self.page.translation_key).update_from_db()
        self.translation.save_target(publish=True)
        page = self.client.get("/ja/about/")
        self.assertContains(page, "私たちについて")  # unchanged English string keeps its Japanese
        self.assertContains(
            page, "Who we are, and what we do."
        )  # the new sentence awaits a translator
        self.assertNotContains(page, "私たちは誰か。")
