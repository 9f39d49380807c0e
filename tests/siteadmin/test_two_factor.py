"""Superusers and moderators sign in with a code from an app in production; editors may choose to."""

import os

from django.test import SimpleTestCase, TestCase, override_settings

from wagtail.users.models import UserProfile

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from siteadmin.roles import EDITORS, MODERATORS
from tests.factories import make_admin, make_site, users_in_roles
from tests.subprocesses import PRODUCTION_ENV, ROOT, run_python
from tests.visible import soup

ENROL = "/admin/2fa/devices/new"
CODE = "/admin/2fa/auth"
# Every test user's password (tests/factories.py).
PASSWORD = "pw"


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """What the person's authenticator app shows now (or `steps_ahead` 30-second steps later).

    django-otp learns how far the app's clock is off (`drift`) at each code it accepts, so a
    code computed just before a 30-second step ended may have moved it by one step.
    """
    drift = device.drift + steps_ahead
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{code:06d}"


def enrol(client, *, password: str = PASSWORD, steps_ahead: int = 0):
    """Open the enrolment page (which makes the device the QR code shows) and confirm a code."""
    page = client.get(ENROL)
    device = TOTPDevice.objects.get(user_id=client.session["_auth_user_id"], confirmed=False)
    response = client.post(
        ENROL,
        {
            "name": "Phone",
            "otp_token": code_for(device, steps_ahead=steps_ahead),
            "password": password,
        },
    )
    return page, response


