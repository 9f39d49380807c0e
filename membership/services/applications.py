"""Receiving a membership application: store it, then tell the team and the applicant."""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from membership.answers import stored_answers
from membership.forms import ApplicationForm
from membership.models import ApplicationSubmission, MembershipApplicationPage
from membership.services.application_emails import queue_application_emails
from membership.services.outbox import send_email

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ApplicationResult:
    submission: ApplicationSubmission | None
    duplicate: bool = False


def _applicant_email(page: MembershipApplicationPage, answers: dict) -> str:
    for field in page.get_form_fields():
        if field.field_type == "email" and answers.get(field.clean_name):
            return answers[field.clean_name]
    return ""


def receive_application(
    *, page: MembershipApplicationPage, form: ApplicationForm
) -> ApplicationResult:
    """Store the application (once per token), then queue and try the two e-mails.

    A tripped honeypot stores it marked as spam for the team to look at, and sends no e-mail.
    """
    spam = form.is_bot()
    answers = form.answers()
    token = form.submission_token()
    if token is not None:
        existing = ApplicationSubmission.objects.filter(token=token).first()
        if existing is not None:
            return ApplicationResult(submission=existing, duplicate=True)
    language_code = page.locale.language_code
    try:
        with transaction.atomic():
            submission = ApplicationSubmission.objects.create(
                page=page,
                form_data=stored_answers(page=page, answers=answers),
                language_code=language_code,
                applicant_email=_applicant_email(page, answers),
                status=ApplicationSubmission.Status.SPAM
                if spam
                else ApplicationSubmission.Status.NEW,
                **({"token": token} if token else {}),
            )
    except IntegrityError:
        # The same form sent twice at once: the first one won.
        return ApplicationResult(
            submission=ApplicationSubmission.objects.get(token=token), duplicate=True
        )

    if spam:
        logger.info("Application %s stored as spam (honeypot filled).", submission.pk)
        return ApplicationResult(submission=submission)
    for email in queue_application_emails(page=page, submission=submission):
        send_email(email)
    return ApplicationResult(submission=submission)
