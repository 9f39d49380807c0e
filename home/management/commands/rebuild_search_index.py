"""Index every live page afresh for site search (after a deploy that changed the analysis, or to repair)."""

from django.core.management.base import BaseCommand

from home.search_index import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the site search index (home.SearchDocument) from the live pages."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"Indexed {count} live pages for site search.")
