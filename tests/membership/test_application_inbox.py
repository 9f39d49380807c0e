"""The membership team's one inbox: applications in every language read, decided and exported alike."""

import csv
import datetime
import importlib
import io
from pathlib import Path

from django.apps import apps
from django.core.cache import cache
from django.test import Client, TestCase

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

import openpyxl

from home.demo.translation import Catalogue, translate_objects
from membership.inbox import application_admin_url
from membership.models import ApplicationSubmission, MembershipApplicationPage
from membership.roles import MEMBERSHIP
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import build_membership_section, locale, make_admin, make_site, users_in_roles
from tests.membership.test_application_form import answers
from tests.visible import hidden_value, soup

DEMO_JA = Path(__file__).resolve().parents[2] / "membership" / "demo" / "ja.po"
CONSENT = "i_agree_that_the_network_stores_the_data_in_this_form_to_handle_my_application"
FORMULA = '=HYPERLINK("http://evil.example","click")'
LONG_MESSAGE = "We would like to join. " * 150 + "The end of a long message."
INBOX = "/admin/applications/"


def translate_membership_section(snippets, pages) -> None:
    """The Japanese section as the demo's translator made it (choices translated in order)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_objects(
            objects=[*snippets, *pages], locale=locale("ja"), catalogue=Catalogue([DEMO_JA])
        )


def apply(page, **overrides) -> ApplicationSubmission:
    """Send the form as a visitor does, in the page's language."""
    cache.clear()  # the rate limit is tested elsewhere
    visitor = Client()
    data = answers(**overrides)
    data["submission_token"] = hidden_value(visitor.get(page.url), "submission_token")
    response = visitor.post(page.url, data)
    assert response.status_code == 200, response.status_code
    return ApplicationSubmission.objects.get(token=data["submission_token"])


def reads_japanese(user) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ja"
    profile.save()


class InboxTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        snippets, pages = build_membership_section(home)
        translate_membership_section(snippets, pages)
        cls.page = pages[-1]
        cls.page_ja = MembershipApplicationPage.objects.get(locale__language_code="ja")
        cls.english = apply(cls.page, organisation="City of Example", message=LONG_MESSAGE)
        cls.japanese = apply(
            cls.page_ja,
            organisation="例市",
            type_of_organisation="基礎自治体",
            contact_person="佐藤花子",
            e_mail="sato@example.jp",
            message=FORMULA,
        )
        cls.university = apply(
            cls.page,
            organisation="Example University",
            type_of_organisation="University",
            contact_person="Jane Doe",
            e_mail="jane@example.edu",
        )
        users = users_in_roles(MEMBERSHIP, EDITORS, MODERATORS, TRANSLATORS)
        cls.team = users.pop(MEMBERSHIP)
        cls.others = list(users.values())


class StoredValuesTests(InboxTestCase):
    def test_an_application_in_japanese_is_stored_with_the_same_values_as_one_in_english(self):
        self.assertEqual(self.japanese.language_code, "ja")
        for submission in (self.english, self.japanese):
            self.assertEqual(submission.form_data["type_of_organisation"], "Local government")
            consent = datetime.datetime.fromisoformat(submission.form_data[CONSENT])
            self.assertLess(abs(consent - submission.submit_time), datetime.timedelta(seconds=5))
        self.assertEqual(self.english.status, ApplicationSubmission.Status.NEW)

    def test_applications_stored_before_the_inbox_are_converted(self):
        old = ApplicationSubmission.objects.create(
            page=self.page_ja,
            language_code="ja",
            form_data={"organisation": "旧市", "type_of_organisation": "広域自治体", CONSENT: True},
        )
        migration = importlib.import_module("membership.migrations.0004_application_inbox")
        migration.store_language_independent_answers(apps, None)
        old.refresh_from_db()
        self.assertEqual(old.form_data["type_of_organisation"], "Regional government")
        self.assertEqual(old.form_data[CONSENT], old.submit_time.isoformat())
        self.assertEqual(old.form_data["organisation"], "旧市")


