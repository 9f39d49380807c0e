"""The two e-mails an application sends: the team's, with every answer and a link to the admin,
and the applicant's confirmation, a fixed text in their language that repeats nothing they typed
(otherwise anyone could make the form mail their text to any address they type)."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime

from membership.inbox import application_admin_url
from membership.models import ApplicationSubmission, MembershipApplicationPage, OutgoingEmail
from membership.services.outbox import queue_email


@dataclass(frozen=True)
class Answer:
    label: str
    value: str = ""
    # A ticked box (consent) is shown as when it was ticked, an unticked one as "No".
    is_checkbox: bool = False
    ticked_at: datetime | None = None


def queue_application_emails(
    *, page: MembershipApplicationPage, submission: ApplicationSubmission, answers: dict
) -> list[OutgoingEmail]:
    """Store the team's e-mail and the applicant's confirmation (when there are addresses)."""
    emails = []
    if page.team_email:
        # The team reads the site's source language.
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "page": page,
                "submission": submission,
                "answers": labelled_answers(page=page, submission=submission, answers=answers),
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + application_admin_url(submission),
            }
            emails.append(
                _queue(
                    kind="team",
                    to=page.team_email,
                    reply_to=submission.applicant_email,
                    context=context,
                    submission=submission,
                )
            )
    if submission.applicant_email:
        with translation.override(submission.language_code):
            reply_to = settings.MEMBERSHIP_REPLY_TO or page.team_email
            context = {
                "site_name": settings.WAGTAIL_SITE_NAME,
                "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("wagtail_serve", args=[""]),
                "can_reply": bool(reply_to),
            }
            emails.append(
                _queue(
                    kind="confirmation",
                    to=submission.applicant_email,
                    reply_to=reply_to,
                    context=context,
                    submission=submission,
                )
            )
    return emails


def labelled_answers(
    *, page: MembershipApplicationPage, submission: ApplicationSubmission, answers: dict
) -> list[Answer]:
    """Each question's label (in the active language) with the answer as the team reads it."""
    rows = []
    for field in page.get_form_fields():
        value = answers.get(field.clean_name, "")
        if field.field_type == "checkbox":
            ticked_at = _ticked_at(value, submitted_at=submission.submit_time)
            rows.append(Answer(label=field.label, is_checkbox=True, ticked_at=ticked_at))
            continue
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        rows.append(Answer(label=field.label, value=str(value)))
    return rows


def _ticked_at(value, *, submitted_at: datetime | None) -> datetime | None:
    # Stored as the moment consent was given (ISO timestamp); older applications stored True,
    # given when the form was sent.
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        moment = parse_datetime(value)
        if moment is not None:
            return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)
    if value is True or (isinstance(value, str) and value.lower() in {"true", "on"}):
        return submitted_at or timezone.now()
    return None


def _queue(
    *, kind: str, to: str, reply_to: str, context: dict, submission: ApplicationSubmission
) -> OutgoingEmail:
    return queue_email(
        purpose=f"application-{kind}",
        to=to,
        reply_to=reply_to,
        subject=render_to_string(f"membership/emails/{kind}_subject.txt", context),
        body=render_to_string(f"membership/emails/{kind}_body.txt", context),
        submission=submission,
    )
