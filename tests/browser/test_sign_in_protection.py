"""Sign-in protection through the real admin: a lockout and its unlock, and a two-factor device.

An editor mistypes their password until signing in pauses, reads why on the sign-in page, and
signs in once the superuser (signed in before) unlocks the account in Settings → Sign-in lockouts.
A moderator adds an authenticator app (the code computed from the secret the page shows), is asked
for a code at the next sign-in, and after the superuser removes the "lost" device signs in with the
password alone. Screenshots go to artifacts/screenshots/sign-in-*.png.
"""

import base64
import time
from urllib.parse import parse_qs, urlparse

import pytest
from django_otp.oath import hotp
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

# The live server runs with the default limit (AXES_FAILURE_LIMIT).
FAILURE_LIMIT = 5
STEP = 30


def sign_in(page, site_url: str, username: str, password: str) -> None:
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def code_at(secret: str, step: int) -> str:
    """What an authenticator app holding `secret` shows during the 30-second `step`."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    # TOTP is HOTP counting 30-second steps since 1970.
    return f"{hotp(key, step):06d}"


def test_a_locked_out_editor_is_told_why_and_signs_in_once_the_superuser_unlocks(
    site_url, new_page, demo_accounts, site_manage
):
    admin = new_page(viewport={"width": 1280, "height": 900})
    sign_in(admin, site_url, *demo_accounts["Superuser"])
    editor = new_page(viewport={"width": 1280, "height": 900})
    username, password = demo_accounts["Editors"]
    try:
        for _attempt in range(FAILURE_LIMIT):
            sign_in(editor, site_url, username, "not-my-password")
        message = editor.get_by_role("status")
        expect(message).to_contain_text("Signing in is paused")
        expect(message).to_contain_text("Try again in 15 minutes")
        screenshot(editor, "sign-in-locked-out")
        sign_in(editor, site_url, username, password)
        expect(editor.get_by_role("status")).to_contain_text("Signing in is paused")

        admin.get_by_role("button", name="Settings").click()
        admin.get_by_role("link", name="Sign-in lockouts").click()
        row = admin.get_by_role("row").filter(has_text=username).first
        expect(row).to_contain_text(str(FAILURE_LIMIT))
        screenshot(admin, "sign-in-lockouts")
        row.get_by_role("button", name=f"Unlock {username}").click()
        expect(admin.locator(".messages")).to_contain_text(f"“{username}” can sign in again.")

        sign_in(editor, site_url, username, password)
        expect(editor).to_have_url(site_url + "/admin/")
    finally:
        # Nothing may stay locked for the browser tests that sign in after this one.
        site_manage("axes_reset")


def test_a_moderator_adds_an_authenticator_app_and_recovers_from_losing_it(
    site_url, new_page, demo_accounts, site_manage
):
    username, password = demo_accounts["Moderators"]
    moderator = new_page(viewport={"width": 1280, "height": 900})
    sign_in(moderator, site_url, username, password)
    try:
        moderator.goto(site_url + "/admin/2fa/devices/new")
        address = moderator.locator("main code").inner_text()
        secret = parse_qs(urlparse(address).query)["secret"][0]
        expect(moderator.get_by_role("img", name="QR code")).to_be_visible()
        enrolled_at = int(time.time()) // STEP
        moderator.get_by_label("Device name").fill("Phone")
        moderator.get_by_label("Code from your authenticator app").fill(
            code_at(secret, enrolled_at)
        )
        moderator.get_by_label("Your password").fill(password)
        screenshot(moderator, "sign-in-enrol")
        moderator.get_by_role("button", name="Add device").click()
        expect(moderator.get_by_role("cell", name="Phone", exact=True)).to_be_visible()

        moderator.context.clear_cookies()
        sign_in(moderator, site_url, username, password)
        moderator.goto(site_url + "/admin/")
        expect(moderator.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in")
        screenshot(moderator, "sign-in-code")
        # Each code is accepted once: the one after the enrolment's.
        moderator.get_by_label("Code from your authenticator app").fill(
            code_at(secret, enrolled_at + 1)
        )
        moderator.get_by_role("button", name="Continue").click()
        expect(moderator).to_have_url(site_url + "/admin/")

        admin = new_page(viewport={"width": 1280, "height": 900})
        sign_in(admin, site_url, *demo_accounts["Superuser"])
        admin.goto(site_url + "/admin/users/?q=" + username)
        # Settings → Users → the moderator's "More options" → Manage 2FA (wagtail-2fa's button).
        admin.get_by_role("button", name=f"More options for '{username}'").click()
        admin.get_by_role("link", name="Manage 2FA").click()
        admin.get_by_role("link", name="Remove Phone").click()
        admin.get_by_role("button", name="Remove device").click()
        expect(admin.get_by_text("No device yet.")).to_be_visible()

        moderator.context.clear_cookies()
        sign_in(moderator, site_url, username, password)
        moderator.goto(site_url + "/admin/")
        expect(moderator).to_have_url(site_url + "/admin/")
    finally:
        # Later browser tests sign the moderator in with the password alone.
        site_manage(
            "shell",
            "-c",
            "from django_otp.plugins.otp_totp.models import TOTPDevice; "
            f"TOTPDevice.objects.filter(user__username={username!r}).delete()",
        )
