"""Every server renders every page afresh: for a deploy that changed templates or code."""

from django.core.management.base import BaseCommand

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from home.cache_invalidation import every_live_page_url, purging_configured
from home.page_cache import forget_cached_pages


class Command(BaseCommand):
    help = (
        "Forget every page in the shared page cache, and purge every live page from the "
        "configured CDN or proxy (FRONTEND_CACHE_*). Run it after a deploy that changes pages."
    )

    def handle(self, *args, **options):
        forget_cached_pages()
        self.stdout.write("The page cache is empty: every server renders each page afresh.")
        if purging_configured():
            urls = every_live_page_url()
            purge_urls_from_cache(urls)
            self.stdout.write(f"Purged {len(urls)} addresses from the CDN or proxy.")
