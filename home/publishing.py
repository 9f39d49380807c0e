"""Who may change what visitors see: the one publish rule every admin route is checked against."""

from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name


def can_publish(*, user, instance) -> bool:
    """True when this person may make this page or snippet's changes visible to visitors."""
    if user.is_superuser:
        return True
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    # A snippet without drafts goes live on save, so changing it is publishing it.
    return user.has_perm(get_permission_name("change", type(instance)))


def can_publish_all(*, user, instances) -> bool:
    """True when this person may publish every one of these pages or snippets."""
    return all(can_publish(user=user, instance=instance) for instance in instances)
