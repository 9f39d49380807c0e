"""A hostile visitor cannot flood the form or pass as someone else; a real person is never lost."""

from unittest import mock

from django.core import mail
from django.core.cache import cache
from django.db import DatabaseError
from django.test import TestCase, override_settings

from membership.models import ApplicationSubmission, MembershipApplicationPage, OutgoingEmail
from tests.factories import build_membership_section, make_site, translate
from tests.membership.test_application_form import answers
from tests.visible import hidden_value

THANKS = "Thank you for your application"
VISITOR = "203.0.113.9"


@override_settings(APPLICATION_RATE_LIMIT=(5, 3600), TRUSTED_PROXY_COUNT=0)
class ApplicationAbuseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        snippets, pages = build_membership_section(home)
        cls.page = pages[-1]
        for instance in [*snippets, *pages]:
            translate(instance)
        cls.page_ja = MembershipApplicationPage.objects.get(locale__language_code="ja")

    def setUp(self):
        cache.clear()

    def fresh_form(self, page=None, **overrides) -> dict:
        """The answers with the one-time token of a newly opened form."""
        token = hidden_value(self.client.get((page or self.page).url), "submission_token")
        return answers(submission_token=token, **overrides)

    def send(self, data, *, page=None, remote_addr=VISITOR, forwarded_for=None):
        headers = {"REMOTE_ADDR": remote_addr}
        if forwarded_for:
            headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
        return self.client.post((page or self.page).url, data, **headers)

    def test_a_spoofed_forwarded_for_header_does_not_reset_the_limit_without_a_proxy(self):
        for number in range(1, 6):
            response = self.send(self.fresh_form(), forwarded_for=f"198.51.100.{number}")
            self.assertContains(response, THANKS)
        response = self.send(self.fresh_form(), forwarded_for="198.51.100.6")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(ApplicationSubmission.objects.count(), 5)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_one_proxy_only_the_address_the_proxy_saw_counts(self):
        proxy = "10.0.0.2"
        for number in range(1, 6):
            # The visitor writes the first entry; the proxy appends the address it saw.
            spoofed = f"198.51.100.{number}, {VISITOR}"
            response = self.send(self.fresh_form(), remote_addr=proxy, forwarded_for=spoofed)
            self.assertContains(response, THANKS)
        response = self.send(
            self.fresh_form(), remote_addr=proxy, forwarded_for=f"198.51.100.6, {VISITOR}"
        )
        self.assertEqual(response.status_code, 429)
        # Another visitor behind the same proxy has an allowance of their own.
        other = self.send(self.fresh_form(), remote_addr=proxy, forwarded_for="203.0.113.10")
        self.assertContains(other, THANKS)
        self.assertEqual(ApplicationSubmission.objects.count(), 6)

    @override_settings(APPLICATION_RATE_LIMIT=(2, 3600))
    def test_sending_the_same_application_again_is_not_a_new_attempt_and_never_refused(self):
        first, second = self.fresh_form(organisation="One"), self.fresh_form(organisation="Two")
        self.assertContains(self.send(first), THANKS)
        self.assertContains(self.send(second), THANKS)
        for _resend in range(3):
            self.assertContains(self.send(second), THANKS)
        self.assertEqual(self.send(self.fresh_form(organisation="Three")).status_code, 429)
        self.assertEqual(ApplicationSubmission.objects.count(), 2)

    @override_settings(APPLICATION_RATE_LIMIT=(2, 3600))
    def test_a_resent_application_leaves_the_allowance_for_new_ones(self):
        first = self.fresh_form(organisation="One")
        for _resend in range(4):
            self.assertContains(self.send(first), THANKS)
        self.assertContains(self.send(self.fresh_form(organisation="Two")), THANKS)
        self.assertEqual(ApplicationSubmission.objects.count(), 2)

    @override_settings(APPLICATION_RATE_LIMIT=(1, 3600))
    def test_a_form_with_mistakes_does_not_use_up_the_allowance(self):
        for _attempt in range(3):
            response = self.send(self.fresh_form(e_mail="not an address"))
            self.assertContains(response, "Enter a valid email address.")
        self.assertContains(self.send(self.fresh_form()), THANKS)

    @override_settings(APPLICATION_RATE_LIMIT=(1, 3600))
    def test_an_application_the_database_could_not_store_does_not_use_up_the_allowance(self):
        data = self.fresh_form()
        with (
            mock.patch(
                "membership.services.rate_limit.receive_application",
                side_effect=DatabaseError("down"),
            ),
            self.assertLogs("membership", level="ERROR"),
        ):
            self.assertEqual(self.send(data).status_code, 503)
        self.assertContains(self.send(data), THANKS)

    def test_a_filled_honeypot_stores_the_application_as_spam_without_any_email(self):
        response = self.send(self.fresh_form(hp_leave_empty="http://spam.example"))
        self.assertContains(response, THANKS)
        submission = ApplicationSubmission.objects.get()
        self.assertEqual(submission.status, ApplicationSubmission.Status.SPAM)
        self.assertEqual(submission.form_data["organisation"], "City of Example")
        self.assertNotIn("hp_leave_empty", submission.form_data)
        self.assertFalse(OutgoingEmail.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_an_ordinary_application_is_new(self):
        self.send(self.fresh_form())
        self.assertEqual(
            ApplicationSubmission.objects.get().status, ApplicationSubmission.Status.NEW
        )

    @override_settings(APPLICATION_RATE_LIMIT=(2, 3600))
    def test_spam_counts_towards_the_limit_like_any_application(self):
        for _attempt in range(2):
            self.send(self.fresh_form(hp_leave_empty="x"))
        self.assertEqual(self.send(self.fresh_form()).status_code, 429)
        self.assertEqual(ApplicationSubmission.objects.count(), 2)

    @override_settings(APPLICATION_RATE_LIMIT=(1, 3600))
    def test_a_refused_application_is_explained_in_japanese_with_every_answer_kept(self):
        self.send(self.fresh_form(page=self.page_ja), page=self.page_ja)
        data = self.fresh_form(
            page=self.page_ja, organisation="横浜市", message="加盟を希望します。"
        )
        response = self.send(data, page=self.page_ja)
        self.assertContains(response, "1時間ほどしてから、もう一度お試しください", status_code=429)
        self.assertContains(response, 'value="横浜市"', status_code=429)
        self.assertContains(response, "加盟を希望します。", status_code=429)
        self.assertContains(response, 'value="hanako@example.org"', status_code=429)
        self.assertEqual(ApplicationSubmission.objects.count(), 1)
