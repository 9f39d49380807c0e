"""Where the membership team reads one application in the admin."""

from django.urls import reverse


def application_admin_url(submission) -> str:
    """The admin address (path only) of the application; the inbox gives each its own page."""
    return reverse("wagtailforms:list_submissions", args=[submission.page_id])
