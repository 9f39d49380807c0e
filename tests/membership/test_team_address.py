"""Where applications go (the form's team address) changes only when a moderator publishes it."""

from django.test import TestCase
from django.urls import reverse

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.roles import EDITORS, MODERATORS
from membership.models import MembershipApplicationPage
from tests.factories import build_membership_section, make_site, users_in_roles

NEW_ADDRESS = "someone-else@example.org"


class TeamAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _snippets, pages = build_membership_section(make_site())
        cls.page = pages[-1]
        cls.users = users_in_roles(EDITORS, MODERATORS)

    def publish_new_address_as(self, role: str):
        """The page editor's "Publish" button pressed with a new team address."""
        fields = [
            {
                "id": field.pk,
                "label": field.label,
                "field_type": field.field_type,
                "required": "on" if field.required else "",
                "choices": field.choices,
                "default_value": field.default_value,
                "help_text": field.help_text,
            }
            for field in self.page.form_fields.all()
        ]
        data = nested_form_data(
            {
                "title": self.page.title,
                "slug": self.page.slug,
                "intro": rich_text(self.page.intro),
                "thank_you_text": rich_text(self.page.thank_you_text),
                "team_email": NEW_ADDRESS,
                "form_fields": inline_formset(fields, initial=len(fields)),
                "comments": inline_formset([]),
            }
        )
        self.client.force_login(self.users[role])
        return self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            {**data, "action-publish": "action-publish"},
        )

    def live_address(self) -> str:
        return MembershipApplicationPage.objects.get(pk=self.page.pk).team_email

    def test_an_editor_cannot_redirect_applications(self):
        old_address = self.live_address()
        self.publish_new_address_as(EDITORS)
        self.assertEqual(self.live_address(), old_address)
        self.assertFalse(
            PageLogEntry.objects.filter(
                page=self.page, action="wagtail.publish", user=self.users[EDITORS]
            ).exists()
        )

    def test_a_moderator_changes_it_and_the_change_is_logged_with_their_name(self):
        response = self.publish_new_address_as(MODERATORS)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        self.assertEqual(self.live_address(), NEW_ADDRESS)
        self.assertTrue(
            PageLogEntry.objects.filter(
                page=self.page, action="wagtail.publish", user=self.users[MODERATORS]
            ).exists()
        )
