"""The editorial roles every page and snippet is held to, and the languages each may edit.

The groups themselves are set up by `manage.py setup_roles` (siteadmin.roles).
"""

from django.conf import settings

from wagtail.models import Locale

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"


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
