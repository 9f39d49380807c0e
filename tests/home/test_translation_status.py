"""Translators see, in one report, what is missing, behind the English or up to date."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from wagtail.models import Locale

from home.services.roles import TRANSLATORS, ensure_roles
from home.translation_status import BEHIND, MISSING, UP_TO_DATE, WAITING, translation_status
from tests.factories import (
    FooterFactory,
    StandardPageFactory,
    load_demo,
    make_site,
    translate,
    translate_strings,
)


class TranslationStatusTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.done = StandardPageFactory(
            parent=cls.home, title="Done", slug="done", intro="Finished."
        )
        cls.copied = StandardPageFactory(parent=cls.home, title="Copied", slug="copied")
        cls.changed = StandardPageFactory(
            parent=cls.home, title="Changed", slug="changed", intro="First text."
        )
        cls.missing = StandardPageFactory(parent=cls.home, title="Missing", slug="missing")
        cls.footer = FooterFactory()
        cls.japanese = Locale.objects.get(language_code="ja")
        translate(cls.home)
        translate_strings(cls.done, {"Done": "完了", "done": "done", "Finished.": "終わりました。"})
        for page in (cls.changed, cls.copied):
            translate(page)
        translate(cls.footer)
        cls.changed.intro = "Second text."
        cls.changed.save_revision().publish()
        ensure_roles()

    def statuses(self, **filters) -> dict[str, str]:
        return {row.title: row.status for row in translation_status(locale=self.japanese)}

    def test_each_page_and_snippet_has_its_status(self):
        statuses = self.statuses()
        self.assertEqual(statuses["Missing"], MISSING)
        self.assertEqual(statuses["Changed"], BEHIND)
        self.assertEqual(statuses["Done"], UP_TO_DATE)
        # Copied into Japanese but no string translated yet.
        self.assertEqual(statuses["Copied"], WAITING)
        self.assertIn("Test Network", statuses)

    def test_the_report_filters_by_status_and_links_to_the_next_step(self):
        translator = get_user_model().objects.create_user("translator", password="pw")
        translator.groups.add(Group.objects.get(name=TRANSLATORS))
        self.client.force_login(translator)
        response = self.client.get("/admin/translation-status/", {"status": MISSING})
        self.assertContains(response, "Missing")
        self.assertNotContains(response, ">Changed</a></td>")
        self.assertContains(response, f"/admin/localize/submit/page/{self.missing.pk}/")
        behind = self.client.get("/admin/translation-status/", {"status": BEHIND})
        self.assertContains(behind, "Behind the English")
        self.assertContains(behind, "/admin/localize/update/")

    def test_the_report_filters_by_section(self):
        self.client.force_login(
            get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        )
        response = self.client.get("/admin/translation-status/", {"section": "footers"})
        self.assertContains(response, "Test Network")
        self.assertNotContains(response, ">Missing</a></td>")

    def test_people_without_translation_rights_cannot_see_it(self):
        self.client.force_login(
            get_user_model().objects.create_user("nobody", password="pw", is_staff=True)
        )
        self.assertNotEqual(self.client.get("/admin/translation-status/").status_code, 200)


class DemoTranslationStatusTests(TestCase):
    def test_every_demo_page_and_snippet_is_up_to_date_in_japanese(self):
        load_demo()
        rows = translation_status(locale=Locale.objects.get(language_code="ja"))
        self.assertTrue(rows)
        self.assertEqual({row.title: row.status for row in rows if row.status != UP_TO_DATE}, {})
