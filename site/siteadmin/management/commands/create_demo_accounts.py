from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from siteadmin.demo_accounts import credentials_file, ensure_demo_accounts


class Command(BaseCommand):
    help = "Development only: create one demo account per role and print how to log in."

    def handle(self, *args, **options):
        try:
            accounts = ensure_demo_accounts()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Log in to the admin at {base_url}/admin/ as:"))
        for account in accounts:
            password = account.password or "(changed since it was created; not shown)"
            self.stdout.write(
                f"  {account.role:<12} user: {account.username:<11} password: {password}"
            )
        self.stdout.write(f"(Development only. Passwords are kept in {credentials_file()}.)")
        self.stdout.write("")
