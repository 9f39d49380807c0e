"""What visitors searched for in one language lately: the most frequent terms, and those that found nothing."""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Sum
from django.utils import timezone

from home.models import SearchTermDailyHits

REPORT_DAYS = 30
REPORT_ROWS = 100


@dataclass(frozen=True)
class SearchTermCount:
    """One search term in the report: how often it was searched, and how often it found nothing."""

    term: str
    searches: int
    found_nothing: int
    last_searched: datetime.date


def _since(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def _counts(*, language_code: str, days: int):
    return (
        SearchTermDailyHits.objects.filter(language=language_code, date__gte=_since(days))
        .values("query__query_string")
        .annotate(
            searches=Sum("hits"), found_nothing=Sum("zero_result_hits"), last_searched=Max("date")
        )
    )


def _rows(counts) -> list[SearchTermCount]:
    return [
        SearchTermCount(
            term=row["query__query_string"],
            searches=row["searches"],
            found_nothing=row["found_nothing"],
            last_searched=row["last_searched"],
        )
        for row in counts[:REPORT_ROWS]
    ]


def popular_search_terms(*, language_code: str, days: int = REPORT_DAYS) -> list[SearchTermCount]:
    """The terms searched most often in the last `days` days, most searched first."""
    counts = _counts(language_code=language_code, days=days)
    return _rows(counts.order_by("-searches", "query__query_string"))


def search_terms_finding_nothing(
    *, language_code: str, days: int = REPORT_DAYS
) -> list[SearchTermCount]:
    """The terms whose searches found no page in the last `days` days, most frequent first."""
    counts = _counts(language_code=language_code, days=days).filter(found_nothing__gt=0)
    return _rows(counts.order_by("-found_nothing", "query__query_string"))
