"""The translation status report (Reports menu), sign-in lockouts (Settings), two-factor pages."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from siteadmin.login_lockout_views import (
    UNLOCK_PERMISSION,
    login_lockouts,
    may_unlock_sign_in,
    unlock_login,
)
from siteadmin.login_lockouts import UNLOCK_ACTION
from siteadmin.two_factor_views import CodeView, EnrolView
from siteadmin.views import translation_status_report


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_urls")
def translation_status_url():
    return [path("translation-status/", translation_status_report, name="translation_status")]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="wagtail-localize-language",
        order=900,
    )


class LoginLockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock_sign_in(user=request.user)


@hooks.register("register_admin_urls")
def login_lockout_urls():
    return [
        path("sign-in-lockouts/", login_lockouts, name="login_lockouts"),
        path("sign-in-lockouts/unlock/", unlock_login, name="unlock_login"),
    ]


@hooks.register("register_settings_menu_item")
def login_lockouts_menu_item():
    return LoginLockoutsMenuItem(
        _("Sign-in lockouts"), reverse("login_lockouts"), icon_name="lock", order=650
    )


@hooks.register("register_permissions")
def unlock_permission():
    # Offered in Settings → Groups, so a group other than superusers can be trusted to unlock.
    app_label, codename = UNLOCK_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_log_actions")
def register_unlock_log_action(actions):
    actions.register_action(UNLOCK_ACTION, _("Unlock sign-in"), _("Unlocked sign-in"))


@hooks.register("register_admin_urls", order=-100)
def two_factor_urls():
    """wagtail-2fa's code and enrolment pages, replaced at the same addresses and names."""
    # The same names, because wagtail-2fa's middleware lets a half-signed-in person reach only
    # the pages of those names.
    return [
        path("2fa/auth", CodeView.as_view(), name="wagtail_2fa_auth"),
        path("2fa/devices/new", EnrolView.as_view(), name="wagtail_2fa_device_new"),
    ]
