"""Counts of what visitors search for, per language and day, and how often nothing was found.

Each visitor's search adds one to Wagtail's count for the term (QueryDailyHits: the promoted
results screen ranks terms by it) and one to the term's count in the visitor's language
(SearchTermDailyHits, which also counts the searches that found nothing). Nothing about the
visitor is kept. Search result addresses carry a query string, which the page cache and the CDN
never keep (home/page_cache.py, deploy/varnish.vcl), so every search reaches this code.
"""

import logging
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.http import HttpRequest
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Locale

from home.client_address import client_address
from home.models import SearchTermDailyHits
from home.rate_limit import count_attempt
from home.search_promotions import search_term_key

logger = logging.getLogger(__name__)
# Crawlers and link previews name themselves so; their searches say nothing about visitors.
_ROBOT = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit|python|curl|wget", re.I)


def is_counted(request: HttpRequest) -> bool:
    """A visitor's own search: not someone signed in (editors trying a term), not a robot, and
    not beyond SEARCH_COUNTS_PER_HOUR from one address (a script cannot flood the report)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if _ROBOT.search(request.META.get("HTTP_USER_AGENT", "")):
        return False
    # Checked last: only searches that would be counted use up the address's allowance.
    return count_attempt(
        scope="search-count",
        identity=client_address(request),
        limit=settings.SEARCH_COUNTS_PER_HOUR,
        window=3600,
    )


def count_search(*, text: str, locale: Locale, result_count: int) -> None:
    """Add one search for `text` in the locale's language today; never fails the search page."""
    key = search_term_key(text)
    if not key:
        return
    try:
        # A savepoint: a failure here undoes only the counting, not the visitor's request.
        with transaction.atomic():
            query, _created = Query.objects.get_or_create(query_string=key)
            today = timezone.localdate()
            _add_one(QueryDailyHits, keys={"query": query, "date": today}, counts={"hits": 1})
            _add_one(
                SearchTermDailyHits,
                keys={"query": query, "language": locale.language_code, "date": today},
                counts={"hits": 1, "zero_result_hits": int(result_count == 0)},
            )
    except Exception:
        # Whatever went wrong, the visitor still gets their results; the log tells us.
        logger.exception("Could not count a search for %r", key)


def _add_one(model: type[Model], *, keys: dict, counts: dict[str, int]) -> None:
    """Add `counts` to the day's row, made if it is the day's first (one UPDATE most times)."""
    increments = {field: F(field) + amount for field, amount in counts.items()}
    if model.objects.filter(**keys).update(**increments):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **counts)
    except IntegrityError:
        # Another visitor's search made the row in the meantime.
        model.objects.filter(**keys).update(**increments)
