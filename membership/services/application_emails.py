"""The two e-mails an application sends: the team's, with every answer and a link to the admin,
and the applicant's confirmation, a fixed text in their language that repeats nothing they typed
(otherwise anyone could make the form mail their text to any address they type)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from membership.inbox import Reader, application_admin_url
from membership.models import ApplicationSubmission, MembershipApplicationPage, OutgoingEmail
from membership.services.outbox import queue_email


def queue_application_emails(
    *, page: MembershipApplicationPage, submission: ApplicationSubmission
) -> list[OutgoingEmail]:
    """Store the team's e-mail and the applicant's confirmation (when there are addresses)."""
    emails = []
    if page.team_email:
        # The team reads the site's source language, every answer as the inbox shows it.
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "page": page,
                "submission": submission,
                "answers": Reader(language_code=settings.LANGUAGE_CODE).answers(submission),
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
