"""The editorial roles every page and snippet is held to, and the languages each may edit.

The groups themselves are set up by `manage.py setup_roles` (siteadmin.roles).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings

from wagtail.models import Locale

if TYPE_CHECKING:
    from django.contrib.auth.models import Group

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"


@dataclass(frozen=True)
class AppTeam:
    """A team a section app adds beside the editorial roles (its AppConfig names it `team`)."""

    name: str
    # Creates or completes the group and its permissions; safe to run again.
    ensure: Callable[[], "Group"]


def translated_locales() -> list[Locale]:
    """The languages translated from the source language (Japanese)."""
    return list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE))


def may_edit_locale(*, user, locale: Locale) -> bool:
    """Editors and moderators edit every language; translators only the translated ones."""
    if user.is_superuser:
        return True
    names = set(user.groups.values_list("name", flat=True))
    if names & {EDITORS, MODERATORS}:
        return True
    if TRANSLATORS in names:
        return locale.language_code != settings.LANGUAGE_CODE
    return True
