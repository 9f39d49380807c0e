"""Nothing visitors see changes without a moderator: every publishing route, tried by every role.

Each route is what a person does in the admin (the page editor, wagtail-localize's submit,
sync, convert-to-alias and translation editor, bulk actions, unpublish, delete, move, copy,
workflow approval). Each runs on the same data in a rolled-back transaction, and what
visitors can see (pages' live state and content, public HTML) is compared before and after.
A route that publishes must change it for a moderator (so the check is not vacuous) and for
nobody else; a harmless route must change it for nobody.
"""

import html
import json
import re

from django.core.cache import cache
from django.db import transaction
from django.test import TestCase

from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringSegment, Translation

from events.models import Person, SessionPage
from home.models import Footer, StandardPage
from home.visibility import reachable
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    FooterFactory,
    PersonFactory,
    StandardPageFactory,
    add_session,
    change_every_string,
    eastern,
    locale,
    make_site,
    page_form_data,
    translate,
    users_in_roles,
)
from tests.visible import soup

PUBLIC_URLS = ["/en/", "/en/about/", "/ja/", "/ja/about/", "/en/events/", "/ja/events/"]
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
# Each response has its own CSP nonce (on every page's JSON-LD): no change visitors see.
NONCE = re.compile(rb' nonce="[^"]*"')


class _RolledBack(Exception):
    pass


class PublishRuleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.about = StandardPageFactory(parent=cls.home, slug="about", title="About us")
        cls.untranslated = StandardPageFactory(parent=cls.home, title="Contact")
        cls.section = StandardPageFactory(parent=cls.home, title="Section")
        cls.index = EventIndexPageFactory(parent=cls.home, slug="events")
        cls.event = EventPageFactory(parent=cls.index, slug="forum", title="Forum")
        for hour in (20, 21):
            add_session(
                cls.event,
                slug=f"at-{hour}",
                start=eastern(2022, 3, 8, hour, 0),
                end=eastern(2022, 3, 8, hour, 30),
            )
        cls.home_ja = translate(cls.home)
        cls.about_ja = translate(cls.about)
        translate(cls.index)
        # A Japanese-only page: translating it would create an English page.
        cls.japanese_only = StandardPageFactory(
            parent=cls.home_ja, slug="nihon", title="日本だけ", locale=locale("ja")
        )
        # An English draft waiting to be published.
        cls.about.title = "About us (draft)"
        cls.about.save_revision()
        cls.footer = FooterFactory(organisation_name="The Network")
        cls.footer_ja = translate(cls.footer)
        cls.testimonial_person = PersonFactory(name="SPEAKER Untranslated")
        cls.users = users_in_roles(EDITORS, MODERATORS, TRANSLATORS)
        cls.japanese = Locale.objects.get(language_code="ja")
        cls.english = Locale.objects.get(language_code="en")
        cls.about_translation = Translation.objects.get(
            source__object_id=cls.about.translation_key, target_locale=cls.japanese
        )
        cls.footer_translation = Translation.objects.get(
            source__object_id=cls.footer.translation_key, target_locale=cls.japanese
        )

    # What visitors can see -------------------------------------------------------------

    def visible_state(self):
        pages = list(
            reachable(Page.objects.all())
            .order_by("pk")
            .values_list("pk", "live", "live_revision_id", "title", "url_path", "alias_of_id")
        )
        cache.clear()
        self.client.logout()
        html = {
            url: NONCE.sub(b"", CSRF.sub(b"", self.client.get(url).content)) for url in PUBLIC_URLS
        }
        snippets = [
            list(model.objects.filter(live=True).order_by("pk").values(*fields))
            for model, fields in (
                (Footer, ["pk", "organisation_name", "about", "live", "live_revision_id"]),
                (Person, ["pk", "name", "role", "organisation", "live", "live_revision_id"]),
            )
        ]
        return pages, html, snippets

    # The routes ---------------------------------------------------------------------------

    def route_page_editor_publish_english(self):
        data = page_form_data(self.about, title="Changed by editor")
        data["action-publish"] = "action-publish"
        self.client.post(f"/admin/pages/{self.about.pk}/edit/", data)

    def route_translation_editor_publish_japanese(self):
        self.client.post(f"/admin/pages/{self.about_ja.pk}/edit/", {"action": "publish"})

    def route_submit_translation_of_new_page(self):
        self.client.post(
            f"/admin/localize/submit/page/{self.untranslated.pk}/",
            {"locales": [self.japanese.pk]},
        )

    def route_submit_translation_with_subtree(self):
        self.client.post(
            f"/admin/localize/submit/page/{self.event.pk}/",
            {"locales": [self.japanese.pk], "include_subtree": "on"},
        )

    def route_translate_japanese_page_into_english(self):
        self.client.post(
            f"/admin/localize/submit/page/{self.japanese_only.pk}/",
            {"locales": [self.english.pk]},
        )

    def route_sync_and_publish_immediately(self):
        self.client.post(
            f"/admin/localize/update/{self.about_translation.source_id}/",
            {"publish_translations": "on"},
        )

    def route_convert_to_alias(self):
        self.client.post(f"/admin/localize/page/{self.about_ja.pk}/convert_to_alias/")

    def route_convert_to_alias_from_editor_menu(self):
        self.client.post(
            f"/admin/pages/{self.about_ja.pk}/edit/",
            {"localize-convert-to-alias": "1"},
            follow=True,
        )
        self.client.post(f"/admin/localize/page/{self.about_ja.pk}/convert_to_alias/")

    def route_bulk_publish(self):
        self.client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={self.about.pk}", {"include_descendants": ""}
        )

    def route_unpublish(self):
        self.client.post(f"/admin/pages/{self.about.pk}/unpublish/")

    def route_delete_live_page(self):
        self.client.post(f"/admin/pages/{self.about.pk}/delete/")

    def route_move_live_page(self):
        self.client.post(f"/admin/pages/{self.about.pk}/move/{self.section.pk}/confirm/")

    def route_copy_and_publish(self):
        self.client.post(
            f"/admin/pages/{self.about.pk}/copy/",
            {
                "new_title": "About copy",
                "new_slug": "about-copy",
                "new_parent_page": self.home.pk,
                "publish_copies": "on",
            },
        )

    def route_copy_as_alias(self):
        self.client.post(
            f"/admin/pages/{self.about.pk}/copy/",
            {
                "new_title": "About alias",
                "new_slug": "about-alias",
                "new_parent_page": self.home.pk,
                "alias": "on",
            },
        )

    def route_approve_a_waiting_change(self):
        # Someone submitted the English draft; the person tries to approve it.
        workflow = self.about.get_workflow()
        state = workflow.start(self.about, self.users[EDITORS])
        task_state = state.current_task_state
        self.client.post(
            f"/admin/pages/workflow/action/{self.about.pk}/approve/{task_state.pk}/",
            {"comment": ""},
        )

    def route_snippet_editor_publish_english_footer(self):
        self.client.post(
            f"/admin/snippets/home/footer/edit/{self.footer.pk}/",
            nested_form_data(
                {
                    "organisation_name": "Changed network",
                    "about": "",
                    "links": streamfield([]),
                    "copyright_notice": "",
                    "action-publish": "action-publish",
                }
            ),
        )

    def route_translation_editor_publish_japanese_footer(self):
        self.client.post(
            f"/admin/snippets/home/footer/edit/{self.footer_ja.pk}/", {"action": "publish"}
        )

    def route_delete_live_snippet(self):
        self.client.post(f"/admin/snippets/home/footer/delete/{self.footer.pk}/")

    def route_submit_snippet_translation(self):
        self.client.post(
            f"/admin/localize/submit/snippet/events/person/{self.testimonial_person.pk}/",
            {"locales": [self.japanese.pk]},
        )

    # Harmless routes: they prepare drafts only.

    def route_machine_translate(self):
        self.client.post(
            f"/admin/localize/translate/{self.about_translation.pk}/machine_translate/"
        )

    def route_submit_translation_for_approval(self):
        # A translator's new wording, waiting in the editor, goes for approval: not live yet.
        change_every_string(self.about_translation, prefix="新しい訳: ")
        self.client.post(f"/admin/translations/{self.about_translation.pk}/submit-for-approval/")

    def route_submit_snippet_translation_for_approval(self):
        change_every_string(self.footer_translation, prefix="新しい訳: ")
        self.client.post(f"/admin/translations/{self.footer_translation.pk}/submit-for-approval/")

    def route_sync_without_publishing(self):
        self.client.post(f"/admin/localize/update/{self.about_translation.source_id}/", {})

    def route_save_english_draft(self):
        self.client.post(
            f"/admin/pages/{self.about.pk}/edit/",
            page_form_data(self.about, title="Another draft"),
        )

    PUBLISHING_ROUTES = [
        "page_editor_publish_english",
        "translation_editor_publish_japanese",
        "sync_and_publish_immediately",
        "convert_to_alias",
        "convert_to_alias_from_editor_menu",
        "bulk_publish",
        "unpublish",
        "delete_live_page",
        "move_live_page",
        "copy_and_publish",
        "copy_as_alias",
        "approve_a_waiting_change",
        "snippet_editor_publish_english_footer",
        "translation_editor_publish_japanese_footer",
        "delete_live_snippet",
    ]
    DRAFT_ONLY_ROUTES = [
        "submit_translation_of_new_page",
        "submit_translation_with_subtree",
        "translate_japanese_page_into_english",
        "machine_translate",
        "submit_translation_for_approval",
        "sync_without_publishing",
        "save_english_draft",
        "submit_snippet_translation",
        "submit_snippet_translation_for_approval",
    ]

    def changes_what_visitors_see(self, route: str, role: str) -> bool:
        try:
            with transaction.atomic():
                before = self.visible_state()
                self.client.force_login(self.users[role])
                with self.captureOnCommitCallbacks(execute=True):
                    getattr(self, f"route_{route}")()
                after = self.visible_state()
                raise _RolledBack(before != after)
        except _RolledBack as result:
            return result.args[0]

    def test_only_moderators_change_what_visitors_see(self):
        for route in self.PUBLISHING_ROUTES:
            for role in (EDITORS, TRANSLATORS, MODERATORS):
                with self.subTest(route=route, role=role):
                    self.assertEqual(
                        self.changes_what_visitors_see(route, role),
                        role == MODERATORS,
                        f"{route} by {role}",
                    )

    def test_preparing_drafts_changes_nothing_visitors_see(self):
        for route in self.DRAFT_ONLY_ROUTES:
            for role in (EDITORS, TRANSLATORS, MODERATORS):
                with self.subTest(route=route, role=role):
                    self.assertFalse(self.changes_what_visitors_see(route, role))

    def test_translators_are_not_offered_the_source_language(self):
        self.client.force_login(self.users[TRANSLATORS])
        response = self.client.get(f"/admin/localize/submit/page/{self.japanese_only.pk}/")
        self.assertEqual(soup(response).find_all("input", attrs={"name": "locales"}), [])
        self.client.post(
            f"/admin/localize/submit/page/{self.japanese_only.pk}/",
            {"locales": [self.english.pk]},
        )
        self.assertFalse(StandardPage.objects.filter(locale=self.english, slug="nihon").exists())

    def test_translations_are_created_as_drafts_in_a_consistent_tree(self):
        self.client.force_login(self.users[TRANSLATORS])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/admin/localize/submit/page/{self.event.pk}/",
                {"locales": [self.japanese.pk], "include_subtree": "on"},
            )
        event_ja = self.event.get_translation(self.japanese)
        sessions = SessionPage.objects.child_of(event_ja)
        self.assertEqual(event_ja.numchild, 2)
        self.assertEqual(sessions.count(), 2)
        self.assertFalse(event_ja.live)
        self.assertFalse(sessions.filter(live=True).exists())
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_synchronised_values_cannot_be_overridden_by_translators(self):
        translate(self.event)
        source = Translation.objects.get(
            source__object_id=self.event.translation_key, target_locale=self.japanese
        ).source
        overridable = set(source.overridablesegment_set.values_list("context__path", flat=True))
        for field in ("time_zone", "start_date", "end_date", "registration_url"):
            self.assertNotIn(field, overridable)
        strings = set(
            StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
        )
        self.assertNotIn("time_zone", strings)


