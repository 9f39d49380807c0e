"""Menus, footers, people, testimonials, contacts and fee tables change for visitors only once a
moderator approves: editors save drafts and submit them, through the real admin."""

from decimal import Decimal

from django.test import TestCase

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import MainMenu
from membership import models as membership
from siteadmin.roles import EDITORS, MODERATORS, ensure_roles
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    MainMenuFactory,
    PersonFactory,
    StandardPageFactory,
    add_session,
    build_membership_section,
    make_site,
    user_in_role,
)
from tests.visible import has_site_frame

OLD_QUOTE = "as Business leaders"


def admin_url(instance, view: str, *extra) -> str:
    meta = instance._meta
    parts = "/".join(str(part) for part in (instance.pk, *extra))
    return f"/admin/snippets/{meta.app_label}/{meta.model_name}/{view}/{parts}/"


def form_for_testimonial(testimonial, **changes) -> dict:
    data = {"quote": testimonial.quote, "person": testimonial.person_id, "link": testimonial.link}
    return {**data, **changes}


def form_for_fee_table(table, *, amounts: dict[int, str] | None = None, **changes) -> dict:
    amounts = amounts or {}
    rows = [
        {
            "id": row.pk,
            "category": row.category,
            "label": row.label,
            "population_min": row.population_min if row.population_min is not None else "",
            "population_max": row.population_max if row.population_max is not None else "",
            "annual_amount": amounts.get(index, str(row.annual_amount)),
            "ORDER": index + 1,
        }
        for index, row in enumerate(table.rows.all())
    ]
    data = {
        "title": table.title,
        "currency": table.currency,
        "valid_from": table.valid_from.isoformat(),
        "valid_until": table.valid_until.isoformat() if table.valid_until else "",
        "amounts_are_examples": "on" if table.amounts_are_examples else "",
        "note": table.note,
        "rows": inline_formset(rows, initial=len(rows)),
        **changes,
    }
    if not data["amounts_are_examples"]:
        del data["amounts_are_examples"]
    return nested_form_data(data)


def form_for_menu(menu, *, labels: list[tuple[str, int]]) -> dict:
    links = streamfield(
        [
            ("link", {"label": label, "page": page_pk, "external_url": ""})
            for label, page_pk in labels
        ]
    )
    return nested_form_data({"name": menu.name, "links": links})


class SnippetPublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.about = StandardPageFactory(parent=cls.home, title="About")
        snippets, pages = build_membership_section(cls.home)
        _person, _contact_person, cls.testimonial, cls.contact, cls.fee_table = snippets
        cls.landing, _associates, cls.rates, cls.testimonials_page, _form = pages
        cls.menu = MainMenuFactory(
            links=[{"type": "link", "value": {"label": "About us", "page": cls.about.pk}}]
        )
        cls.menu.save_revision().publish()
        ensure_roles()
        cls.editor = user_in_role(EDITORS, username="editor")
        cls.other_editor = user_in_role(EDITORS, username="other-editor")
        cls.moderator = user_in_role(MODERATORS, username="moderator")

    def public(self, page) -> str:
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def post_as(self, user, url: str, data: dict):
        self.client.force_login(user)
        response = self.client.post(url, data)
        self.client.logout()
        return response

    # Editors prepare; visitors keep seeing what was approved.

    def test_an_editors_change_to_a_live_testimonial_is_saved_as_a_draft(self):
        url = admin_url(self.testimonial, "edit")
        response = self.post_as(
            self.editor, url, form_for_testimonial(self.testimonial, quote="New")
        )
        self.assertEqual(response.status_code, 302)
        self.testimonial.refresh_from_db()
        self.assertTrue(self.testimonial.live)
        self.assertTrue(self.testimonial.has_unpublished_changes)
        self.assertEqual(self.testimonial.get_latest_revision_as_object().quote, "New")
        page = self.public(self.testimonials_page)
        self.assertIn(OLD_QUOTE, page)
        self.assertNotIn("<p>New</p>", page)

    def test_editors_are_offered_no_publish_button_and_a_forced_publish_only_saves_a_draft(self):
        self.client.force_login(self.editor)
        url = admin_url(self.testimonial, "edit")
        form = self.client.get(url)
        self.assertEqual(form.status_code, 200)
        self.assertNotContains(form, 'name="action-publish"')
        self.assertContains(form, 'name="action-submit"')
        data = {**form_for_testimonial(self.testimonial, quote="Forced"), "action-publish": "1"}
        self.client.post(url, data)
        self.testimonial.refresh_from_db()
        self.assertNotEqual(self.testimonial.quote, "Forced")
        self.assertNotIn("Forced", self.public(self.testimonials_page))

    def test_editors_cannot_delete_what_visitors_see(self):
        self.client.force_login(self.editor)
        self.client.post(admin_url(self.testimonial, "delete"))
        self.assertTrue(membership.Testimonial.objects.filter(pk=self.testimonial.pk).exists())

    def test_a_moderator_approving_the_submitted_testimonial_puts_it_live(self):
        url = admin_url(self.testimonial, "edit")
        data = {
            **form_for_testimonial(self.testimonial, quote="Approved words"),
            "action-submit": "1",
        }
        self.post_as(self.editor, url, data)
        state = WorkflowState.objects.for_instance(self.testimonial).get()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertNotIn("Approved words", self.public(self.testimonials_page))

        task_state = state.current_task_state
        approve = admin_url(self.testimonial, "workflow/action", "approve", task_state.pk)
        response = self.post_as(self.moderator, approve, {"comment": ""})
        self.assertIn(response.status_code, (200, 302))
        self.testimonial.refresh_from_db()
        self.assertEqual(self.testimonial.quote, "Approved words")
        self.assertFalse(self.testimonial.has_unpublished_changes)
        self.assertIn("Approved words", self.public(self.testimonials_page))

    def test_a_fee_change_reaches_the_rates_page_only_when_a_moderator_publishes_it(self):
        url = admin_url(self.fee_table, "edit")
        first_row = membership.FeeRow.objects.filter(table=self.fee_table).order_by("sort_order")
        self.post_as(self.editor, url, form_for_fee_table(self.fee_table, amounts={0: "1234"}))
        self.assertIn("€1,000", self.public(self.rates))
        self.assertNotIn("€1,234", self.public(self.rates))
        self.assertEqual(first_row.first().annual_amount, Decimal("1000"))

        self.fee_table.refresh_from_db()
        table = self.fee_table.get_latest_revision_as_object()  # what the moderator reviews
        data = {**form_for_fee_table(table), "action-publish": "1"}
        response = self.post_as(self.moderator, url, data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(first_row.first().annual_amount, Decimal("1234"))
        self.assertIn("€1,234", self.public(self.rates))

    def test_a_menu_change_shows_in_the_header_only_once_published(self):
        self.public(self.about)  # the header is cached from here on
        url = admin_url(self.menu, "edit")
        draft = form_for_menu(self.menu, labels=[("Who we are", self.about.pk)])
        self.post_as(self.editor, url, draft)
        page = self.public(self.about)
        self.assertIn(">About us</a>", page)
        self.assertNotIn("Who we are", page)

        self.post_as(self.moderator, url, {**draft, "action-publish": "1"})
        page = self.public(self.about)
        self.assertIn(">Who we are</a>", page)
        self.assertNotIn(">About us</a>", page)

    def test_an_unpublished_menu_leaves_the_header(self):
        self.public(self.about)
        self.client.force_login(self.moderator)
        self.client.post(admin_url(self.menu, "unpublish"))
        self.client.logout()
        self.assertNotIn(">About us</a>", self.public(self.about))

    # What was never approved never appears.

    def test_a_testimonial_never_published_does_not_appear(self):
        data = form_for_testimonial(self.testimonial, quote="Draft only, never approved")
        response = self.post_as(self.editor, "/admin/snippets/membership/testimonial/add/", data)
        self.assertEqual(response.status_code, 302)
        created = membership.Testimonial.objects.get(quote="Draft only, never approved")
        self.assertFalse(created.live)
        self.assertNotIn("Draft only", self.public(self.testimonials_page))

    def test_a_person_never_published_is_left_out_of_the_programme(self):
        event = EventPageFactory(parent=EventIndexPageFactory(parent=self.home))
        event.save_revision().publish()
        hidden = PersonFactory(name="HIDDEN Person", live=False)
        shown = PersonFactory(name="SHOWN Person")
        session = add_session(event, people=[(hidden, "speaker"), (shown, "speaker")])
        for page in (event, session):
            html = self.public(page)
            self.assertIn("SHOWN Person", html)
            self.assertNotIn("HIDDEN Person", html)

    def test_a_menu_never_published_is_not_shown(self):
        MainMenu.objects.all().update(live=False)
        self.assertNotIn(">About us</a>", self.public(self.about))

    # Preview, history and locking.

    def test_the_draft_previews_inside_the_page_frame(self):
        self.client.force_login(self.editor)
        url = admin_url(self.testimonial, "preview")
        response = self.client.post(url, form_for_testimonial(self.testimonial, quote="Previewed"))
        self.assertEqual(response.json()["is_valid"], True)
        preview = self.client.get(url)
        self.assertEqual(preview.status_code, 200)
        self.assertContains(preview, "Previewed")
        self.assertTrue(has_site_frame(preview))

    def test_every_snippet_type_previews_as_visitors_would_see_it(self):
        person = self.testimonial.person
        forms = {
            self.menu: (
                form_for_menu(self.menu, labels=[("Draft link", self.about.pk)]),
                "Draft link",
            ),
            self.contact: (
                {"person": self.contact.person_id, "email": self.contact.email, "phone": "+1 555"},
                "+1 555",
            ),
            self.fee_table: (form_for_fee_table(self.fee_table, amounts={1: "4321"}), "€4,321"),
            person: (
                {"name": person.name, "role": "Draft role", "organisation": "", "bio": ""},
                "Draft role",
            ),
        }
        self.client.force_login(self.editor)
        for instance, (data, expected) in forms.items():
            with self.subTest(instance._meta.model_name):
                url = admin_url(instance, "preview")
                self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
                response = self.client.get(url)
                self.assertContains(response, expected)
                self.assertTrue(has_site_frame(response))

    def test_the_history_lists_each_revision(self):
        url = admin_url(self.testimonial, "edit")
        self.post_as(self.editor, url, form_for_testimonial(self.testimonial, quote="Second"))
        self.assertEqual(self.testimonial.revisions.count(), 2)
        self.client.force_login(self.moderator)
        self.assertEqual(self.client.get(admin_url(self.testimonial, "history")).status_code, 200)

    def test_a_snippet_locked_by_one_editor_cannot_be_changed_by_another(self):
        self.client.force_login(self.editor)
        self.client.post(admin_url(self.testimonial, "lock"))
        self.testimonial.refresh_from_db()
        self.assertTrue(self.testimonial.locked)
        self.assertEqual(self.testimonial.locked_by, self.editor)

        url = admin_url(self.testimonial, "edit")
        self.post_as(
            self.other_editor, url, form_for_testimonial(self.testimonial, quote="Overwrite")
        )
        self.testimonial.refresh_from_db()
        self.assertEqual(self.testimonial.revisions.count(), 1)
        self.assertNotEqual(self.testimonial.get_latest_revision_as_object().quote, "Overwrite")
