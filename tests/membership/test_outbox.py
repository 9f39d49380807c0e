"""The outbox sends each e-mail once, whoever runs it and however often; it retries, then gives up
where an operator sees it."""

import datetime
import threading

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from membership.models import OutgoingEmail
from membership.services.outbox import queue_email, send_email, send_pending_emails
from tests.live_servers import free_port
from tests.membership.clock import minutes_later
from tests.membership.smtp import Inbox, Refusing, smtp_server

SMTP = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_TIMEOUT": 3,
    "DEFAULT_FROM_EMAIL": "no-reply@network.example.org",
}
Status = OutgoingEmail.Status


def queue(number: int = 1, **fields) -> list[OutgoingEmail]:
    return [
        queue_email(
            purpose="test",
            to=f"person{index}@example.org",
            subject=f"Message {index}",
            body="Hello",
            **fields,
        )
        for index in range(number)
    ]


@override_settings(**SMTP, OUTBOX_MAX_ATTEMPTS=3)
class RetryTests(TestCase):
    def test_a_refused_email_is_retried_later_and_later_then_marked_failed(self):
        (email,) = queue()
        with smtp_server(Refusing()) as (port, _), self.settings(EMAIL_PORT=port):
            with self.assertLogs("membership", "WARNING"):
                self.assertIs(send_email(email), False)
            email.refresh_from_db()
            self.assertEqual((email.status, email.attempts), (Status.PENDING, 1))
            self.assertIn("Mailbox unavailable", email.last_error)
            self.assertAlmostEqual(
                email.next_attempt_at - timezone.now(),
                datetime.timedelta(minutes=1),
                delta=datetime.timedelta(seconds=5),
            )
            # Not due yet: cron's next run leaves it alone.
            self.assertEqual(send_pending_emails(), (0, 0))

            with minutes_later(2), self.assertLogs("membership", "WARNING"):
                self.assertEqual(send_pending_emails(), (0, 1))
            email.refresh_from_db()
            self.assertEqual((email.status, email.attempts), (Status.PENDING, 2))
            self.assertGreater(
                email.next_attempt_at - timezone.now(), datetime.timedelta(minutes=6)
            )

            with minutes_later(10), self.assertLogs("membership", "ERROR") as logs:
                send_pending_emails()
            email.refresh_from_db()
            self.assertEqual((email.status, email.attempts), (Status.FAILED, 3))
            self.assertIsNone(email.next_attempt_at)
            self.assertIn("giving up", logs.output[0])

            with minutes_later(24 * 60):
                self.assertEqual(send_pending_emails(), (0, 0))

    def test_a_mail_server_back_up_gets_the_waiting_email_at_its_next_try(self):
        (email,) = queue(reply_to="membership@example.org")
        with self.settings(EMAIL_PORT=free_port()), self.assertLogs("membership", "WARNING"):
            send_email(email)
        with smtp_server() as (port, inbox), self.settings(EMAIL_PORT=port), minutes_later(2):
            call_command("send_pending_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
        email.refresh_from_db()
        self.assertEqual((email.status, email.last_error), (Status.SENT, ""))
        (message,) = inbox.messages
        self.assertEqual(message["From"], "no-reply@network.example.org")
        self.assertEqual(message["Reply-To"], "membership@example.org")
        self.assertEqual(message["Auto-Submitted"], "auto-generated")
        self.assertTrue(message["Message-ID"].startswith(f"<outbox.{email.pk}."))

    def test_an_email_a_stopped_sender_left_half_sent_is_sent_again_after_the_claim_expires(self):
        stale, fresh = queue(2)
        started = timezone.now() - datetime.timedelta(minutes=11)
        OutgoingEmail.objects.filter(pk=stale.pk).update(
            status=Status.SENDING, claimed_at=started, attempts=1
        )
        OutgoingEmail.objects.filter(pk=fresh.pk).update(
            status=Status.SENDING, claimed_at=timezone.now(), attempts=1
        )
        with (
            smtp_server() as (port, inbox),
            self.settings(EMAIL_PORT=port),
            self.assertLogs("membership", "WARNING") as logs,
        ):
            self.assertEqual(send_pending_emails(), (1, 0))
        self.assertIn("may arrive twice", logs.output[0])
        self.assertEqual([message["To"] for message in inbox.messages], [stale.to])
        fresh.refresh_from_db()
        self.assertEqual(fresh.status, Status.SENDING)

    def test_an_email_abandoned_on_its_last_try_is_marked_failed_not_sent_again(self):
        (email,) = queue()
        OutgoingEmail.objects.filter(pk=email.pk).update(
            status=Status.SENDING,
            claimed_at=timezone.now() - datetime.timedelta(hours=1),
            attempts=3,
        )
        with self.assertLogs("membership", "ERROR"):
            self.assertEqual(send_pending_emails(), (0, 0))
        email.refresh_from_db()
        self.assertEqual(email.status, Status.FAILED)
        self.assertIn("may or may not have arrived", email.last_error)

    def test_a_sent_email_is_never_sent_again(self):
        (email,) = queue()
        with smtp_server() as (port, inbox), self.settings(EMAIL_PORT=port):
            self.assertIs(send_email(email), True)
            self.assertIsNone(send_email(email))
            with minutes_later(60 * 24):
                self.assertEqual(send_pending_emails(), (0, 0))
        self.assertEqual(len(inbox.messages), 1)


def run_at_once(*jobs):
    """Run each job in its own thread (its own database connection), all starting together."""
    start = threading.Barrier(len(jobs))
    results, errors = [None] * len(jobs), []

    def run(index, job):
        try:
            start.wait()
            results[index] = job()
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


@override_settings(**SMTP)
class ConcurrentSendersTests(TransactionTestCase):
    """Two servers' cron runs at the same moment, each with its own database transactions."""

    # The flush after the test must give the other tests back Wagtail's root page and locales.
    serialized_rollback = True

    def test_two_senders_running_at_once_send_every_email_exactly_once(self):
        emails = queue(20)
        # A slow mail server keeps both senders working through the same list at the same time.
        with smtp_server(Inbox(delay=0.05)) as (port, inbox), self.settings(EMAIL_PORT=port):
            results, errors = run_at_once(send_pending_emails, send_pending_emails)
        self.assertEqual(errors, [])
        self.assertEqual(sum(sent for sent, _ in results), 20)
        self.assertTrue(all(sent for sent, _ in results), "both senders took part")
        self.assertEqual(
            sorted(message["To"] for message in inbox.messages), sorted(e.to for e in emails)
        )
        self.assertEqual(OutgoingEmail.objects.filter(status=Status.SENT).count(), 20)
        self.assertEqual(set(OutgoingEmail.objects.values_list("attempts", flat=True)), {1})

    def test_a_web_request_and_cron_sending_the_same_email_at_once_send_it_once(self):
        (email,) = queue()
        with smtp_server(Inbox(delay=0.2)) as (port, inbox), self.settings(EMAIL_PORT=port):
            (by_request, by_cron), errors = run_at_once(
                lambda: send_email(email), send_pending_emails
            )
        self.assertEqual(errors, [])
        self.assertEqual(len(inbox.messages), 1)
        self.assertNotEqual(by_request is True, by_cron == (1, 0), "exactly one of them sent it")
