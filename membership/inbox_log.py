"""How the inbox's decisions read in Wagtail's history: who changed the status, who noted what."""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter

from membership.inbox import NOTE_ADDED, STATUS_CHANGED
from membership.models import ApplicationSubmission


def _status_label(value: str) -> str:
    try:
        return str(ApplicationSubmission.Status(value).label)
    except ValueError:
        return value


class StatusChanged(LogFormatter):
    label = _("Change application status")

    def format_message(self, log_entry):
        return _("Status changed from “%(previous)s” to “%(status)s”") % {
            "previous": _status_label(log_entry.data.get("from", "")),
            "status": _status_label(log_entry.data.get("to", "")),
        }


class NoteAdded(LogFormatter):
    label = _("Add note to application")

    def format_message(self, log_entry):
        return _("Note added: %(note)s") % {"note": log_entry.data.get("note", "")}


def register_inbox_log_actions(actions) -> None:
    actions.register_action(STATUS_CHANGED)(StatusChanged)
    actions.register_action(NOTE_ADDED)(NoteAdded)
