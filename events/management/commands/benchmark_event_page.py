"""Median render time and query count of an event page with 10 and 100 sessions."""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.benchmark import build_event_with_sessions
from events.models import EventIndexPage


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Build throwaway events (rolled back afterwards) and print the median render time and "
        "query count of their pages. Run after load_demo_content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", nargs="+", type=int, default=[10, 100])
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, sizes, runs, **options):
        index = EventIndexPage.objects.filter(locale__language_code="en").first()
        if index is None:
            raise CommandError("No English events index: run `manage.py load_demo_content` first.")
        client = Client(HTTP_HOST="127.0.0.1")
        try:
            with transaction.atomic():
                for size in sizes:
                    event = build_event_with_sessions(
                        index=index, sessions=size, slug=f"benchmark-{size}"
                    )
                    self._measure(client, event.url, f"event page, {size} sessions", runs)
                    session = event.get_children().live().first()
                    self._measure(client, session.url, f"session page, {size} siblings", runs)
                raise _Rollback
        except _Rollback:
            pass

    def _measure(self, client, url: str, label: str, runs: int) -> None:
        client.get(url)  # warm the caches every page shares
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        self.stdout.write(
            f"{label:<32} median {statistics.median(timings):7.1f} ms   "
            f"queries {len(queries):3d}   ({runs} runs)"
        )