class InboxListTests(InboxTestCase):
    def rows(self, query: str = "") -> list[str]:
        response = self.client.get(INBOX + query)
        self.assertEqual(response.status_code, 200)
        return [row.get_text(" ", strip=True) for row in soup(response).select("tbody tr")]

    def test_the_team_finds_applications_in_every_language_in_one_list(self):
        self.client.force_login(self.team)
        rows = self.rows()
        self.assertEqual(len(rows), 3)
        self.assertIn("例市", rows[1])
        for row in rows[1:]:
            self.assertIn("Local government", row)
        self.assertIn("Japanese", rows[1])
        self.assertIn("English", rows[2])

    def test_a_japanese_speaking_reader_sees_every_application_in_japanese(self):
        reads_japanese(self.team)
        self.client.force_login(self.team)
        rows = self.rows()
        self.assertEqual(sum("基礎自治体" in row for row in rows), 2)
        self.assertIn("大学", rows[0])
        self.assertNotIn("Local government", " ".join(rows))

    def test_filters_by_status_language_category_and_date(self):
        self.client.force_login(self.team)
        ApplicationSubmission.objects.filter(pk=self.university.pk).update(status="in_review")
        self.assertEqual(len(self.rows("?status=in_review")), 1)
        self.assertEqual(len(self.rows("?status=new")), 2)
        only_japanese = self.rows("?language_code=ja")
        self.assertEqual(len(only_japanese), 1)
        self.assertIn("例市", only_japanese[0])
        self.assertEqual(len(self.rows("?category=Local+government")), 2)
        self.assertEqual(len(self.rows("?category=University")), 1)
        today = datetime.date.today()
        self.assertEqual(len(self.rows(f"?submit_time_from={today:%Y-%m-%d}")), 3)
        tomorrow = today + datetime.timedelta(days=1)
        self.assertEqual(len(self.rows(f"?submit_time_from={tomorrow:%Y-%m-%d}")), 0)
        self.assertEqual(len(self.rows(f"?submit_time_to={today:%Y-%m-%d}")), 3)

    def test_search_finds_organisation_contact_name_and_email(self):
        self.client.force_login(self.team)
        for query, organisation in [
            ("例市", "例市"),
            ("佐藤", "例市"),
            ("jane@example", "Example University"),
            ("university", "Example University"),
        ]:
            with self.subTest(query=query):
                rows = self.rows(f"?q={query}")
                self.assertEqual(len(rows), 1)
                self.assertIn(organisation, rows[0])

    def test_the_old_per_form_lists_lead_to_the_inbox_and_are_gone_from_the_menu(self):
        self.client.force_login(self.team)
        for page in (self.page, self.page_ja):
            response = self.client.get(f"/admin/forms/submissions/{page.pk}/")
            self.assertRedirects(response, INBOX)
        menu = self.client.get("/admin/").content.decode()
        self.assertIn(f'"url": "{INBOX}"', menu)
        self.assertNotIn('"url": "/admin/forms/"', menu)


class DetailTests(InboxTestCase):
    def test_the_detail_shows_every_answer_in_full_in_the_readers_language(self):
        self.client.force_login(self.team)
        response = self.client.get(application_admin_url(self.english))
        self.assertContains(response, "The end of a long message.")
        self.assertContains(response, "Local government")
        self.assertContains(response, "Yes, on")
        for label in ("Organisation", "Type of organisation", "Country", "Population", "Phone"):
            self.assertContains(response, f"<dt>{label}</dt>", html=True)

        reads_japanese(self.team)
        response = self.client.get(application_admin_url(self.english))
        self.assertContains(response, "<dt>団体名</dt>", html=True)
        self.assertContains(response, "基礎自治体")

    def test_a_status_change_and_a_note_are_logged_and_shown_in_the_history(self):
        self.client.force_login(self.team)
        url = application_admin_url(self.japanese)
        response = self.client.post(url, {"status": "in_review"})
        self.assertRedirects(response, url)
        response = self.client.post(url, {"text": "Called them: papers follow by post."})
        self.assertRedirects(response, url)
        self.japanese.refresh_from_db()
        self.assertEqual(self.japanese.status, ApplicationSubmission.Status.IN_REVIEW)

        detail = self.client.get(url)
        self.assertContains(detail, "Called them: papers follow by post.")
        self.assertContains(detail, "In review")
        entries = ModelLogEntry.objects.for_instance(self.japanese).order_by("pk")
        self.assertEqual(
            [(entry.action, entry.user) for entry in entries],
            [
                ("membership.application_status", self.team),
                ("membership.application_note", self.team),
            ],
        )
        history = self.client.get(f"{INBOX}{self.japanese.pk}/history/")
        self.assertContains(history, "Status changed from “New” to “In review”")
        self.assertContains(history, "Note added: Called them: papers follow by post.")
        self.assertContains(history, self.team.get_username())

    def test_a_status_can_only_move_along_the_workflow(self):
        self.client.force_login(self.team)
        url = application_admin_url(self.english)
        response = self.client.post(url, {"status": "accepted"})
        self.assertEqual(response.status_code, 200)
        self.english.refresh_from_db()
        self.assertEqual(self.english.status, ApplicationSubmission.Status.NEW)
        self.assertFalse(ModelLogEntry.objects.for_instance(self.english).exists())