@override_settings(WAGTAIL_2FA_REQUIRED=True, TWO_FACTOR_REQUIRED_GROUPS=[MODERATORS])
class RequiredTwoFactorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site()
        cls.editor, cls.moderator = users_in_roles(EDITORS, MODERATORS).values()
        cls.superuser = make_admin()

    def test_a_moderator_without_a_device_is_led_to_enrol_before_any_admin_page(self):
        self.client.force_login(self.moderator)
        for address in ("/admin/", "/admin/pages/", "/admin/snippets/"):
            response = self.client.get(address)
            self.assertEqual(response.status_code, 302, address)
            self.assertTrue(response["Location"].startswith(f"{ENROL}?next="), address)

    def test_the_enrolment_page_shows_a_qr_code_drawn_by_the_site_itself(self):
        self.client.force_login(self.moderator)
        page = soup(self.client.get(ENROL))
        images = [image["src"] for image in page.find_all("img")]
        self.assertIn("/admin/2fa/devices/qr-code", images)
        qr_code = self.client.get("/admin/2fa/devices/qr-code")
        self.assertEqual(qr_code["Content-Type"], "image/svg+xml")
        self.assertIn(b"<svg", qr_code.content)
        # Nothing on the page comes from another site.
        sources = [tag.get("src") or tag.get("href") or "" for tag in page.find_all(src=True)]
        self.assertEqual([source for source in sources if source.startswith("http")], [])

    def test_with_a_confirmed_code_the_moderator_reaches_the_dashboard(self):
        self.client.force_login(self.moderator)
        _page, response = enrol(self.client)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(TOTPDevice.objects.get(user=self.moderator).confirmed)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_after_enrolling_the_moderator_goes_on_to_the_page_they_asked_for(self):
        self.client.force_login(self.moderator)
        asked = self.client.get("/admin/pages/")["Location"]
        self.client.get(asked)
        device = TOTPDevice.objects.get(user=self.moderator, confirmed=False)
        response = self.client.post(
            asked,
            {
                "name": "Phone",
                "otp_token": code_for(device),
                "password": "pw",
                "next": "/admin/pages/",
            },
        )
        self.assertEqual(response["Location"], "/admin/pages/")

    def test_with_two_devices_the_moderator_chooses_which_one_shows_the_code(self):
        phone = TOTPDevice.objects.create(user=self.moderator, name="Phone", confirmed=True)
        TOTPDevice.objects.create(user=self.moderator, name="Tablet", confirmed=True)
        self.client.force_login(self.moderator)
        options = soup(self.client.get(CODE)).find("select", attrs={"name": "otp_device"})
        self.assertEqual(
            [option.get_text() for option in options.find_all("option")], ["Phone", "Tablet"]
        )
        response = self.client.post(
            CODE,
            {"otp_device": phone.persistent_id, "otp_token": code_for(phone), "next": "/admin/"},
        )
        self.assertEqual(response["Location"], "/admin/")

    def test_a_wrong_code_or_password_enrols_nothing(self):
        self.client.force_login(self.moderator)
        _page, response = enrol(self.client, password="not-my-password")
        self.assertContains(response, "That is not your password.")
        _page, response = enrol(self.client, steps_ahead=5)
        self.assertContains(response, "That code is not the one your app shows now.")
        self.assertFalse(TOTPDevice.objects.filter(user=self.moderator, confirmed=True).exists())
        self.assertEqual(self.client.get("/admin/").status_code, 302)

    def test_next_time_the_moderator_types_the_code_after_the_password(self):
        self.client.force_login(self.moderator)
        enrol(self.client)
        self.client.logout()
        self.client.post("/admin/login/", {"username": "moderators", "password": "pw"})
        response = self.client.get("/admin/")
        self.assertEqual(response["Location"], f"{CODE}?next=/admin/")
        device = TOTPDevice.objects.get(user=self.moderator)
        # The enrolment code may not be used twice: the app shows the next one.
        response = self.client.post(
            CODE, {"otp_token": code_for(device, steps_ahead=1), "next": "/admin/"}
        )
        self.assertEqual(response["Location"], "/admin/")
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_wrong_code_keeps_the_moderator_out(self):
        device = TOTPDevice.objects.create(user=self.moderator, name="Phone", confirmed=True)
        self.client.force_login(self.moderator)
        wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
        response = self.client.post(CODE, {"otp_token": wrong, "next": "/admin/"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get("/admin/").status_code, 302)

    def test_a_moderator_who_reads_the_admin_in_japanese_gets_the_pages_in_japanese(self):
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "ja"
        profile.save()
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get(ENROL), "認証アプリで読み取るQRコード")
        TOTPDevice.objects.filter(user=self.moderator).update(confirmed=True)
        self.assertContains(self.client.get(CODE), "認証アプリのコード")

    def test_superusers_must_enrol_too(self):
        self.client.force_login(self.superuser)
        self.assertTrue(self.client.get("/admin/")["Location"].startswith(ENROL))

    def test_an_editor_is_not_forced(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_a_superuser_removes_a_lost_device_and_the_moderator_enrols_again(self):
        device = TOTPDevice.objects.create(user=self.moderator, name="Lost phone", confirmed=True)
        self.client.force_login(self.superuser)
        TOTPDevice.objects.create(user=self.superuser, name="Phone", confirmed=True)
        session = self.client.session
        session["otp_device_id"] = TOTPDevice.objects.get(user=self.superuser).persistent_id
        session.save()
        listing = self.client.get(f"/admin/2fa/devices/{self.moderator.pk}")
        self.assertContains(listing, "Lost phone")
        self.client.post(f"/admin/2fa/devices/{device.pk}/remove", {"user_id": self.moderator.pk})
        self.assertFalse(TOTPDevice.objects.filter(user=self.moderator).exists())
        self.client.force_login(self.moderator)
        self.assertTrue(self.client.get("/admin/")["Location"].startswith(ENROL))


class OptionalTwoFactorTests(TestCase):
    """Development and tests: nobody is forced, and a device someone chose is always asked for."""

    @classmethod
    def setUpTestData(cls):
        make_site()
        cls.editor, cls.moderator = users_in_roles(EDITORS, MODERATORS).values()

    def test_a_moderator_without_a_device_reaches_the_dashboard(self):
        self.client.force_login(self.moderator)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_an_editor_who_enrolled_is_asked_for_the_code(self):
        self.client.force_login(self.editor)
        _page, response = enrol(self.client)
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get("/admin/")["Location"], f"{CODE}?next=/admin/")

    def test_the_public_site_is_unaffected(self):
        self.assertEqual(self.client.get("/en/").status_code, 200)


class PolicyPerEnvironmentTests(SimpleTestCase):
    def policy(self, **env: str) -> str:
        environment = {
            key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"
        }
        command = (
            "from django.conf import settings; "
            "print(settings.WAGTAIL_2FA_REQUIRED, settings.TWO_FACTOR_REQUIRED_GROUPS)"
        )
        result = run_python(
            str(ROOT / "manage.py"), "shell", "-c", command, env={**environment, **env}, timeout=120
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip().splitlines()[-1]

    def test_production_requires_it_of_moderators_and_development_does_not(self):
        self.assertEqual(self.policy(**PRODUCTION_ENV), "True ['Moderators']")
        self.assertEqual(
            self.policy(DJANGO_SETTINGS_MODULE="config.settings.dev"), "False ['Moderators']"
        )
