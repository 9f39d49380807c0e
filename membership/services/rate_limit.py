"""The application form's rate limit: applications per visitor address, the same on every server."""

from django.conf import settings
from django.db import DatabaseError

from home.rate_limit import count_attempt, refund_attempt
from membership.forms import ApplicationForm
from membership.models import ApplicationSubmission, MembershipApplicationPage
from membership.services.applications import ApplicationResult, receive_application

SCOPE = "application"


class TooManyApplications(Exception):
    """The visitor's address has sent its allowance of applications for now."""

    def __init__(self, retry_after: int):
        super().__init__(f"Over the application limit; retry within {retry_after} s")
        self.retry_after = retry_after


def count_application(*, address: str) -> bool:
    """Count one application from the address; False once it is over APPLICATION_RATE_LIMIT."""
    limit, window = settings.APPLICATION_RATE_LIMIT
    return count_attempt(scope=SCOPE, identity=address, limit=limit, window=window)


def receive_within_limit(
    *, page: MembershipApplicationPage, form: ApplicationForm, address: str
) -> ApplicationResult:
    """Store the application unless the address is over its limit; a resent form costs nothing.

    Spam (honeypot) counts like any application: bots are what the limit is for.
    """
    token = form.submission_token()
    earlier = token and ApplicationSubmission.objects.filter(token=token).first()
    if earlier:
        return ApplicationResult(submission=earlier, duplicate=True)
    if not count_application(address=address):
        # The count's window opened at the first application, so it ends within one window.
        raise TooManyApplications(retry_after=settings.APPLICATION_RATE_LIMIT[1])
    try:
        result = receive_application(page=page, form=form)
    except DatabaseError:
        refund_attempt(scope=SCOPE, identity=address)
        raise
    if result.duplicate:  # the same form sent twice at once: only the stored one counts
        refund_attempt(scope=SCOPE, identity=address)
    return result
