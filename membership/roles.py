"""The membership team: the only people, with superusers, who read and export applications."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page

from home.roles import AppTeam
from membership.models import MembershipApplicationPage

MEMBERSHIP = "Membership"


def may_read_applications(*, user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=MEMBERSHIP).exists())


def ensure_membership_team() -> Group:
    """The Membership group: admin access, the form pages (to reach their submissions), the outbox."""
    group, _ = Group.objects.get_or_create(name=MEMBERSHIP)
    outbox = Permission.objects.filter(
        content_type__app_label="membership", content_type__model="outgoingemail"
    )
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        outbox.get(codename="view_outgoingemail"),
    )
    # The outbox is read-only: a group set up before kept a "change" it must not have.
    group.permissions.remove(*outbox.filter(codename="change_outgoingemail"))
    change_page = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="change_page"
    )
    for page in Page.objects.type(MembershipApplicationPage):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change_page)
    return group


TEAM = AppTeam(name=MEMBERSHIP, ensure=ensure_membership_team)
