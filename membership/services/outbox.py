"""Sending the site's e-mails so that none is lost: stored first, sent, retried until sent."""

import logging
import smtplib
import socket

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from membership.models import OutgoingEmail

logger = logging.getLogger(__name__)

# What a mail server that is down, slow or refusing can raise.
MAIL_ERRORS = (smtplib.SMTPException, OSError, socket.timeout, ConnectionError)


def queue_email(
    *, purpose: str, to: str, subject: str, body: str, submission=None
) -> OutgoingEmail:
    """Store an e-mail to send; it is sent by `send_email` now and by `send_pending_emails` later."""
    return OutgoingEmail.objects.create(
        purpose=purpose,
        to=to,
        subject=" ".join(subject.split())[:250],
        body=body,
        submission=submission,
    )


def send_email(email: OutgoingEmail) -> bool:
    """Try to send one stored e-mail; on failure, log it and keep it for the next try."""
    email.attempts += 1
    try:
        EmailMessage(subject=email.subject, body=email.body, to=[email.to]).send()
    except MAIL_ERRORS as error:
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        email.save(update_fields=["attempts", "last_error"])
        logger.warning(
            "E-mail %s (%s) to %s not sent, will retry: %s",
            email.pk,
            email.purpose,
            email.to,
            error,
        )
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return True


def send_pending_emails(*, limit: int = 100) -> tuple[int, int]:
    """Retry the waiting e-mails, oldest first; returns (sent, still waiting)."""
    sent = failed = 0
    for email in OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).order_by(
        "created_at"
    )[:limit]:
        with transaction.atomic():
            if send_email(email):
                sent += 1
            else:
                failed += 1
    return sent, failed
