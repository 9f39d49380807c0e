"""Content approved as one unit: an event with its sessions and the new people they name.

An event's sessions are separate pages (own address, revisions, translation), but editors
submit the event with its programme and moderators approve them together. Page types opt in:
`publish_with_parent = True` (a session follows its event's approval) and
`snippets_published_with_page()` (the never-published snippets a page's draft uses, such as a
person created in the chooser). Publishing the parent publishes the children's waiting drafts
and those snippets. Anything with an approval request of its own waits for it.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.models import DraftStateMixin, Page, PageLogEntry
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


def new_snippets_used_by(pages) -> list[DraftStateMixin]:
    """Snippets never published that these pages' latest drafts use (e.g. a new speaker)."""
    found = {}
    for page in pages:
        # Every publish passes here: only page types that name such snippets load their draft.
        if not hasattr(page.specific_class, "snippets_published_with_page"):
            continue
        draft = page.specific.get_latest_revision_as_object()
        for snippet in draft.snippets_published_with_page():
            if (
                isinstance(snippet, DraftStateMixin)
                and not snippet.live
                and not snippet.workflow_in_progress
            ):
                found[(type(snippet), snippet.pk)] = snippet
    return list(found.values())


def publish_children_with_parent(*, parent: Page) -> list:
    """Publish the waiting child drafts and new snippets, as the person who published the parent."""
    children = (
        children_waiting_for_parent(parent=parent)
        if has_children_that_follow(parent.specific_class)
        else []
    )
    snippets = new_snippets_used_by([parent, *children])
    if not children and not snippets:
        return []
    publisher_id = (
        PageLogEntry.objects.filter(page=parent, action="wagtail.publish")
        .order_by("-timestamp", "-pk")
        .values_list("user", flat=True)
        .first()
    )
    publisher = get_user_model().objects.filter(pk=publisher_id).first() if publisher_id else None
    # Snippets first: a session published with its event should show its new speaker at once.
    published = []
    for item in [*snippets, *children]:
        revision = item.get_latest_revision()
        if revision is not None:
            revision.publish(user=publisher, skip_permission_checks=True)
            published.append(item)
    return published


def save_child_translation_drafts(*, parent: Page, user) -> list:
    """Bring the translated children's and new snippets' drafts up to date for the approval."""
    children = [child for child in parent.get_children().specific() if follows_parent(child)]
    saved = []
    for item in [*children, *new_snippets_used_by([parent, *children])]:
        translation = Translation.objects.filter(
            source__object_id=item.translation_key,
            target_locale_id=item.locale_id,
            enabled=True,
        ).first()
        if translation is None:
            continue
        try:
            save_translation_as_draft(translation=translation, user=user)
        except ValidationError:
            # The translator sees the problem in that item's own translation editor.
            continue
        saved.append(item)
    return saved


def on_page_published(sender, instance, **kwargs) -> None:
    publish_children_with_parent(parent=instance)
