"""Pages approved as one unit: a page type with `publish_with_parent` follows its parent's approval.

An event's sessions are separate pages (own address, revisions, translation), but editors
submit the event with its programme and moderators approve them together: publishing the
parent publishes its children's waiting drafts. Children with an approval request of their
own wait for it.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation

from home.translation_drafts import save_translation_as_draft


def follows_parent(page: Page) -> bool:
    """True for page types whose drafts are approved together with their parent page."""
    return getattr(page.specific_class, "publish_with_parent", False)


def has_children_that_follow(page_class) -> bool:
    """True for page types whose children (e.g. an event's sessions) are approved with them."""
    return any(
        getattr(model, "publish_with_parent", False)
        for model in page_class.allowed_subpage_models()
    )


def moderation_title(*, page: Page, title: str) -> str:
    """The title moderators read: an event in moderation names the sessions approved with it."""
    if not has_children_that_follow(page.specific_class) or not page.workflow_in_progress:
        return title
    waiting = children_waiting_for_parent(parent=page)
    if not waiting:
        return title
    return _("%(title)s, with %(children)s") % {
        "title": title,
        "children": ", ".join(child.draft_title or child.title for child in waiting),
    }


def children_waiting_for_parent(*, parent: Page) -> list[Page]:
    """Children approved with this page that have unpublished changes and no request of their own."""
    children = parent.get_children().filter(has_unpublished_changes=True).specific()
    return [child for child in children if follows_parent(child) and not child.workflow_in_progress]


def publish_children_with_parent(*, parent: Page) -> list[Page]:
    """Publish the waiting child drafts, as the person who just published the parent."""
    children = children_waiting_for_parent(parent=parent)
    if not children:
        return []
    publisher_id = (
        PageLogEntry.objects.filter(page=parent, action="wagtail.publish")
        .order_by("-timestamp", "-pk")
        .values_list("user", flat=True)
        .first()
    )
    publisher = get_user_model().objects.filter(pk=publisher_id).first() if publisher_id else None
    for child in children:
        revision = child.get_latest_revision()
        if revision is not None:
            revision.publish(user=publisher, skip_permission_checks=True)
    return children


def save_child_translation_drafts(*, parent: Page, user) -> list[Page]:
    """Bring the translated children's drafts up to date, so they go for approval with the parent."""
    saved = []
    children = parent.get_children().specific()
    for child in children:
        if not follows_parent(child):
            continue
        translation = Translation.objects.filter(
            source__object_id=child.translation_key,
            target_locale_id=child.locale_id,
            enabled=True,
        ).first()
        if translation is None:
            continue
        try:
            save_translation_as_draft(translation=translation, user=user)
        except ValidationError:
            # The translator sees the problem in that session's own translation editor.
            continue
        saved.append(child)
    return saved


def on_page_published(sender, instance, **kwargs) -> None:
    publish_children_with_parent(parent=instance)
