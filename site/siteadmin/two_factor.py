"""Two-factor sign-in: who must use a second factor, and sending them to it before any admin page."""

from django.conf import settings
from django.urls import Resolver404, resolve

import django_otp
from wagtail_2fa.middleware import VerifyUserMiddleware

from home.security_headers import is_admin_path


def must_use_two_factor(*, user) -> bool:
    """Superusers and the groups in TWO_FACTOR_REQUIRED_GROUPS, wherever the policy is switched on."""
    if not settings.WAGTAIL_2FA_REQUIRED or not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()
    )


def asks_for_second_factor(*, user) -> bool:
    """Whoever must use a second factor, and whoever enrolled a device of their own accord."""
    if not hasattr(user, "_asks_for_second_factor"):
        user._asks_for_second_factor = must_use_two_factor(user=user) or django_otp.user_has_device(
            user, confirmed=True
        )
    return user._asks_for_second_factor


class TwoFactorMiddleware(VerifyUserMiddleware):
    """wagtail-2fa's middleware, deciding per person instead of for every admin user at once.

    A person who must use a second factor and has no device is sent to enrol; one with a device
    is asked for a code after the password, even where the policy is off (development), since a
    device nobody asks for protects nothing.
    """

    def process_request(self, request):
        response = super().process_request(request)
        user = request.user
        # Only the admin's menu reads it: public pages seen signed in pay no query for it.
        if user.is_authenticated and is_admin_path(request.path_info):
            # wagtail-2fa's menu hook empties the menu of an unverified user who has this set.
            user.enable_2fa = asks_for_second_factor(user=user)
        return response

    def _require_verified_user(self, request):
        user = request.user
        if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
            return False
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            # Not an address of ours: the 404 page shows nothing a half-signed-in user may not see.
            return False
        if url_name in self._allowed_url_names:
            return False
        if url_name in self._allowed_url_names_no_device and not django_otp.user_has_device(
            user, confirmed=True
        ):
            return False
        return asks_for_second_factor(user=user)