class PermissionTests(InboxTestCase):
    def urls(self) -> list[str]:
        detail = application_admin_url(self.english)
        return [
            INBOX,
            INBOX + "?export=csv",
            INBOX + "?export=xlsx",
            detail,
            f"{INBOX}{self.english.pk}/history/",
        ]

    def test_editors_moderators_and_translators_cannot_view_change_or_export(self):
        for user in self.others:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                for url in self.urls():
                    response = self.client.get(url)
                    self.assertIn(response.status_code, (302, 403), url)
                    self.assertNotIn(b"City of Example", response.content)
                response = self.client.post(application_admin_url(self.english), {"status": "spam"})
                self.assertIn(response.status_code, (302, 403))
                self.assertNotIn(f'"url": "{INBOX}"', self.client.get("/admin/").content.decode())
        self.english.refresh_from_db()
        self.assertEqual(self.english.status, ApplicationSubmission.Status.NEW)

    def test_visitors_are_sent_to_the_login(self):
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 302)

    def test_superusers_read_but_cannot_add_or_delete_applications(self):
        self.client.force_login(make_admin())
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 200, url)
        self.assertEqual(self.client.get(INBOX + "new/").status_code, 404)
        self.assertNotContains(self.client.get(INBOX), "Add application")


class ExportTests(InboxTestCase):
    def export(self, kind: str, user=None) -> bytes:
        self.client.force_login(user or self.team)
        response = self.client.get(f"{INBOX}?export={kind}")
        self.assertEqual(response.status_code, 200)
        return b"".join(response.streaming_content) if response.streaming else response.content

    def csv_rows(self, user=None) -> list[list[str]]:
        content = self.export("csv", user)
        self.assertTrue(content.startswith(b"\xef\xbb\xbf"))
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))

    def xlsx_rows(self, user=None) -> list[list]:
        workbook = openpyxl.load_workbook(io.BytesIO(self.export("xlsx", user)))
        return [["" if v is None else v for v in row] for row in workbook.active.values]

    def test_the_list_offers_both_downloads(self):
        self.client.force_login(self.team)
        response = self.client.get(INBOX + "?language_code=ja")
        self.assertContains(response, "?language_code=ja&amp;export=csv")
        self.assertContains(response, "?language_code=ja&amp;export=xlsx")

    def test_csv_opens_in_excel_with_the_same_columns_for_every_language(self):
        heading, *rows = self.csv_rows()
        self.assertEqual(heading[:4], ["Number", "Date submitted", "Language", "Status"])
        self.assertIn("Type of organisation", heading)
        self.assertIn("Message", heading)
        self.assertTrue(all(len(row) == len(heading) for row in rows))
        by_organisation = {row[heading.index("Organisation")]: row for row in rows}
        category = heading.index("Type of organisation")
        self.assertEqual(by_organisation["例市"][category], "Local government")
        self.assertEqual(by_organisation["City of Example"][category], "Local government")
        self.assertEqual(by_organisation["例市"][heading.index("Language")], "Japanese")

    def test_csv_cells_never_run_as_formulas(self):
        heading, *rows = self.csv_rows()
        messages = [row[heading.index("Message")] for row in rows]
        self.assertIn("'" + FORMULA, messages)
        self.assertNotIn(FORMULA, messages)
        phones = {row[heading.index("Phone")] for row in rows}
        self.assertEqual(phones, {"'+81 3 0000 0000"})

    def test_a_japanese_speaking_reader_exports_japanese_headings_and_labels(self):
        reads_japanese(self.team)
        heading, *rows = self.csv_rows()
        self.assertIn("団体の種類", heading)
        category = heading.index("団体の種類")
        self.assertEqual(
            sorted(row[category] for row in rows), ["基礎自治体", "基礎自治体", "大学"]
        )

    def test_xlsx_has_the_same_columns_and_values_as_the_csv(self):
        csv_rows = self.csv_rows()
        xlsx_rows = self.xlsx_rows()
        self.assertEqual(xlsx_rows[0], csv_rows[0])
        heading = xlsx_rows[0]
        message = heading.index("Message")
        self.assertEqual(
            sorted(str(row[message]) for row in xlsx_rows[1:]),
            sorted([FORMULA, LONG_MESSAGE.strip(), "We would like to join."]),
        )
        self.assertEqual(
            [row[heading.index("Organisation")] for row in xlsx_rows[1:]],
            [row[heading.index("Organisation")] for row in csv_rows[1:]],
        )
