"""What a locked-out person sees: Wagtail's sign-in page, saying why and for how long."""

import math

from django.contrib.auth import get_user_model
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext

from wagtail.admin.views.account import get_user_login_form, password_reset_enabled

from siteadmin.login_lockouts import cool_off


def locked_out_login_page(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """The sign-in form again (429), with the lockout explained in the admin's language."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    seconds = int(cool_off().total_seconds())
    minutes = math.ceil(seconds / 60)
    # Shown where Wagtail's sign-in page shows its messages (this list stands in for the
    # messages framework's), above a fresh form that keeps the name.
    lockout = Message(
        constants.ERROR,
        ngettext(
            "Signing in is paused after too many failed attempts for this account or from your "
            "network. Try again in %(minutes)s minute, or ask an administrator to unlock your "
            "account sooner. Until then even the right password is refused.",
            "Signing in is paused after too many failed attempts for this account or from your "
            "network. Try again in %(minutes)s minutes, or ask an administrator to unlock your "
            "account sooner. Until then even the right password is refused.",
            minutes,
        )
        % {"minutes": minutes},
    )
    user_model = get_user_model()
    response = render(
        request,
        "wagtailadmin/login.html",
        {
            "form": get_user_login_form()(request, initial={"username": username}),
            "messages": [lockout],
            "next": next_url,
            "show_password_reset": password_reset_enabled(),
            "username_field": user_model._meta.get_field(user_model.USERNAME_FIELD).verbose_name,
        },
        status=429,
    )
    # Browsers and scripts that read it know when to try again.
    response["Retry-After"] = str(seconds)
    return response
