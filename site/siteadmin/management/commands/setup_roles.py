from django.core.management.base import BaseCommand

from home.services.site_address import match_default_site_to_public_address
from siteadmin.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Create or complete the Editors, Moderators and Translators groups, each app's own team "
        "(Membership), and the moderation workflow, and give the default site the public address "
        "(WAGTAILADMIN_BASE_URL)."
    )

    def handle(self, *args, **options):
        groups = ensure_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {', '.join(sorted(groups))}."))
        # Run on every deploy, so links in e-mails follow the configured address.
        site = match_default_site_to_public_address()
        if site is not None:
            self.stdout.write(f"Default site address: {site.root_url}")
