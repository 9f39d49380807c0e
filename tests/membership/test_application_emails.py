"""The team's e-mail has everything and a link to the application; the applicant's confirmation
repeats nothing they typed, so the form cannot be used to mail anyone a text of one's choosing."""

from django.core import mail
from django.core.cache import cache
from django.test import TestCase, override_settings

from membership.inbox import application_admin_url
from membership.models import ApplicationSubmission, MembershipApplicationPage
from membership.services.application_emails import queue_application_emails
from tests.factories import build_membership_section, make_site, translate
from tests.membership.test_application_form import answers
from tests.visible import hidden_value

CONSENT = "i_agree_that_the_network_stores_the_data_in_this_form_to_handle_my_application"
TYPED = answers(
    organisation="Relay Town <b>FREE PRIZE</b>",
    contact_person="Click http://spam.example",
    message="Visit http://spam.example now",
    phone="+81 3 1234 5678",
    country="Spamland",
)


@override_settings(DEFAULT_FROM_EMAIL="no-reply@network.example.org")
class ApplicationEmailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        snippets, pages = build_membership_section(home)
        for instance in [*snippets, *pages]:
            translate(instance)
        cls.page = pages[-1]
        cls.page_ja = MembershipApplicationPage.objects.get(locale__language_code="ja")

    def setUp(self):
        cache.clear()

    def apply(self, page, **overrides):
        data = {**TYPED, **overrides}
        data["submission_token"] = hidden_value(self.client.get(page.url), "submission_token")
        self.client.post(page.url, data)
        return ApplicationSubmission.objects.get()

    def email_to(self, address):
        return next(message for message in mail.outbox if message.to == [address])

    def test_the_confirmation_repeats_nothing_the_applicant_typed(self):
        for page in (self.page, self.page_ja):
            with self.subTest(language=page.locale.language_code):
                mail.outbox = []
                ApplicationSubmission.objects.all().delete()
                self.apply(page)
                confirmation = self.email_to("hanako@example.org")
                for name, value in TYPED.items():
                    if name != CONSENT:
                        self.assertNotIn(value, confirmation.subject + confirmation.body)
                self.assertNotIn("spam.example", confirmation.body)

    def test_the_confirmation_is_in_the_applicants_language_from_the_sites_sender(self):
        self.apply(self.page_ja)
        confirmation = self.email_to("hanako@example.org")
        self.assertEqual(confirmation.subject, "入会申込を受け付けました")
        self.assertIn("このメールに返信して", confirmation.body)
        self.assertIn("http://testserver/ja/", confirmation.body)
        self.assertEqual(confirmation.from_email, "no-reply@network.example.org")
        self.assertEqual(confirmation.reply_to, [self.page.team_email])

    @override_settings(MEMBERSHIP_REPLY_TO="team@network.example.org")
    def test_replies_to_the_confirmation_go_to_the_configured_team_address(self):
        self.apply(self.page)
        self.assertEqual(self.email_to("hanako@example.org").reply_to, ["team@network.example.org"])

    @override_settings(WAGTAILADMIN_BASE_URL="https://www.example.org/")
    def test_the_team_email_links_to_the_application_and_says_when_consent_was_given(self):
        submission = self.apply(self.page_ja)
        team = self.email_to(self.page.team_email)
        self.assertIn(f"https://www.example.org{application_admin_url(submission)}", team.body)
        self.assertIn("Relay Town <b>FREE PRIZE</b>", team.body)
        self.assertRegex(team.body, r"\nYes, on \w+\.? \d+, \d{4}")
        self.assertNotIn("True", team.body)
        # Answering the team's e-mail writes to the applicant.
        self.assertEqual(team.reply_to, ["hanako@example.org"])


class ConsentDisplayTests(TestCase):
    """The team's e-mail shows the consent as the inbox does, whatever was stored."""

    @classmethod
    def setUpTestData(cls):
        _snippets, pages = build_membership_section(make_site())
        cls.page = pages[-1]
        cls.label = cls.page.form_fields.get(clean_name=CONSENT).label

    def consent_line(self, value) -> str:
        submission = ApplicationSubmission.objects.create(
            page=self.page, form_data={CONSENT: value}
        )
        (team,) = queue_application_emails(page=self.page, submission=submission)
        return team.body.split(f"{self.label}:\n", 1)[1].split("\n", 1)[0]

    @override_settings(TIME_ZONE="UTC")
    def test_consent_stored_as_a_timestamp_is_shown_as_that_time(self):
        self.assertEqual(
            self.consent_line("2026-05-01T09:30:00+00:00"), "Yes, on May 1, 2026, 9:30 a.m."
        )

    def test_a_box_left_unticked_is_shown_as_no(self):
        self.assertEqual(self.consent_line(""), "No")
        self.assertEqual(self.consent_line(False), "No")
