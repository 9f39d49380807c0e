"""The membership team follows the outbox in the admin; nobody can mark an e-mail as sent by hand."""

from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase

from wagtail.models import ModelLogEntry

from membership.models import OutgoingEmail
from membership.roles import MEMBERSHIP
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import make_admin, make_site, users_in_roles

Status = OutgoingEmail.Status
LIST = "/admin/outgoing_emails/"


class OutboxAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site()
        cls.team, *cls.others = users_in_roles(
            MEMBERSHIP, EDITORS, MODERATORS, TRANSLATORS
        ).values()
        cls.superuser = make_admin()
        cls.failed = OutgoingEmail.objects.create(
            purpose="application-confirmation",
            to="hanako@example.org",
            subject="Refused mail",
            body="Line one <script>alert('x')</script>\nLine two",
            status=Status.FAILED,
            attempts=6,
            next_attempt_at=None,
            last_error="SMTPRecipientsRefused: mailbox unavailable",
        )
        cls.sent = OutgoingEmail.objects.create(
            purpose="application-team", to="team@example.org", subject="Delivered mail", body="b"
        )
        OutgoingEmail.objects.filter(pk=cls.sent.pk).update(status=Status.SENT, attempts=1)

    def url(self, view: str, email: OutgoingEmail) -> str:
        return f"{LIST}{view}/{email.pk}/"

    def test_the_team_finds_the_outbox_in_the_menu_and_sees_why_an_email_failed(self):
        self.client.force_login(self.team)
        self.assertContains(self.client.get("/admin/"), LIST)
        response = self.client.get(LIST)
        self.assertContains(response, "Refused mail")
        self.assertContains(response, "Failed")
        self.assertContains(response, "mailbox unavailable")
        self.assertContains(response, self.url("inspect", self.failed))

    def test_the_list_filters_by_status(self):
        self.client.force_login(self.team)
        response = self.client.get(LIST, {"status": Status.FAILED})
        self.assertContains(response, "Refused mail")
        self.assertNotContains(response, "Delivered mail")

    def test_the_body_reads_as_written_with_line_breaks_and_markup_escaped(self):
        self.client.force_login(self.team)
        response = self.client.get(self.url("inspect", self.failed))
        self.assertContains(
            response, "Line one &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>Line two"
        )
        self.assertNotContains(response, "<script>alert(")

    def test_no_one_can_create_edit_or_delete_an_email_not_even_a_superuser(self):
        for user in (self.team, self.superuser):
            self.client.force_login(user)
            with self.subTest(user=user.username):
                self.assertNotContains(self.client.get(LIST), "/edit/")
                self.assertNotContains(self.client.get(self.url("inspect", self.failed)), "/edit/")
                for url in (
                    f"{LIST}new/",
                    self.url("edit", self.failed),
                    self.url("delete", self.failed),
                ):
                    self.assertEqual(self.client.get(url).status_code, 404)
                    self.assertEqual(
                        self.client.post(url, {"status": Status.SENT}).status_code, 404
                    )
        self.failed.refresh_from_db()
        self.assertEqual(self.failed.status, Status.FAILED)

    def test_the_team_has_only_the_view_permission(self):
        codenames = set(
            Group.objects.get(name=MEMBERSHIP)
            .permissions.filter(content_type__model="outgoingemail")
            .values_list("codename", flat=True)
        )
        self.assertEqual(codenames, {"view_outgoingemail"})

    def test_editors_moderators_and_translators_neither_see_nor_open_it(self):
        for user in self.others:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertNotContains(self.client.get("/admin/"), LIST)
                for url in (LIST, self.url("inspect", self.failed)):
                    response = self.client.get(url)
                    self.assertIn(response.status_code, (302, 403))
                    self.assertNotIn(b"Refused mail", response.content)
                response = self.client.post(self.url("retry", self.failed))
                self.assertIn(response.status_code, (302, 403))
        self.assertEqual(mail.outbox, [])

    def test_the_team_retries_a_failed_email_now_and_the_retry_is_logged(self):
        self.client.force_login(self.team)
        inspect = self.client.get(self.url("inspect", self.failed))
        self.assertContains(inspect, self.url("retry", self.failed))
        self.assertEqual(self.client.get(self.url("retry", self.failed)).status_code, 405)

        response = self.client.post(self.url("retry", self.failed), follow=True)
        self.assertContains(response, "The e-mail was sent.")
        self.failed.refresh_from_db()
        self.assertEqual((self.failed.status, self.failed.attempts), (Status.SENT, 7))
        self.assertEqual(len(mail.outbox), 1)
        entry = ModelLogEntry.objects.get(action="membership.outbox.retry")
        self.assertEqual((entry.user, entry.object_id), (self.team, str(self.failed.pk)))

    def test_a_sent_email_cannot_be_sent_again(self):
        self.client.force_login(self.team)
        self.assertNotContains(
            self.client.get(self.url("inspect", self.sent)), self.url("retry", self.sent)
        )
        response = self.client.post(self.url("retry", self.sent), follow=True)
        self.assertContains(response, "being sent or was sent already")
        self.assertEqual(mail.outbox, [])

    def test_the_dashboard_tells_the_team_how_many_emails_failed(self):
        self.client.force_login(self.team)
        self.assertContains(self.client.get("/admin/"), "1 e-mail could not be sent")
        self.client.force_login(self.others[0])
        self.assertNotContains(self.client.get("/admin/"), "could not be sent")
