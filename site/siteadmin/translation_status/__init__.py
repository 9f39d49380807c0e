"""The translation status report translators work from: each English page and snippet, the
state of its translation and the next step."""

from siteadmin.translation_status.report import translation_status
from siteadmin.translation_status.state import MISSING, Action, Status, StatusRow

__all__ = ["MISSING", "Action", "Status", "StatusRow", "translation_status"]
