"""Every interface string has its Japanese, with the same placeholders as the English."""

import re
from pathlib import Path

from django.test import SimpleTestCase

import polib

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "ja" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


class JapaneseCatalogueTests(SimpleTestCase):
    def test_every_message_is_translated_and_none_is_fuzzy(self):
        catalogue = polib.pofile(str(CATALOGUE))
        self.assertEqual([entry.msgid for entry in catalogue.untranslated_entries()], [])
        self.assertEqual([entry.msgid for entry in catalogue.fuzzy_entries()], [])

    def test_translations_keep_the_placeholders(self):
        for entry in polib.pofile(str(CATALOGUE)):
            translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for translation in translations:
                with self.subTest(msgid=entry.msgid[:40]):
                    self.assertEqual(
                        sorted(set(PLACEHOLDER.findall(entry.msgid))),
                        sorted(set(PLACEHOLDER.findall(translation))),
                    )
