"""The membership team: the only people, with superusers, who read, decide on and export applications."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page

from home.roles import AppTeam
from membership.models import MembershipApplicationPage

MEMBERSHIP = "Membership"


def may_read_applications(*, user) -> bool:
    return user.is_active and user.has_perm("membership.view_applicationsubmission")


def ensure_membership_team() -> Group:
    """The Membership group: admin access, the Applications inbox (read and decide), the outbox."""
    group, _ = Group.objects.get_or_create(name=MEMBERSHIP)
    outbox = Permission.objects.filter(
        content_type__app_label="membership", content_type__model="outgoingemail"
    )
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="membership",
            codename__in=[
                "view_applicationsubmission",
                "change_applicationsubmission",
                "view_outgoingemail",
            ],
        ),
    )
    # The outbox is read-only: a group set up before kept a "change" it must not have.
    group.permissions.remove(*outbox.filter(codename="change_outgoingemail"))
    # Earlier versions let the team edit the form pages to reach their submissions; the inbox
    # replaced that, so rerunning setup_roles takes the page permission away.
    GroupPagePermission.objects.filter(
        group=group, page__in=Page.objects.type(MembershipApplicationPage)
    ).delete()
    return group


TEAM = AppTeam(name=MEMBERSHIP, ensure=ensure_membership_team)
