"""Editors, moderators and translators each get what their job needs, and no more."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import TestCase

from wagtail.models import Page, WorkflowContentType, WorkflowPage

from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS, ensure_roles, moderated_snippet_models
from tests.factories import (
    FooterFactory,
    StandardPageFactory,
    make_site,
    translate,
    users_in_roles,
)

# The snippets visitors read, found by setup_roles in every app (not listed there by hand).
SNIPPET_MODELS = [
    "home.mainmenu",
    "home.footer",
    "events.person",
    "membership.testimonial",
    "membership.contact",
    "membership.feetable",
]


class RolesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.page = StandardPageFactory(parent=cls.home, slug="about")
        cls.home_ja = translate(cls.home)
        cls.page_ja = translate(cls.page)
        cls.footer = FooterFactory()
        cls.footer_ja = translate(cls.footer, organisation_name="テスト")
        cls.editor, cls.moderator, cls.translator = users_in_roles(
            EDITORS, MODERATORS, TRANSLATORS
        ).values()

    def test_the_three_groups_exist_and_setup_is_repeatable(self):
        ensure_roles()
        self.assertEqual(
            Group.objects.filter(name__in=[EDITORS, MODERATORS, TRANSLATORS]).count(), 3
        )

    def test_a_moderation_workflow_covers_the_whole_tree(self):
        root = Page.get_first_root_node()
        workflow = WorkflowPage.objects.get(page=root).workflow
        self.assertTrue(workflow.active)
        self.assertEqual(self.page.get_workflow(), workflow)
        self.assertEqual(self.page_ja.get_workflow(), workflow)

    def test_editors_edit_but_moderators_publish(self):
        self.assertTrue(self.page.permissions_for_user(self.editor).can_edit())
        self.assertFalse(self.page.permissions_for_user(self.editor).can_publish())
        self.assertTrue(self.page.permissions_for_user(self.moderator).can_publish())

    def test_translators_edit_japanese_pages_only(self):
        self.assertTrue(self.page_ja.permissions_for_user(self.translator).can_edit())
        self.assertFalse(self.page_ja.permissions_for_user(self.translator).can_publish())
        self.assertFalse(self.page.permissions_for_user(self.translator).can_edit())
        self.client.force_login(self.translator)
        self.assertEqual(self.client.get(f"/admin/pages/{self.page_ja.pk}/edit/").status_code, 200)
        self.assertNotEqual(self.client.get(f"/admin/pages/{self.page.pk}/edit/").status_code, 200)

    def test_translators_edit_japanese_snippets_only(self):
        self.client.force_login(self.translator)
        url = "/admin/snippets/home/footer/edit/{}/"
        self.assertEqual(self.client.get(url.format(self.footer_ja.pk)).status_code, 200)
        refused = self.client.get(url.format(self.footer.pk), follow=True)
        self.assertContains(refused, "Sorry, you do not have permission to access this area.")
        response = self.client.post(url.format(self.footer.pk), {"organisation_name": "Changed"})
        self.assertEqual(response.status_code, 302)
        self.footer.refresh_from_db()
        self.assertEqual(self.footer.organisation_name, "Test Network")

    def test_editors_edit_snippets_in_every_language(self):
        self.client.force_login(self.editor)
        self.assertEqual(
            self.client.get(f"/admin/snippets/home/footer/edit/{self.footer.pk}/").status_code, 200
        )


class SnippetRolesTests(TestCase):
    """Snippets visitors see: editors and translators prepare drafts, moderators publish."""

    @classmethod
    def setUpTestData(cls):
        make_site()
        cls.editor, cls.moderator, cls.translator = users_in_roles(
            EDITORS, MODERATORS, TRANSLATORS
        ).values()

    def permissions(self, user, model: str) -> set[str]:
        app_label, model_name = model.split(".")
        return {
            codename.removesuffix(f"_{model_name}")
            for codename in Permission.objects.filter(
                group__user=user, content_type__app_label=app_label, content_type__model=model_name
            ).values_list("codename", flat=True)
        }

    def test_every_snippet_visitors_read_is_found_in_its_app(self):
        self.assertEqual(
            sorted(model._meta.label_lower for model in moderated_snippet_models()),
            sorted(SNIPPET_MODELS),
        )

    def test_only_moderators_publish_or_delete_snippets(self):
        for model in SNIPPET_MODELS:
            with self.subTest(model):
                self.assertEqual(
                    self.permissions(self.editor, model), {"add", "change", "lock", "unlock"}
                )
                self.assertEqual(
                    self.permissions(self.moderator, model),
                    {"add", "change", "delete", "publish", "lock", "unlock"},
                )
                self.assertEqual(self.permissions(self.translator, model), {"change"})

    def test_snippet_drafts_go_to_the_moderators_workflow(self):
        workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
        for model in SNIPPET_MODELS:
            app_label, model_name = model.split(".")
            content_type = ContentType.objects.get(app_label=app_label, model=model_name)
            with self.subTest(model):
                self.assertEqual(
                    WorkflowContentType.objects.get(content_type=content_type).workflow, workflow
                )
                self.assertEqual(content_type.model_class()().get_workflow(), workflow)

    def test_rerunning_setup_takes_back_what_editors_no_longer_have(self):
        group = Group.objects.get(name=EDITORS)
        group.permissions.add(Permission.objects.get(codename="delete_testimonial"))
        ensure_roles()
        self.assertNotIn("delete", self.permissions(self.editor, "membership.testimonial"))
