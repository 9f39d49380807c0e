"""Settings → Sign-in lockouts: who is locked out of the admin now, and an Unlock button for each."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from siteadmin.login_lockouts import ACCOUNT, ADDRESS, current_lockouts, unlock

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def may_unlock_sign_in(*, user) -> bool:
    """Superusers, and groups given "Can delete access attempt" in Settings → Groups."""
    return user.is_active and (user.is_superuser or user.has_perm(UNLOCK_PERMISSION))


def login_lockouts(request):
    """Every locked account and address, with its failures, where they came from and when."""
    if not may_unlock_sign_in(user=request.user):
        raise PermissionDenied
    lockouts = current_lockouts()
    return TemplateResponse(
        request,
        "siteadmin/login_lockouts.html",
        {
            "accounts": [lockout for lockout in lockouts if lockout.kind == ACCOUNT],
            "addresses": [lockout for lockout in lockouts if lockout.kind == ADDRESS],
        },
    )


@require_POST
def unlock_login(request):
    """Forget one account's or address's failures so its owner can sign in straight away."""
    if not may_unlock_sign_in(user=request.user):
        raise PermissionDenied
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "").strip()
    if kind not in (ACCOUNT, ADDRESS) or not value:
        messages.error(request, _("Choose an account or address to unlock."))
    elif unlock(kind=kind, value=value, by=request.user):
        messages.success(request, _("“%(value)s” can sign in again.") % {"value": value})
    else:
        messages.warning(request, _("“%(value)s” was not locked out.") % {"value": value})
    return redirect("login_lockouts")
