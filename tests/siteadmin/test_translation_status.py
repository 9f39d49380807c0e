"""Translators see, in one report they can trust, each translation's state and their next step."""

import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from home.demo.translation import translate_objects
from membership.models import FeeRow, FeeTable
from siteadmin.roles import TRANSLATORS, ensure_roles
from siteadmin.translation_status import Action, Status, translation_status
from tests.demo_site import DemoSiteTestCase
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    FooterFactory,
    StandardPageFactory,
    add_session,
    eastern,
    locale,
    make_site,
    translate,
    user_in_role,
)
from tests.visible import soup

REPORT = "/admin/translation-status/"


class _EverythingTranslated:
    """A translator's PO file with every string filled in."""

    def lookup(self, *, text: str, context: str | None) -> str | None:
        return text if context == "slug" else f"訳：{text}"


class _AllButTheSlug:
    """A translator who translates every text but leaves the page address as it is."""

    def lookup(self, *, text: str, context: str | None) -> str | None:
        return None if context == "slug" else f"訳：{text}"


def translate_fully(instance):
    """Translate and publish every string, as a translator's uploaded PO file would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_objects(
            objects=[instance], locale=locale("ja"), catalogue=_EverythingTranslated()
        )
    return instance.get_translation(locale("ja"))


def publish(obj):
    """Save and publish an edit, as the English editor (with a moderator) would."""
    obj.save()
    if isinstance(obj, RevisionMixin):
        revision = obj.save_revision()
        if isinstance(obj, DraftStateMixin):
            revision.publish()
    return obj


def submit_for_translation(instance):
    """Submit for translation without publishing: the Japanese copy is a draft."""
    with override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False):
        TranslationCreator(user=None, target_locales=[locale("ja")]).create_translations(
            instance, include_related_objects=False
        )
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale("ja")
    )


def a_translator(username: str = "translator"):
    return user_in_role(TRANSLATORS, username=username)


def a_fee_table(*, title: str = "Fees 2025", amount: str = "1000") -> FeeTable:
    table = FeeTable(
        locale=locale(settings.LANGUAGE_CODE),
        title=title,
        currency="EUR",
        valid_from=datetime.date(2025, 1, 1),
    )
    table.rows = [
        FeeRow(
            category="local_government",
            label="Up to 99,999 inhabitants",
            population_max=99_999,
            annual_amount=Decimal(amount),
        )
    ]
    return publish(table)


class TranslationStatusTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.japanese = locale("ja")
        translate_fully(cls.home)
        ensure_roles()  # translators may edit the Japanese tree made above

    def page(self, title: str, **fields):
        page = StandardPageFactory(parent=self.home, title=title, **fields)
        page.save_revision().publish()
        return page

    def rows(self) -> dict:
        return {row.title: row for row in translation_status(locale=self.japanese)}

    def assert_row(self, title: str, status: Status, action: Action, url: str):
        row = self.rows()[title]
        self.assertEqual((row.status, row.action, row.action_url), (status, action, url))

    def test_a_page_without_japanese_is_not_translated_and_offers_translate(self):
        page = self.page("Alone")
        self.assert_row(
            "Alone",
            Status.NOT_TRANSLATED,
            Action.TRANSLATE,
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        )

    def test_a_japanese_alias_of_the_english_is_not_translated(self):
        page = self.page("Aliased")
        alias = page.copy_for_translation(self.japanese, alias=True)
        self.assert_row(
            "Aliased",
            Status.NOT_TRANSLATED,
            Action.TRANSLATE,
            reverse("wagtailadmin_pages:edit", args=[alias.pk]),
        )

    def test_a_page_submitted_for_translation_is_a_draft_until_published(self):
        page = self.page("Submitted", intro="To be translated.")
        translation = submit_for_translation(page)
        japanese = page.get_translation(self.japanese)
        self.assertFalse(japanese.live)
        edit = reverse("wagtailadmin_pages:edit", args=[japanese.pk])
        self.assert_row("Submitted", Status.DRAFT, Action.OPEN_EDITOR, edit)
        # Every string translated and saved as a draft: next, a moderator's approval.
        po = translation.export_po()
        for entry in po:
            entry.msgstr = _EverythingTranslated().lookup(text=entry.msgid, context=entry.msgctxt)
        translation.import_po(po)
        translation.save_target(publish=False)
        self.assert_row("Submitted", Status.DRAFT, Action.SUBMIT, edit)

    def test_a_machine_translated_draft_needs_a_person_to_review_it(self):
        page = self.page("Machine", intro="Translated by a machine.")
        translation = submit_for_translation(page)
        translator = a_translator()
        self.client.force_login(translator)
        response = self.client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
            {"next": REPORT},
        )
        self.assertEqual(response.status_code, 302)
        edit = reverse("wagtailadmin_pages:edit", args=[page.get_translation(self.japanese).pk])
        self.assert_row("Machine", Status.MACHINE_NOT_REVIEWED, Action.REVIEW, edit)
        # The translator reads each string in the editor and corrects it.
        for segment in StringSegment.objects.filter(source=translation.source):
            response = self.client.put(
                reverse(
                    "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
                ),
                "value=%E6%A0%A1%E6%AD%A3%E6%B8%88%E3%81%BF",  # 校正済み
                content_type="application/x-www-form-urlencoded",
            )
            self.assertIn(response.status_code, (200, 201))
        self.assertFalse(
            StringTranslation.objects.filter(
                locale=self.japanese, translation_type="machine"
            ).exists()
        )
        # Reviewed, not yet saved to the page: the translator submits it.
        self.assert_row("Machine", Status.DRAFT, Action.SUBMIT, edit)

    def test_an_english_text_change_puts_the_japanese_behind(self):
        page = self.page("Changing", intro="First text.")
        translate_fully(page)
        self.assertEqual(self.rows()["Changing"].status, Status.UP_TO_DATE)
        page.intro = "Second text."
        page.save_revision().publish()
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=self.japanese
        )
        self.assert_row(
            "Changing",
            Status.BEHIND,
            Action.SYNC_PAGES,
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
        )

    def test_an_english_fee_amount_change_puts_the_japanese_fee_table_behind(self):
        table = a_fee_table()
        translate_fully(table)
        self.assertEqual(self.rows()["Fees 2025"].status, Status.UP_TO_DATE)
        table = FeeTable.objects.get(pk=table.pk)
        row = table.rows.get()
        row.annual_amount = Decimal("1200")
        table.rows = [row]
        publish(table)
        translation = Translation.objects.get(
            source__object_id=table.translation_key, target_locale=self.japanese
        )
        self.assert_row(
            "Fees 2025",
            Status.BEHIND,
            Action.SYNC_SNIPPETS,
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
        )
        # Synced with the English, but the Japanese still shows the old amount: still behind.
        translation.source.update_from_db()
        self.assertEqual(self.rows()["Fees 2025"].status, Status.BEHIND)
        # Synced into a Japanese draft: what is left is to publish it.
        translation.save_target(publish=False)
        japanese = FeeTable.objects.get(pk=table.get_translation(self.japanese).pk)
        expected = Status.DRAFT if isinstance(japanese, DraftStateMixin) else Status.UP_TO_DATE
        self.assertEqual(self.rows()["Fees 2025"].status, expected)

    def test_an_english_time_change_puts_a_session_behind(self):
        event = EventPageFactory(parent=EventIndexPageFactory(parent=self.home), title="Forum")
        event.save_revision().publish()
        session = add_session(event, title="Opening")
        for page in (event.get_parent(), event, session):
            translate_fully(page)
        self.assertEqual(self.rows()["Opening"].status, Status.UP_TO_DATE)
        session.start = eastern(2022, 3, 8, 21, 0)
        session.end = eastern(2022, 3, 8, 21, 30)
        session.save_revision().publish()
        self.assertEqual(self.rows()["Opening"].status, Status.BEHIND)

    def test_a_japanese_page_in_moderation_is_waiting_for_approval(self):
        page = self.page("Moderated", intro="Text.")
        japanese = translate_fully(page)
        japanese.intro = "変更したテキスト。"
        japanese.save_revision()
        state = japanese.get_workflow().start(japanese, a_translator())
        self.assert_row(
            "Moderated",
            Status.WAITING_FOR_APPROVAL,
            Action.VIEW_MODERATION,
            reverse("wagtailadmin_pages:workflow_history_detail", args=[japanese.pk, state.pk]),
        )

    def test_a_live_copy_of_the_english_is_not_translated(self):
        page = self.page("Copied", intro="Still English.")
        japanese = translate(page)  # submitted and published, nothing translated
        self.assert_row(
            "Copied",
            Status.NOT_TRANSLATED,
            Action.TRANSLATE,
            reverse("wagtailadmin_pages:edit", args=[japanese.pk]),
        )

    def test_a_live_page_with_strings_left_in_english_is_partly_translated(self):
        page = self.page("Partly", intro="Left in English.")
        with TestCase.captureOnCommitCallbacks(execute=True):
            translate_objects(objects=[page], locale=self.japanese, catalogue=_OnlyTitles())
        self.assertEqual(self.rows()["Partly"].action, Action.OPEN_EDITOR)
        self.assertEqual(self.rows()["Partly"].status, Status.INCOMPLETE)

    def test_a_japanese_page_made_outside_the_translation_tool_is_marked_so(self):
        page = self.page("By hand", intro="Text.")
        japanese = page.copy_for_translation(self.japanese)
        japanese.save_revision().publish()
        self.assert_row(
            "By hand",
            Status.UNMANAGED,
            Action.EDIT,
            reverse("wagtailadmin_pages:edit", args=[japanese.pk]),
        )

    def test_a_translated_live_page_is_up_to_date_and_links_to_its_japanese_page(self):
        page = self.page("Done", slug="done", intro="Finished.")
        translate_fully(page)
        self.assert_row("Done", Status.UP_TO_DATE, Action.VIEW_LIVE, "/ja/done/")

    def test_a_page_that_keeps_its_english_address_is_still_up_to_date(self):
        page = self.page("Kept address", slug="kept", intro="Finished.")
        with TestCase.captureOnCommitCallbacks(execute=True):
            translate_objects(objects=[page], locale=self.japanese, catalogue=_AllButTheSlug())
        self.assert_row("Kept address", Status.UP_TO_DATE, Action.VIEW_LIVE, "/ja/kept/")

    def test_a_japanese_snippet_draft_is_not_published(self):
        footer = publish(FooterFactory())
        japanese = translate_fully(footer)
        self.assertEqual(self.rows()["Test Network"].status, Status.UP_TO_DATE)
        if not isinstance(japanese, DraftStateMixin):
            self.skipTest("Footers have no drafts.")
        japanese.about = "下書き"
        japanese.save_revision()
        self.assertEqual(self.rows()["Test Network"].status, Status.DRAFT)

    def test_sessions_are_listed_under_their_event_in_tree_order(self):
        index = EventIndexPageFactory(parent=self.home, title="Events")
        event = EventPageFactory(parent=index, title="Forum")
        add_session(event, title="Opening")
        add_session(event, title="Closing", start=eastern(2022, 3, 8, 21, 0))
        rows = [row for row in translation_status(locale=self.japanese) if row.is_page]
        titles = [row.title for row in rows]
        self.assertEqual(
            titles[titles.index("Events") :][:4], ["Events", "Forum", "Opening", "Closing"]
        )
        by_title = {row.title: row for row in rows}
        self.assertEqual(by_title["Opening"].parent, "Forum")
        self.assertEqual(by_title["Forum"].parent, "")
        self.assertEqual({by_title[t].section for t in ("Events", "Forum", "Opening")}, {"Events"})
        self.assertGreater(by_title["Opening"].level, by_title["Forum"].level)

    def test_the_number_of_queries_does_not_grow_with_the_pages(self):
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                translation_status(locale=self.japanese)
            return len(queries)

        for number in range(10):
            translate_fully(self.page(f"Page {number}"))
        translation_status(locale=self.japanese)  # site root paths are cached after this
        with_ten = count()
        for number in range(10, 30):
            translate_fully(self.page(f"Page {number}"))
        self.assertEqual(count(), with_ten)
        self.assertLess(with_ten, 40)


class _OnlyTitles:
    def lookup(self, *, text: str, context: str | None) -> str | None:
        return f"訳：{text}" if context in ("title", "slug") else None


class TranslationStatusReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        translate_fully(cls.home)
        cls.missing = StandardPageFactory(parent=cls.home, title="Missing")
        cls.missing.save_revision().publish()
        cls.done = StandardPageFactory(parent=cls.home, title="Done")
        cls.done.save_revision().publish()
        translate_fully(cls.done)
        cls.draft = StandardPageFactory(parent=cls.home, title="Draft")
        cls.draft.save_revision().publish()
        submit_for_translation(cls.draft)
        ensure_roles()

    def setUp(self):
        self.client.force_login(a_translator())

    def report(self, **filters) -> dict[str, tuple[str, str, str]]:
        """Each row's title → (status, next-step label, link), as the translator sees them."""
        response = self.client.get(REPORT, filters)
        self.assertEqual(response.status_code, 200)
        rows = {}
        for row in soup(response).find_all("tr", attrs={"data-status": True}):
            title = next(row.td.stripped_strings)
            link = row.find("a")
            rows[title] = (row["data-status"], link.get_text(strip=True), link["href"])
        return rows

    def test_each_row_shows_its_state_and_the_next_step(self):
        rows = self.report()
        japanese_draft = self.draft.get_translation(locale("ja"))
        self.assertEqual(rows["Missing"][:2], ("not_translated", "Translate"))
        self.assertEqual(
            urlsplit(rows["Missing"][2]).path,
            reverse("wagtail_localize:submit_page_translation", args=[self.missing.pk]),
        )
        self.assertEqual(rows["Draft"][:2], ("draft", "Open translation editor"))
        self.assertEqual(
            urlsplit(rows["Draft"][2]).path,
            reverse("wagtailadmin_pages:edit", args=[japanese_draft.pk]),
        )
        for title in ("Missing", "Draft"):
            self.assertEqual(parse_qs(urlsplit(rows[title][2]).query), {"next": [REPORT]})
        self.assertEqual(rows["Done"], ("up_to_date", "View live", "/ja/done/"))

    def test_next_step_links_return_to_the_report_with_its_filters(self):
        filters = {"locale": "ja", "section": "Draft", "status": "draft"}
        response = self.client.get(REPORT, filters)
        self.assertContains(response, '<option value="draft" selected>')
        self.assertContains(response, '<option value="Draft" selected>')
        rows = self.report(**filters)
        self.assertEqual(list(rows), ["Draft"])
        back = parse_qs(urlsplit(rows["Draft"][2]).query)["next"][0]
        self.assertEqual(urlsplit(back).path, REPORT)
        self.assertEqual(
            {key: value[0] for key, value in parse_qs(urlsplit(back).query).items()}, filters
        )

    def test_a_translator_working_in_japanese_reads_the_report_in_japanese(self):
        translator = a_translator("japanese-translator")
        profile = UserProfile.get_for_user(translator)
        profile.preferred_language = "ja"
        profile.save()
        self.client.force_login(translator)
        rows = self.report()
        self.assertEqual(rows["Missing"][1], "翻訳する")
        self.assertEqual(rows["Draft"][1], "翻訳エディターを開く")
        self.assertEqual(rows["Done"][1], "公開ページを見る")

    def test_the_report_filters_by_status(self):
        rows = self.report(status="not_translated")
        self.assertIn("Missing", rows)
        self.assertNotIn("Done", rows)
        self.assertNotIn("Draft", rows)
        self.assertEqual({status for status, _label, _link in rows.values()}, {"not_translated"})

    def test_people_without_translation_rights_cannot_see_it(self):
        self.client.force_login(
            get_user_model().objects.create_user("nobody", password="pw", is_staff=True)
        )
        self.assertNotEqual(self.client.get(REPORT).status_code, 200)


class DemoTranslationStatusTests(DemoSiteTestCase):
    def test_every_demo_page_and_snippet_is_up_to_date_in_japanese(self):
        rows = translation_status(locale=locale("ja"))
        self.assertTrue(rows)
        self.assertEqual(
            {row.title: row.status for row in rows if row.status != Status.UP_TO_DATE}, {}
        )