class TranslationEditorTests(TestCase):
    """The translation editor offers translators "Submit for approval", never publish or alias."""

    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        cls.about = StandardPageFactory(parent=home, slug="about", title="About us")
        cls.about_ja = translate(cls.about)
        cls.users = users_in_roles(TRANSLATORS, MODERATORS)

    def editor_props(self, response) -> dict:
        match = re.search(rb'class="js-translation-editor" data-props="([^"]*)"', response.content)
        return json.loads(html.unescape(match.group(1).decode()))

    def test_translators_submit_for_approval_and_cannot_publish_or_alias(self):
        self.client.force_login(self.users[TRANSLATORS])
        response = self.client.get(f"/admin/pages/{self.about_ja.pk}/edit/")
        self.assertContains(response, "Submit for approval")
        props = self.editor_props(response)
        self.assertFalse(props["perms"]["canPublish"])
        self.assertIsNone(props["links"]["convertToAliasUrl"])

    def test_moderators_publish_directly(self):
        self.client.force_login(self.users[MODERATORS])
        response = self.client.get(f"/admin/pages/{self.about_ja.pk}/edit/")
        self.assertNotContains(response, "Submit for approval")
        props = self.editor_props(response)
        self.assertTrue(props["perms"]["canPublish"])
        self.assertIsNotNone(props["links"]["convertToAliasUrl"])

    def test_a_submitted_translation_reaches_the_moderators(self):
        self.client.force_login(self.users[TRANSLATORS])
        translation = Translation.objects.get(
            source__object_id=self.about.translation_key, target_locale=locale("ja")
        )
        response = self.client.post(
            f"/admin/translations/{translation.pk}/submit-for-approval/", follow=True
        )
        self.assertContains(response, "Submitted for approval")
        self.about_ja.refresh_from_db()
        task_state = self.about_ja.current_workflow_task_state
        self.assertEqual(task_state.task.name, "Moderators approval")
        self.client.force_login(self.users[MODERATORS])
        self.assertContains(self.client.get("/admin/"), "About us")

    def test_a_live_translation_changes_for_visitors_only_after_approval(self):
        translation = Translation.objects.get(
            source__object_id=self.about.translation_key, target_locale=locale("ja")
        )
        change_every_string(translation, prefix="承認待ち: ")
        self.client.force_login(self.users[TRANSLATORS])
        self.client.post(f"/admin/translations/{translation.pk}/submit-for-approval/")
        self.client.logout()
        self.assertNotContains(self.client.get("/ja/about/"), "承認待ち")
        self.about_ja.refresh_from_db()
        self.assertTrue(self.about_ja.live)
        task_state = self.about_ja.current_workflow_task_state
        self.client.force_login(self.users[MODERATORS])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/admin/pages/workflow/action/{self.about_ja.pk}/approve/{task_state.pk}/",
                {"comment": ""},
            )
        self.client.logout()
        cache.clear()
        self.assertContains(self.client.get("/ja/about/"), "承認待ち: About us")

    def test_a_snippet_translation_goes_to_the_moderators_and_then_live(self):
        footer = FooterFactory(organisation_name="The Network")
        footer_ja = translate(footer)
        translation = Translation.objects.get(
            source__object_id=footer.translation_key, target_locale=locale("ja")
        )
        change_every_string(translation, prefix="承認待ち: ")
        self.client.force_login(self.users[TRANSLATORS])
        self.client.post(f"/admin/translations/{translation.pk}/submit-for-approval/")
        footer_ja.refresh_from_db()
        self.assertTrue(footer_ja.live)
        self.assertEqual(footer_ja.organisation_name, "The Network")
        self.assertTrue(footer_ja.workflow_in_progress)
        task_state = footer_ja.current_workflow_task_state
        self.client.force_login(self.users[MODERATORS])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/admin/snippets/home/footer/workflow/action/{footer_ja.pk}/approve/"
                f"{task_state.pk}/",
                {"comment": ""},
            )
        footer_ja.refresh_from_db()
        self.assertEqual(footer_ja.organisation_name, "承認待ち: The Network")
