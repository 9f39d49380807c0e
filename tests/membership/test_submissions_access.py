"""Only the membership team (and superusers) read and export applications."""

import io

from django.test import TestCase

import openpyxl

from membership.models import ApplicationSubmission
from membership.roles import MEMBERSHIP
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS, ensure_roles
from tests.factories import (
    build_membership_section,
    make_site,
    user_in_role,
    users_in_roles,
)

FORMULA = '=HYPERLINK("http://evil.example","click")'
HOSTILE = "<script>alert('x')</script>"


class SubmissionAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        _snippets, pages = build_membership_section(home)
        cls.form_page = pages[-1]
        ApplicationSubmission.objects.create(
            page=cls.form_page,
            form_data={"organisation": HOSTILE, "country": FORMULA, "message": "line\nbreak"},
        )
        cls.team, *cls.others = users_in_roles(
            MEMBERSHIP, EDITORS, MODERATORS, TRANSLATORS
        ).values()

    def url(self, export: str = "") -> str:
        return "/admin/applications/" + (f"?export={export}" if export else "")

    def test_the_membership_team_reads_applications_with_markup_escaped(self):
        self.client.force_login(self.team)
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "&lt;script&gt;alert(")
        self.assertNotContains(response, HOSTILE)

    def test_editors_moderators_and_translators_cannot_read_or_export_them(self):
        for user in self.others:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                for export in ("", "csv", "xlsx"):
                    response = self.client.get(self.url(export))
                    self.assertNotEqual(response.status_code, 200)
                    self.assertNotIn(b"alert(", response.content)

    def test_csv_export_defuses_spreadsheet_formulas(self):
        self.client.force_login(self.team)
        response = self.client.get(self.url("csv"))
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        self.assertIn("'=HYPERLINK", content)
        self.assertIn(HOSTILE, content)

    def test_xlsx_export_keeps_text_as_text(self):
        self.client.force_login(self.team)
        response = self.client.get(self.url("xlsx"))
        workbook = openpyxl.load_workbook(
            io.BytesIO(
                b"".join(response.streaming_content) if response.streaming else response.content
            )
        )
        values = [cell.value for row in workbook.active.iter_rows() for cell in row]
        self.assertIn(FORMULA, values)
        formula_cell = next(
            cell for row in workbook.active.iter_rows() for cell in row if cell.value == FORMULA
        )
        self.assertEqual(formula_cell.data_type, "s")


class OutboxAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from membership.models import OutgoingEmail

        make_site()
        ensure_roles()
        OutgoingEmail.objects.create(
            purpose="application-team", to="team@example.org", subject="Waiting mail", body="b"
        )

    def test_the_membership_team_sees_the_emails_still_waiting(self):
        self.client.force_login(user_in_role(MEMBERSHIP))
        response = self.client.get("/admin/outgoing_emails/")
        self.assertContains(response, "Waiting mail")

    def test_editors_do_not(self):
        self.client.force_login(user_in_role(EDITORS))
        self.assertNotEqual(self.client.get("/admin/outgoing_emails/").status_code, 200)
