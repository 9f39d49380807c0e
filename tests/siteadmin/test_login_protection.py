"""Guessing passwords stops after a few tries per account and per address; editors get back in."""

from datetime import timedelta
from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.models import ModelLogEntry

from axes.models import AccessAttempt

from membership.models import ApplicationSubmission
from siteadmin.login_lockouts import UNLOCK_ACTION
from siteadmin.roles import EDITORS, MODERATORS
from tests.factories import build_membership_section, make_admin, make_site, users_in_roles
from tests.membership.test_application_form import answers
from tests.visible import hidden_value, soup

LOGIN = "/admin/login/"
LOCKOUTS = "/admin/sign-in-lockouts/"
UNLOCK = "/admin/sign-in-lockouts/unlock/"
VISITOR = "203.0.113.7"
LOCKED = "Signing in is paused after too many failed attempts"


def sign_in(client, username: str, password: str, *, address: str = VISITOR, **headers):
    """Post the admin's sign-in form as a browser at `address` would."""
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


@override_settings(
    AXES_FAILURE_LIMIT=5, AXES_COOLOFF_TIME=timedelta(minutes=15), TRUSTED_PROXY_COUNT=0
)
class SignInTestCase(TestCase):
    """An editor, a moderator and a superuser (usernames "editors", "moderators", "admin")."""

    @classmethod
    def setUpTestData(cls):
        make_site()
        cls.editor, cls.moderator = users_in_roles(EDITORS, MODERATORS).values()
        cls.superuser = make_admin()


