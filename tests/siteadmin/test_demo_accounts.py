"""Anyone trying the site locally gets one account per role, with passwords nobody else knows."""

import tempfile

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import TestCase, override_settings

from siteadmin.demo_accounts import demo_accounts, ensure_demo_accounts
from siteadmin.roles import ensure_roles


class DemoAccountTests(TestCase):
    def setUp(self):
        ensure_roles()
        self.var_dir = tempfile.mkdtemp()

    def test_demo_accounts_are_never_made_outside_development(self):
        with self.assertRaises(ImproperlyConfigured):
            ensure_demo_accounts()
        self.assertFalse(get_user_model().objects.filter(username__in=demo_accounts()).exists())

    def test_each_role_gets_an_account_with_a_generated_password(self):
        with override_settings(DEBUG=True, DEMO_ACCOUNTS_ALLOWED=True, VAR_DIR=self.var_dir):
            accounts = ensure_demo_accounts()
        self.assertEqual(
            [a.role for a in accounts],
            ["Superuser", "Editors", "Moderators", "Translators", "Membership"],
        )
        passwords = [a.password for a in accounts]
        self.assertEqual(len(set(passwords)), 5)
        for account in accounts:
            user = get_user_model().objects.get(username=account.username)
            self.assertTrue(user.check_password(account.password))
            self.assertGreaterEqual(len(account.password), 16)

    def test_running_again_shows_the_same_accounts_without_duplicates(self):
        with override_settings(DEBUG=True, DEMO_ACCOUNTS_ALLOWED=True, VAR_DIR=self.var_dir):
            first = ensure_demo_accounts()
            second = ensure_demo_accounts()
        self.assertEqual(first, second)
        self.assertEqual(get_user_model().objects.filter(username__in=demo_accounts()).count(), 5)

    def test_a_changed_password_is_not_reset_or_shown(self):
        with override_settings(DEBUG=True, DEMO_ACCOUNTS_ALLOWED=True, VAR_DIR=self.var_dir):
            ensure_demo_accounts()
            editor = get_user_model().objects.get(username="editor")
            editor.set_password("my own password")
            editor.save()
            accounts = {a.username: a for a in ensure_demo_accounts()}
        self.assertIsNone(accounts["editor"].password)
        editor.refresh_from_db()
        self.assertTrue(editor.check_password("my own password"))
