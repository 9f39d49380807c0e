from django.core.management.base import BaseCommand

from membership.services.outbox import send_pending_emails


class Command(BaseCommand):
    help = (
        "Send the e-mails that are due (new, or waiting to be retried); run it from cron every "
        "few minutes. Safe to run on several servers at once: each e-mail is sent by one of them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100)

    def handle(self, *args, limit, **options):
        sent, not_sent = send_pending_emails(limit=limit)
        self.stdout.write(f"Sent {sent} e-mail(s); {not_sent} not sent, to retry later or failed.")
