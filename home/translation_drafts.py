"""A translation saved as a draft revision, never written over what visitors read.

wagtail-localize's `save_target(publish=False)` copies the translated text into the object's
own row before it makes a revision; for a page or snippet that is already live, that row is
what visitors see, so the unapproved text would be public at once. Here the library builds the
draft inside a transaction that is then rolled back, and only its content is kept, as a new
revision of the untouched live object.
"""

from django.db import transaction

from wagtail.models import DraftStateMixin
from wagtail_localize.models import Translation


class _Discard(Exception):
    """Carries the draft's content out of the rolled-back transaction."""


def save_translation_as_draft(*, translation: Translation, user) -> None:
    """Turn the translator's current strings into a draft revision of the translated object."""
    target = translation.get_target_instance()
    if not (isinstance(target, DraftStateMixin) and target.live):
        # Nothing visitors see lives in this row yet: the library's own draft is safe.
        translation.save_target(user=user, publish=False)
        return
    try:
        with transaction.atomic():
            translation.save_target(user=user, publish=False)
            draft = translation.get_target_instance().get_latest_revision()
            raise _Discard(draft.content)
    except _Discard as carried:
        content = carried.args[0]
    live = translation.get_target_instance()
    live.with_content_json(content).save_revision(user=user)
