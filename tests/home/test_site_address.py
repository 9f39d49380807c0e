"""E-mailed links lead to the site's real address, not http://localhost/."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.admin.mail import send_notification
from wagtail.models import Site

from home.services.site_address import match_default_site_to_public_address
from tests.factories import StandardPageFactory, make_site


class SiteAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
        cls.page = StandardPageFactory(parent=cls.home, title="About")

    @override_settings(WAGTAILADMIN_BASE_URL="https://www.example.org")
    def test_setup_roles_gives_the_default_site_the_public_address(self):
        out = StringIO()
        call_command("setup_roles", stdout=out)
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("www.example.org", 443))
        self.assertIn("https://www.example.org", out.getvalue())
        self.assertTrue(self.page.get_full_url().startswith("https://www.example.org/"))

    @override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8080")
    def test_a_development_port_is_kept(self):
        site = match_default_site_to_public_address()
        self.assertEqual(site.root_url, "http://127.0.0.1:8080")

    @override_settings(WAGTAILADMIN_BASE_URL="https://www.example.org")
    def test_an_approval_email_links_to_the_public_address(self):
        match_default_site_to_public_address()
        editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
        revision = self.page.save_revision(user=editor)
        send_notification([editor], "approved", {"revision": revision})
        self.assertEqual(len(mail.outbox), 1)
        body = mail.outbox[0].body
        self.assertIn("https://www.example.org/", body)
        self.assertNotIn("localhost", body)

    def test_running_it_again_changes_nothing(self):
        with override_settings(WAGTAILADMIN_BASE_URL="https://www.example.org"):
            first = match_default_site_to_public_address()
            second = match_default_site_to_public_address()
        self.assertEqual((first.pk, first.root_url), (second.pk, second.root_url))

    def test_a_base_url_that_is_not_an_address_is_refused(self):
        with self.assertRaises(ImproperlyConfigured):
            match_default_site_to_public_address(base_url="www.example.org")
