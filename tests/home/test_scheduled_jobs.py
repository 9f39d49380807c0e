"""Every server's cron may start the scheduled jobs; each change is still made once."""

from contextlib import contextmanager
from datetime import timedelta
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test import TestCase
from django.utils import timezone

from wagtail.models import PageLogEntry

from home.job_lock import advisory_key, one_server_at_a_time
from tests.factories import StandardPageFactory, make_site


class ScheduledPublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site()
        cls.page = StandardPageFactory(parent=home, title="Embargoed", live=False)
        cls.page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))

    def setUp(self):
        cache.clear()

    def publish_scheduled(self) -> str:
        output = StringIO()
        call_command("publish_scheduled", stdout=output)
        return output.getvalue()

    @contextmanager
    def another_server_running_the_job(self):
        """The job's lock held by another process's database session (or cache, off PostgreSQL)."""
        if connection.vendor != "postgresql":
            with one_server_at_a_time("publish_scheduled") as acquired:
                yield acquired
            return
        other = connections.create_connection("default")
        self.addCleanup(other.close)
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [advisory_key("publish_scheduled")])
            acquired = cursor.fetchone()[0]
        yield acquired
        other.close()  # the other server's run ends: PostgreSQL releases its lock

    def test_a_run_while_another_server_publishes_changes_nothing(self):
        with self.another_server_running_the_job() as acquired:
            self.assertTrue(acquired)
            self.assertIn("skipped", self.publish_scheduled())
            self.page.refresh_from_db()
            self.assertFalse(self.page.live)
        self.publish_scheduled()
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)
        published = PageLogEntry.objects.filter(page=self.page, action="wagtail.publish.scheduled")
        self.assertEqual(published.count(), 1)

    def test_the_lock_is_released_after_a_run(self):
        self.publish_scheduled()
        # Another server's cron, a minute later, gets the job (its own session on PostgreSQL).
        with self.another_server_running_the_job() as acquired:
            self.assertTrue(acquired)