class LockoutTests(SignInTestCase):
    def fail_sign_in(self, times: int, username: str = "editors", **kwargs):
        for _attempt in range(times):
            response = sign_in(self.client, username, "wrong", **kwargs)
        return response

    def test_a_few_wrong_passwords_do_not_stop_the_right_one(self):
        self.assertContains(self.fail_sign_in(4), "Your username and password didn")
        self.assertTrue(signed_in(sign_in(self.client, "editors", "pw")))

    def test_the_fifth_wrong_password_locks_the_account_with_a_message_on_the_sign_in_page(self):
        response = self.fail_sign_in(5)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Retry-After"], str(15 * 60))
        self.assertContains(response, LOCKED, status_code=429)
        self.assertContains(response, "Try again in 15 minutes", status_code=429)
        # Still the sign-in form, with the name kept, so the editor knows where they are.
        page = soup(response)
        self.assertEqual(page.find("input", attrs={"name": "username"})["value"], "editors")
        self.assertIsNotNone(page.find("input", attrs={"name": "password"}))

    def test_while_locked_even_the_right_password_is_refused(self):
        self.fail_sign_in(5)
        response = sign_in(self.client, "editors", "pw")
        self.assertContains(response, LOCKED, status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_the_account_is_locked_from_every_address_and_other_accounts_are_not(self):
        self.fail_sign_in(5)
        self.assertContains(
            sign_in(self.client, "editors", "pw", address="198.51.100.1"), LOCKED, status_code=429
        )
        self.assertTrue(signed_in(sign_in(self.client, "moderators", "pw", address="198.51.100.1")))

    def test_wrong_passwords_for_many_accounts_from_one_address_lock_that_address(self):
        for name in ("alice", "bob", "carol", "dave", "erin"):
            sign_in(self.client, name, "guess")
        self.assertContains(sign_in(self.client, "moderators", "pw"), LOCKED, status_code=429)
        self.assertTrue(signed_in(sign_in(self.client, "moderators", "pw", address="198.51.100.1")))

    def test_the_message_is_in_the_language_of_the_browser(self):
        response = self.fail_sign_in(5, HTTP_ACCEPT_LANGUAGE="ja")
        self.assertContains(response, "15 分後にもう一度", status_code=429)
        self.assertContains(response, 'lang="ja"', status_code=429)

    def test_the_lock_lifts_by_itself_once_the_failures_are_older_than_the_cool_off(self):
        self.fail_sign_in(5)
        AccessAttempt.objects.update(
            attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
        )
        self.assertTrue(signed_in(sign_in(self.client, "editors", "pw")))

    def test_attempts_while_locked_do_not_make_the_lock_longer(self):
        self.fail_sign_in(5)
        locked_at = AccessAttempt.objects.get().attempt_time
        self.fail_sign_in(10)
        attempt = AccessAttempt.objects.get()
        self.assertEqual((attempt.attempt_time, attempt.failures_since_start), (locked_at, 5))

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_the_proxy_the_visitor_is_locked_out_and_not_the_proxy(self):
        proxy = "10.0.0.2"
        for number in range(5):
            # The attacker writes any first entry they like; the proxy appends what it saw.
            sign_in(
                self.client,
                f"guess{number}",
                "x",
                address=proxy,
                HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, {VISITOR}",
            )
        self.assertEqual(set(AccessAttempt.objects.values_list("ip_address", flat=True)), {VISITOR})
        attacker = sign_in(
            self.client,
            "editors",
            "pw",
            address=proxy,
            HTTP_X_FORWARDED_FOR=f"192.0.2.9, {VISITOR}",
        )
        self.assertEqual(attacker.status_code, 429)
        colleague = sign_in(
            self.client, "editors", "pw", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.4"
        )
        self.assertTrue(signed_in(colleague))


class UnlockTests(SignInTestCase):
    def lock_out_editor(self):
        for _attempt in range(5):
            sign_in(self.client, "editors", "typo")
        self.client.logout()

    def test_a_superuser_sees_the_locked_account_with_its_failures_and_address(self):
        self.lock_out_editor()
        self.client.force_login(self.superuser)
        self.assertContains(self.client.get("/admin/"), LOCKOUTS)
        page = soup(self.client.get(LOCKOUTS))
        cells = [
            cell.get_text(strip=True)
            for cell in page.find("tr", attrs={"data-lockout": "editors"}).find_all("td")
        ]
        self.assertEqual(cells[:3], ["editors", "5", VISITOR])
        self.assertIsNotNone(page.find("tr", attrs={"data-lockout": VISITOR}))

    def test_unlocking_lets_the_editor_sign_in_at_once_and_is_logged_with_who_did_it(self):
        self.lock_out_editor()
        self.client.force_login(self.superuser)
        response = self.client.post(UNLOCK, {"kind": "username", "value": "editors"}, follow=True)
        self.assertContains(response, "“editors” can sign in again.")
        self.assertContains(response, "No account is locked out.")
        entry = ModelLogEntry.objects.get(action=UNLOCK_ACTION)
        self.assertEqual(
            (entry.user, entry.label, entry.data["failures"]), (self.superuser, "editors", 5)
        )
        self.assertContains(self.client.get("/admin/reports/site-history/"), "Unlocked sign-in")
        self.client.logout()
        self.assertTrue(signed_in(sign_in(self.client, "editors", "pw")))

    def test_unlocking_an_address_lets_everyone_there_sign_in(self):
        for name in ("alice", "bob", "carol", "dave", "erin"):
            sign_in(self.client, name, "guess")
        self.client.force_login(self.superuser)
        self.client.post(UNLOCK, {"kind": "ip_address", "value": VISITOR})
        self.client.logout()
        self.assertTrue(signed_in(sign_in(self.client, "moderators", "pw")))

    def test_editors_and_moderators_neither_see_nor_use_the_unlock_page(self):
        self.lock_out_editor()
        for user in (self.editor, self.moderator):
            self.client.force_login(user)
            self.assertNotContains(self.client.get("/admin/"), LOCKOUTS)
            # Wagtail sends whoever lacks a permission back to the dashboard, with a message.
            self.assertRedirects(self.client.get(LOCKOUTS), "/admin/")
            response = self.client.post(UNLOCK, {"kind": "username", "value": "editors"})
            self.assertRedirects(response, "/admin/")
        self.assertEqual(AccessAttempt.objects.count(), 1)

    def test_a_group_given_the_unlock_permission_may_unlock(self):
        self.lock_out_editor()
        group = Group.objects.get(name=MODERATORS)
        group.permissions.add(Permission.objects.get(codename="delete_accessattempt"))
        self.client.force_login(self.moderator)
        self.client.post(UNLOCK, {"kind": "username", "value": "editors"})
        self.assertFalse(AccessAttempt.objects.exists())

    def test_unlocking_from_the_command_line(self):
        self.lock_out_editor()
        call_command("axes_reset_username", "editors", stdout=StringIO())
        self.assertTrue(signed_in(sign_in(self.client, "editors", "pw")))


@override_settings(AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=0, APPLICATION_RATE_LIMIT=(5, 3600))
class OtherFormsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site()
        _snippets, pages = build_membership_section(home)
        cls.form_page = pages[-1]
        cls.editor = users_in_roles(EDITORS)[EDITORS]

    def test_a_locked_address_can_still_send_a_membership_application(self):
        cache.clear()
        for name in ("alice", "bob", "carol", "dave", "erin"):
            sign_in(self.client, name, "guess")
        token = hidden_value(
            self.client.get(self.form_page.url, REMOTE_ADDR=VISITOR), "submission_token"
        )
        response = self.client.post(
            self.form_page.url, answers(submission_token=token), REMOTE_ADDR=VISITOR
        )
        self.assertContains(response, "Thank you for your application")
        self.assertEqual(ApplicationSubmission.objects.count(), 1)

    def test_an_editor_already_signed_in_keeps_working_while_their_address_is_locked(self):
        self.client.force_login(self.editor)
        for name in ("alice", "bob", "carol", "dave", "erin"):
            sign_in(self.client, name, "guess")
        self.assertEqual(self.client.get("/admin/pages/", REMOTE_ADDR=VISITOR).status_code, 200)
