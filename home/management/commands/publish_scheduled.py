"""Wagtail's publish_scheduled, run by one server at a time when every server's cron starts it."""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from home.job_lock import one_server_at_a_time


class Command(WagtailPublishScheduled):
    help = "Publish and unpublish what editors scheduled; skipped while another server does it."

    def handle(self, *args, **options):
        with one_server_at_a_time("publish_scheduled") as acquired:
            if not acquired:
                self.stdout.write("Another server is publishing scheduled changes; skipped.")
                return
            super().handle(*args, **options)
