"""Receiving a membership application: store it, then tell the team and the applicant."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation

from membership.answers import stored_answers
from membership.forms import ApplicationForm
from membership.models import ApplicationSubmission, MembershipApplicationPage
from membership.services.outbox import queue_email, send_email

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ApplicationResult:
    submission: ApplicationSubmission | None
    duplicate: bool = False


def client_address(request: HttpRequest) -> str:
    """The visitor's address: the proxy's view of it when the site runs behind one."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def over_rate_limit(request: HttpRequest) -> bool:
    """True once an address has sent more applications than allowed in the window."""
    limit, window = settings.APPLICATION_RATE_LIMIT
    key = f"application-rate:{client_address(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit


def _applicant_email(page: MembershipApplicationPage, answers: dict) -> str:
    for field in page.get_form_fields():
        if field.field_type == "email" and answers.get(field.clean_name):
            return answers[field.clean_name]
    return ""


def _labelled_answers(page: MembershipApplicationPage, answers: dict) -> list[tuple[str, str]]:
    rows = []
    for field in page.get_form_fields():
        value = answers.get(field.clean_name, "")
        if isinstance(value, list):
            value = ", ".join(value)
        rows.append((field.label, str(value)))
    return rows


def receive_application(
    *, page: MembershipApplicationPage, form: ApplicationForm
) -> ApplicationResult:
    """Store the application (once per token), then queue and try the two e-mails."""
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
                **({"token": token} if token else {}),
            )
    except IntegrityError:
        # The same form sent twice at once: the first one won.
        return ApplicationResult(
            submission=ApplicationSubmission.objects.get(token=token), duplicate=True
        )

    for email in _queue_application_emails(page=page, submission=submission, answers=answers):
        send_email(email)
    return ApplicationResult(submission=submission)


def _queue_application_emails(*, page, submission: ApplicationSubmission, answers: dict) -> list:
    context = {"page": page, "answers": _labelled_answers(page, answers), "submission": submission}
    # The team reads the site's source language; the applicant, the language they applied in.
    recipients = [
        ("team", page.team_email, settings.LANGUAGE_CODE),
        ("confirmation", submission.applicant_email, submission.language_code),
    ]
    emails = []
    for kind, to, language_code in recipients:
        if not to:
            continue
        with translation.override(language_code):
            emails.append(
                queue_email(
                    purpose=f"application-{kind}",
                    to=to,
                    subject=render_to_string(f"membership/emails/{kind}_subject.txt", context),
                    body=render_to_string(f"membership/emails/{kind}_body.txt", context),
                    submission=submission,
                )
            )
    return emails
