"""The membership team's one inbox: finding applications, deciding on them, noting why (logged)."""

from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse

from wagtail.log_actions import log

from membership.answers import Question, questionnaires, shown_answers
from membership.models import ApplicationFormField, ApplicationNote, ApplicationSubmission

Status = ApplicationSubmission.Status
STATUS_CHANGED = "membership.application_status"
NOTE_ADDED = "membership.application_note"
INBOX_URL_NAMESPACE = "applications"
# Where an application may go from each status; accepted, declined and spam can be reopened.
NEXT_STATUSES = {
    Status.NEW: [Status.IN_REVIEW, Status.SPAM],
    Status.IN_REVIEW: [Status.ACCEPTED, Status.DECLINED, Status.SPAM],
    Status.ACCEPTED: [Status.IN_REVIEW],
    Status.DECLINED: [Status.IN_REVIEW],
    Status.SPAM: [Status.NEW],
}
TEXT_TYPES = ["singleline", "multiline", "email"]


def application_admin_url(submission: ApplicationSubmission) -> str:
    """The application's page in the admin (relative), for the team's e-mail to link to."""
    return reverse(f"{INBOX_URL_NAMESPACE}:inspect", args=(submission.pk,))


def inbox_url() -> str:
    return reverse(f"{INBOX_URL_NAMESPACE}:index")


def next_statuses(*, submission: ApplicationSubmission) -> list[Status]:
    return NEXT_STATUSES[Status(submission.status)]


def change_status(*, submission: ApplicationSubmission, status: str, user) -> None:
    """Move the application on (only along NEXT_STATUSES), logged with who did it."""
    previous = submission.status
    if status not in next_statuses(submission=submission):
        raise ValueError(f"An application cannot go from {previous} to {status}.")
    with transaction.atomic():
        submission.status = status
        submission.save(update_fields=["status"])
        log(
            instance=submission,
            action=STATUS_CHANGED,
            user=user,
            data={"from": previous, "to": status},
        )


def add_note(*, submission: ApplicationSubmission, text: str, user) -> ApplicationNote:
    """Keep a team member's note on the application, logged with who wrote it."""
    with transaction.atomic():
        note = ApplicationNote.objects.create(submission=submission, author=user, text=text)
        log(instance=submission, action=NOTE_ADDED, user=user, data={"note": text})
    return note


def matching(*, query: str) -> Q:
    """Applications whose e-mail or any typed answer (organisation, contact…) contains `query`."""
    names = (
        ApplicationFormField.objects.filter(field_type__in=TEXT_TYPES)
        .values_list("clean_name", flat=True)
        .distinct()
    )
    condition = Q(applicant_email__icontains=query)
    for name in names:
        condition |= Q(**{f"form_data__{name}__icontains": query})
    return condition


def category_choices(*, language_code: str) -> list[tuple[str, str]]:
    """The organisation types to filter by: stored keys, labelled in the reader's language."""
    choices: dict[str, str] = {}
    for questions in questionnaires(language_code=language_code).values():
        for question in questions:
            if question.name == ApplicationSubmission.CATEGORY_FIELD:
                choices.update(question.choice_labels)
    return list(choices.items())


def in_category(queryset: QuerySet, *, key: str) -> QuerySet:
    return queryset.filter(**{f"form_data__{ApplicationSubmission.CATEGORY_FIELD}": key})


class Reader:
    """What one reader sees of applications: the questions in their language, loaded once."""

    def __init__(self, *, language_code: str):
        self.forms = questionnaires(language_code=language_code)

    def questions_for(self, submission: ApplicationSubmission) -> list[Question]:
        return self.forms.get(str(submission.page.translation_key), [])

    def answers(self, submission: ApplicationSubmission):
        return shown_answers(
            form_data=submission.form_data, questions=self.questions_for(submission)
        )

    def answer(self, submission: ApplicationSubmission, name: str) -> str:
        return next(
            (answer.value for answer in self.answers(submission) if answer.name == name), ""
        )

    def columns(self, submissions) -> list[tuple[str, str]]:
        """(name, heading) for every answer of `submissions`: one set and order for all of them."""
        columns: dict[str, str] = {}
        for questions in self.forms.values():
            for question in questions:
                columns.setdefault(question.name, question.label)
        for submission in submissions:
            for name in submission.form_data:
                columns.setdefault(name, name)
        return list(columns.items())


def applications_lost_by_deleting(pages) -> int:
    """How many applications deleting `pages` would take with them (subpages and translations too)."""
    keys = set()
    for page in pages:
        keys.update(page.get_descendants(inclusive=True).values_list("translation_key", flat=True))
    return ApplicationSubmission.objects.filter(page__translation_key__in=keys).count()
