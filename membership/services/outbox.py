"""Sending the site's e-mails: stored first, sent once by one sender, retried with backoff.

How two senders (two servers, two overlapping cron runs, a web request and cron) never send the
same e-mail: a sender *claims* an e-mail with one conditional UPDATE, "set it to sending if it is
still waiting", in its own short transaction, and sends only if that UPDATE changed one row.
PostgreSQL makes a second, concurrent UPDATE of the row wait for the first to commit and then
re-checks the condition (no longer waiting: 0 rows); SQLite runs one write at a time. So the
claim is exclusive on both databases, with no transaction held open while the mail server
talks (`select_for_update(skip_locked=True)` would need one, and SQLite has no row locks).

Delivery is exactly once unless a sender dies mid-send: its claim is then taken as abandoned
after OUTBOX_CLAIM_TIMEOUT and the e-mail sent again, since nobody can know whether the mail
server got it. At-least-once for crashed senders, then: better twice than lost. The e-mail keeps
its Message-ID, so mail programs can tell a second copy for what it is.
"""

import logging
import smtplib
import socket
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone

from wagtail.log_actions import log

from membership.models import OutgoingEmail

logger = logging.getLogger(__name__)

# What a mail server that is down, slow or refusing can raise.
MAIL_ERRORS = (smtplib.SMTPException, OSError, socket.timeout, ConnectionError)
# How long to wait after the 1st, 2nd… failed try; the last one repeats.
BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
RETRY_ACTION = "membership.outbox.retry"
Status = OutgoingEmail.Status


def queue_email(
    *, purpose: str, to: str, subject: str, body: str, reply_to: str = "", submission=None
) -> OutgoingEmail:
    """Store an e-mail to send; it is sent by `send_email` now and by `send_pending_emails` later."""
    return OutgoingEmail.objects.create(
        purpose=purpose,
        to=to,
        reply_to=reply_to,
        subject=" ".join(subject.split())[:250],
        body=body,
        submission=submission,
    )


def send_email(email: OutgoingEmail) -> bool | None:
    """Send one stored e-mail unless another sender has it: True sent, False failed, None taken."""
    claimed = _claim(pk=email.pk, now=timezone.now())
    if claimed is None:
        return None
    try:
        _message(claimed).send()
    except MAIL_ERRORS as error:
        _record_failure(email=claimed, error=error)
        return False
    _record(
        email=claimed,
        status=Status.SENT,
        sent_at=timezone.now(),
        next_attempt_at=None,
        last_error="",
    )
    return True


def send_pending_emails(*, limit: int = 100) -> tuple[int, int]:
    """Send the e-mails that are due, oldest first; returns (sent, not sent this time)."""
    now = timezone.now()
    _give_up_abandoned(now=now)
    due = (
        OutgoingEmail.objects.filter(_waiting(now=now) | _abandoned(now=now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = not_sent = 0
    for pk in list(due):
        outcome = send_email(OutgoingEmail(pk=pk))
        if outcome is True:
            sent += 1
        elif outcome is False:
            not_sent += 1
    return sent, not_sent


def retry_now(*, email: OutgoingEmail, user) -> bool | None:
    """An operator's "retry now" on a failed or waiting e-mail: one more try at once, logged."""
    due_now = OutgoingEmail.objects.filter(
        pk=email.pk, status__in=[Status.FAILED, Status.PENDING]
    ).update(status=Status.PENDING, next_attempt_at=timezone.now())
    if not due_now:
        return None
    log(instance=email, action=RETRY_ACTION, user=user)
    logger.info("E-mail %s (%s) to %s: retry asked by %s", email.pk, email.purpose, email.to, user)
    return send_email(email)


def failed_count() -> int:
    """How many e-mails the outbox has given up on (shown to the team on the dashboard)."""
    return OutgoingEmail.objects.filter(status=Status.FAILED).count()


def _waiting(*, now: datetime) -> Q:
    return Q(status=Status.PENDING, next_attempt_at__lte=now)


def _abandoned(*, now: datetime, retry: bool = True) -> Q:
    # A claim older than any send can take: its sender stopped (crash, restart, killed cron).
    stale = Q(
        status=Status.SENDING,
        claimed_at__lt=now - timedelta(seconds=settings.OUTBOX_CLAIM_TIMEOUT),
    )
    tries_left = Q(attempts__lt=settings.OUTBOX_MAX_ATTEMPTS)
    return stale & (tries_left if retry else ~tries_left)


def _claim(*, pk: int, now: datetime) -> OutgoingEmail | None:
    """Take the e-mail for this sender alone, or None if it is not due or another sender has it."""
    this_one = OutgoingEmail.objects.filter(pk=pk)
    claim = {"status": Status.SENDING, "claimed_at": now, "attempts": F("attempts") + 1}
    if not this_one.filter(_waiting(now=now)).update(**claim):
        if not this_one.filter(_abandoned(now=now)).update(**claim):
            return None
        logger.warning(
            "E-mail %s was left half-sent by a sender that stopped; sending it again "
            "(it may arrive twice).",
            pk,
        )
    return this_one.get()


def _record(*, email: OutgoingEmail, **outcome) -> None:
    # Only while this sender's claim stands: a sender slower than OUTBOX_CLAIM_TIMEOUT was taken
    # for dead, and the sender that took over now owns the row.
    if not OutgoingEmail.objects.filter(
        pk=email.pk, status=Status.SENDING, claimed_at=email.claimed_at
    ).update(claimed_at=None, **outcome):
        logger.warning("E-mail %s was taken over by another sender while being sent.", email.pk)


def _record_failure(*, email: OutgoingEmail, error: Exception) -> None:
    last_error = f"{type(error).__name__}: {error}"[:2000]
    if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        _record(email=email, status=Status.FAILED, next_attempt_at=None, last_error=last_error)
        logger.error(
            "E-mail %s (%s) to %s failed %s times; giving up: %s",
            email.pk,
            email.purpose,
            email.to,
            email.attempts,
            error,
        )
        return
    delay = BACKOFF[min(email.attempts, len(BACKOFF)) - 1]
    _record(
        email=email,
        status=Status.PENDING,
        next_attempt_at=timezone.now() + delay,
        last_error=last_error,
    )
    logger.warning(
        "E-mail %s (%s) to %s not sent, will retry in %s: %s",
        email.pk,
        email.purpose,
        email.to,
        delay,
        error,
    )


def _give_up_abandoned(*, now: datetime) -> None:
    """Abandoned on their last allowed try: failed, for an operator to look at."""
    given_up = OutgoingEmail.objects.filter(_abandoned(now=now, retry=False)).update(
        status=Status.FAILED,
        next_attempt_at=None,
        claimed_at=None,
        last_error="The sender stopped while sending; the e-mail may or may not have arrived.",
    )
    if given_up:
        logger.error("%s e-mail(s) abandoned mid-send on their last try: marked failed.", given_up)


def _message(email: OutgoingEmail) -> EmailMessage:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    return EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={
            # The same on every try, so a copy sent again after a crash is recognisably the same.
            "Message-ID": f"<outbox.{email.pk}.{email.created_at:%Y%m%d%H%M%S}@{domain}>",
            # Automatic mail (RFC 3834): out-of-office replies should not answer it.
            "Auto-Submitted": "auto-generated",
        },
    )
