"""Wagtail's clean-up of old search counts, extended to the counts per language."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from home.models import SearchTermDailyHits


class Command(BaseCommand):
    help = (
        "Forget search counts older than WAGTAILSEARCH_HITS_MAX_AGE days, and terms no longer "
        "searched nor promoted. Run daily (cron)."
    )

    def handle(self, *args, **options):
        days = settings.WAGTAILSEARCH_HITS_MAX_AGE
        oldest_kept = timezone.localdate() - datetime.timedelta(days=days)
        QueryDailyHits.garbage_collect(days=days)
        deleted, _by_model = SearchTermDailyHits.objects.filter(date__lt=oldest_kept).delete()
        # Terms with no count left and no promotion go last, with anything still pointing at them.
        Query.garbage_collect()
        self.stdout.write(f"Forgot search counts before {oldest_kept} ({deleted} per language).")
