"""A published forum with many sessions in English and Japanese, for `make bench` (a throwaway database)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Locale

from events.benchmark import build_event_with_sessions
from events.models import EventIndexPage
from home.demo.translation import Catalogue, translate_objects


class Command(BaseCommand):
    help = (
        "Build and publish an event with --sessions sessions (three people each) under the "
        "English events index, and its Japanese translation made through wagtail-localize. "
        "Run after load_demo_content, on a database you can throw away."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sessions", type=int, default=100)
        parser.add_argument("--slug", default="benchmark-forum")

    def handle(self, *args, sessions, slug, **options):
        index = EventIndexPage.objects.filter(locale__language_code="en").first()
        if index is None:
            raise CommandError("No English events index: run `manage.py load_demo_content` first.")
        with transaction.atomic():
            event = build_event_with_sessions(index=index, sessions=sessions, slug=slug)
            children = [page.specific for page in event.get_children()]
            people = [link.person for session in children for link in session.people.all()]
            # Translated as a translator would (the demo's way), strings left in English: the
            # Japanese page has the same sessions, people and structure to render.
            report = translate_objects(
                objects=[*people, event, *children],
                locale=Locale.objects.get(language_code="ja"),
                catalogue=Catalogue([]),
            )
        self.stdout.write(
            f"{event.url} and its Japanese translation: {sessions} sessions "
            f"({len(report.translated)} objects translated)."
        )
