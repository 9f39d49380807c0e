"""The state of one translation, decided from what the report knows about it, and its next step."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_TRANSLATED = "not_translated", _("Not translated")
    WAITING_FOR_APPROVAL = "waiting_for_approval", _("Waiting for approval")
    BEHIND = "behind", _("Behind the English")
    MACHINE_NOT_REVIEWED = "machine_not_reviewed", _("Machine draft not reviewed")
    DRAFT = "draft", _("Draft not published")
    INCOMPLETE = "incomplete", _("Partly translated")
    UNMANAGED = "unmanaged", _("Translated outside the translation tool")
    UP_TO_DATE = "up_to_date", _("Live and up to date")


class Action(models.TextChoices):
    """The next-step button on a report row."""

    TRANSLATE = "translate", _("Translate")
    OPEN_EDITOR = "open_editor", _("Open translation editor")
    SUBMIT = "submit", _("Submit for moderation")
    REVIEW = "review", _("Review")
    SYNC_PAGES = "sync_pages", _("Sync translated pages")
    SYNC_SNIPPETS = "sync_snippets", _("Sync translated snippets")
    VIEW_MODERATION = "view_moderation", _("View in moderation")
    EDIT = "edit", _("Edit")
    VIEW_LIVE = "view_live", _("View live")
    OPEN = "open", _("Open")


# Kept for tests written before the statuses were named for translators.
MISSING = Status.NOT_TRANSLATED


@dataclass(frozen=True)
class Facts:
    """What the report found about one English page or snippet and its translation."""

    has_translation: bool = False
    is_alias: bool = False
    managed: bool = False  # wagtail-localize keeps it in sync (not stopped, not made by hand)
    live: bool = True
    unpublished_changes: bool = False
    in_moderation: bool = False
    changes_requested: bool = False
    behind: bool = False
    total: int = 0
    translated: int = 0
    machine: int = 0
    strings_not_saved: bool = False  # translated in the editor after the last save


def decide(facts: Facts) -> Status:
    """The one state a translator acts on; earlier checks hide later ones until they are done."""
    if not facts.has_translation or facts.is_alias:
        return Status.NOT_TRANSLATED
    if facts.in_moderation:
        return Status.WAITING_FOR_APPROVAL
    pending = facts.unpublished_changes or facts.changes_requested or facts.strings_not_saved
    if not facts.managed:
        return Status.DRAFT if pending or not facts.live else Status.UNMANAGED
    if facts.behind:
        return Status.BEHIND
    if facts.machine:
        return Status.MACHINE_NOT_REVIEWED
    if facts.live and not pending and facts.total and not facts.translated:
        return Status.NOT_TRANSLATED  # published as a copy of the English
    if pending or not facts.live:
        return Status.DRAFT
    if facts.translated < facts.total:
        return Status.INCOMPLETE
    return Status.UP_TO_DATE


def next_action(*, status: Status, facts: Facts, is_page: bool) -> Action:
    """The button on the row: what the person looking at the report does next."""
    if status == Status.DRAFT:
        finished = facts.translated >= facts.total and not facts.changes_requested
        return Action.SUBMIT if finished else Action.OPEN_EDITOR
    if status == Status.BEHIND:
        return Action.SYNC_PAGES if is_page else Action.SYNC_SNIPPETS
    if status == Status.UP_TO_DATE:
        return Action.VIEW_LIVE if is_page else Action.OPEN
    return {
        Status.NOT_TRANSLATED: Action.TRANSLATE,
        Status.WAITING_FOR_APPROVAL: Action.VIEW_MODERATION,
        Status.MACHINE_NOT_REVIEWED: Action.REVIEW,
        Status.INCOMPLETE: Action.OPEN_EDITOR,
        Status.UNMANAGED: Action.EDIT,
    }[status]


@dataclass(frozen=True)
class StatusRow:
    """One English page or snippet in the report: its translation's state and the next step."""

    title: str
    kind: str
    section: str
    status: Status
    action: Action
    action_url: str
    translated: int = 0
    total: int = 0
    parent: str = ""  # the page it belongs to when deeper than a section's own pages (an event)
    level: int = 0
    is_page: bool = True

    @property
    def status_label(self) -> str:
        return str(self.status.label)

    @property
    def action_label(self) -> str:
        return str(self.action.label)
