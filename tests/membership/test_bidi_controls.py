"""Text-direction controls in an application are shown to the team as what they are, never obeyed."""

import csv
import io

from django.test import TestCase

import openpyxl

from membership.models import OutgoingEmail
from tests.factories import build_membership_section, make_admin, make_site
from tests.membership.test_application_inbox import INBOX, apply

# "Example City" followed by an override that would show "gpj.exe" reversed, as "exe.jpg".
ORGANISATION = "Example City \u202egpj.exe"
SHOWN_ORGANISATION = "Example City [U+202E]gpj.exe"
MESSAGE = "Isolates \u2066a\u2069 \u2067b\u2069 \u2068c\u2069, marks \u200e\u200f\u061c, \u202a\u202b\u202c\u202d."
SHOWN_MESSAGE = (
    "Isolates [U+2066]a[U+2069] [U+2067]b[U+2069] [U+2068]c[U+2069], "
    "marks [U+200E][U+200F][U+061C], [U+202A][U+202B][U+202C][U+202D]."
)
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


class BidiControlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _snippets, pages = build_membership_section(make_site())
        cls.submission = apply(pages[-1], organisation=ORGANISATION, message=MESSAGE)
        cls.admin = make_admin()

    def setUp(self):
        self.client.force_login(self.admin)

    def assert_shown_not_obeyed(self, text: str) -> None:
        self.assertIn(SHOWN_ORGANISATION, text)
        self.assertIn(SHOWN_MESSAGE, text)
        self.assertFalse(set(CONTROLS) & set(text), "a direction control reached the reader")

    def export(self, kind: str) -> bytes:
        response = self.client.get(f"{INBOX}?export={kind}")
        return b"".join(response.streaming_content)

    def test_what_the_visitor_sent_is_kept_as_sent(self):
        self.assertEqual(self.submission.form_data["organisation"], ORGANISATION)
        self.assertEqual(self.submission.form_data["message"], MESSAGE)

    def test_the_inbox_list_and_the_application_page_show_the_controls(self):
        listing = self.client.get(INBOX).content.decode()
        self.assertIn(SHOWN_ORGANISATION, listing)
        self.assertFalse(set(CONTROLS) & set(listing))
        self.assert_shown_not_obeyed(
            self.client.get(f"{INBOX}{self.submission.pk}/").content.decode()
        )

    def test_the_team_email_shows_the_controls(self):
        team = OutgoingEmail.objects.get(purpose="application-team")
        self.assert_shown_not_obeyed(team.body)

    def test_csv_and_xlsx_exports_show_the_controls(self):
        rows = list(csv.reader(io.StringIO(self.export("csv").decode("utf-8-sig"))))
        self.assert_shown_not_obeyed("\n".join(",".join(row) for row in rows))
        workbook = openpyxl.load_workbook(io.BytesIO(self.export("xlsx")))
        cells = [str(value) for row in workbook.active.values for value in row if value]
        self.assert_shown_not_obeyed("\n".join(cells))
