"""Applicants apply in their language; nothing they send is lost, whatever the mail server does."""

import email.header

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase, override_settings

from membership.models import ApplicationSubmission, MembershipApplicationPage, OutgoingEmail
from tests.factories import build_membership_section, make_site, translate
from tests.live_servers import free_port
from tests.membership.clock import minutes_later
from tests.membership.smtp import smtp_server
from tests.visible import hidden_value

SMTP = "django.core.mail.backends.smtp.EmailBackend"
HOSTILE = "<script>alert('x')</script><b>bold</b>"


def answers(**overrides):
    data = {
        "organisation": "City of Example",
        "type_of_organisation": "Local government",
        "country": "Japan",
        "population": "250000",
        "contact_person": "SATO Hanako",
        "e_mail": "hanako@example.org",
        "phone": "+81 3 0000 0000",
        "message": "We would like to join.",
        "i_agree_that_the_network_stores_the_data_in_this_form_to_handle_my_application": "on",
    }
    data.update(overrides)
    return data


def decoded_subject(message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


class ApplicationFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.snippets, pages = build_membership_section(cls.home)
        cls.page = pages[-1]
        for snippet in cls.snippets:
            translate(snippet)
        for page in pages:
            translate(page)
        cls.page_ja = MembershipApplicationPage.objects.get(locale__language_code="ja")

    def setUp(self):
        cache.clear()

    def submit(self, page=None, **overrides):
        page = page or self.page
        token = hidden_value(self.client.get(page.url), "submission_token")
        data = answers(**overrides)
        data.setdefault("submission_token", token)
        return self.client.post(page.url, data)

    def test_an_application_is_stored_and_both_emails_are_sent(self):
        response = self.submit()
        self.assertContains(response, "Thank you for your application")
        submission = ApplicationSubmission.objects.get()
        self.assertEqual(submission.form_data["organisation"], "City of Example")
        self.assertEqual(submission.applicant_email, "hanako@example.org")
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), ["hanako@example.org", "membership@example.org"]
        )
        self.assertFalse(OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).exists())

    def test_no_shared_cache_or_browser_history_keeps_the_form_or_the_thank_you(self):
        # The form holds this visitor's tokens and the thank-you their answers.
        for response in (self.client.get(self.page.url), self.submit()):
            directives = {d.strip() for d in response["Cache-Control"].split(",")}
            self.assertTrue({"private", "no-store", "no-cache"} <= directives, directives)

    def test_the_applicant_is_answered_in_the_language_they_applied_in(self):
        self.submit(page=self.page_ja)
        confirmation = next(m for m in mail.outbox if m.to == ["hanako@example.org"])
        self.assertEqual(confirmation.subject, "入会申込を受け付けました")
        self.assertIn("申込内容を受け付けました", confirmation.body)
        self.assertIn("http://testserver/ja/", confirmation.body)
        team = next(m for m in mail.outbox if m.to == ["membership@example.org"])
        self.assertIn("New membership application", team.subject)

    @override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_TIMEOUT=3)
    def test_a_real_mail_server_receives_both_emails_in_the_right_language(self):
        with smtp_server() as (port, inbox), self.settings(EMAIL_PORT=port):
            response = self.submit(page=self.page_ja)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(inbox.messages), 2)
        subjects = {message["To"]: decoded_subject(message) for message in inbox.messages}
        self.assertEqual(subjects["hanako@example.org"], "入会申込を受け付けました")
        self.assertIn("New membership application", subjects["membership@example.org"])

    @override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_TIMEOUT=2)
    def test_when_the_mail_server_is_down_the_application_is_kept_and_mail_retried_later(self):
        with self.settings(EMAIL_PORT=free_port()), self.assertLogs("membership", level="WARNING"):
            response = self.submit()
        self.assertContains(response, "Thank you for your application")
        self.assertEqual(ApplicationSubmission.objects.count(), 1)
        waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
        self.assertEqual(waiting.count(), 2)
        self.assertTrue(all(email.last_error for email in waiting))

        with smtp_server() as (port, inbox), self.settings(EMAIL_PORT=port), minutes_later(2):
            call_command("send_pending_emails")
        self.assertEqual(len(inbox.messages), 2)
        self.assertFalse(OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).exists())

    def test_errors_show_next_to_the_field_in_the_pages_language_keeping_what_was_typed(self):
        response = self.submit(page=self.page_ja, e_mail="not an address", country="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "有効なメールアドレスを入力してください。")
        self.assertContains(response, "必須です")
        self.assertContains(response, 'value="City of Example"')
        self.assertContains(response, 'value="not an address"')
        self.assertFalse(ApplicationSubmission.objects.exists())

    @override_settings(APPLICATION_RATE_LIMIT=(2, 3600))
    def test_too_many_applications_from_one_address_are_held_back_with_the_answers_kept(self):
        self.submit(organisation="One")
        self.submit(organisation="Two")
        response = self.submit(organisation="Three")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "please try again in 1\xa0hour.", status_code=429)
        self.assertEqual(response["Retry-After"], "3600")
        self.assertContains(response, 'value="Three"', status_code=429)
        self.assertEqual(ApplicationSubmission.objects.count(), 2)

    def test_a_double_click_or_resent_post_makes_one_application(self):
        data = answers(
            submission_token=hidden_value(self.client.get(self.page.url), "submission_token")
        )
        first = self.client.post(self.page.url, data)
        second = self.client.post(self.page.url, data)
        self.assertContains(first, "Thank you for your application")
        self.assertContains(second, "Thank you for your application")
        self.assertEqual(ApplicationSubmission.objects.count(), 1)
        self.assertEqual(len(mail.outbox), 2)

    def test_hostile_input_is_stored_as_plain_text_and_never_rendered_as_markup(self):
        self.submit(
            organisation=HOSTILE, message='=HYPERLINK("http://evil")\x00\x07 ok' + "x" * 100
        )
        submission = ApplicationSubmission.objects.get()
        self.assertEqual(submission.form_data["organisation"], HOSTILE)
        self.assertNotIn("\x00", submission.form_data["message"])
        team = next(m for m in mail.outbox if m.to == ["membership@example.org"])
        self.assertEqual(team.content_subtype, "plain")
        self.assertIn(HOSTILE, team.body)
        confirmation = next(m for m in mail.outbox if m.to == ["hanako@example.org"])
        self.assertNotIn(HOSTILE, confirmation.body)

    def test_over_long_answers_are_refused_with_a_message(self):
        response = self.submit(message="x" * 6000)
        self.assertContains(response, "Ensure this value has at most 5000 characters")
        self.assertFalse(ApplicationSubmission.objects.exists())


class ApplicationStorageFailureTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        _snippets, pages = build_membership_section(cls.home)
        cls.page = pages[-1]

    def test_when_the_database_fails_the_answers_come_back_to_send_again(self):
        from unittest import mock

        from django.db import DatabaseError

        cache.clear()
        with (
            mock.patch(
                "membership.services.rate_limit.receive_application",
                side_effect=DatabaseError("down"),
            ),
            self.assertLogs("membership", level="ERROR"),
        ):
            response = self.client.post(self.page.url, answers())
        self.assertEqual(response.status_code, 503)
        self.assertContains(response, "could not save your application", status_code=503)
        self.assertContains(response, 'value="City of Example"', status_code=503)


class ExpiredSessionTests(TestCase):
    """An applicant whose session expired keeps their answers and sends them again."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.snippets, pages = build_membership_section(cls.home)
        cls.page = pages[-1]

    def setUp(self):
        from django.test import Client

        cache.clear()
        self.client = Client(enforce_csrf_checks=True)

    def test_answers_come_back_with_a_fresh_token_and_the_second_send_is_stored(self):
        from tests.visible import soup

        self.client.get(self.page.url)
        self.client.cookies.clear()  # the session cookie expired while the visitor was typing
        response = self.client.post(self.page.url, answers(organisation="City of Kept Answers"))
        self.assertContains(response, "Your application was not sent yet", status_code=403)
        self.assertFalse(ApplicationSubmission.objects.exists())
        form = soup(response).find("main").find("form")
        self.assertEqual(
            form.find("input", {"name": "organisation"})["value"], "City of Kept Answers"
        )
        self.assertIn("no-store", response["Cache-Control"])

        # The browser now holds a new token: sending the same answers again works.
        data = {field["name"]: field.get("value", "") for field in form.find_all("input")}
        data.update(answers(organisation="City of Kept Answers"))
        response = self.client.post(self.page.url, data)
        self.assertContains(response, "Thank you for your application")
        self.assertEqual(
            ApplicationSubmission.objects.get().form_data["organisation"], "City of Kept Answers"
        )
