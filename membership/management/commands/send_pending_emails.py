from django.core.management.base import BaseCommand

from membership.services.outbox import send_pending_emails


class Command(BaseCommand):
    help = "Retry e-mails that could not be sent (mail server down); run it from cron every few minutes."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100)

    def handle(self, *args, limit, **options):
        sent, waiting = send_pending_emails(limit=limit)
        self.stdout.write(f"Sent {sent} e-mail(s); {waiting} still waiting.")
