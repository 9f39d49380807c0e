"""Events in lists: the events index (upcoming, then past by year) and the featured event."""

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Max, Min
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, SessionPage
from events.timing import display_zone, event_window, format_date_range
from home.page_cache import changes_at
from home.query_params import bounded_int, page_number, was_given

PAST_EVENTS_PER_PAGE = 10
# Years an archive link may ask for; any other is "not understood" and shows every year.
FIRST_YEAR, LAST_YEAR = 1900, 2200


@dataclass
class EventCard:
    """An event in a list: where, when, and whether it is still to come."""

    event: EventPage
    url: str
    dates_text: str
    starts_at: datetime
    ends_at: datetime
    is_upcoming: bool
    # When the event or one of its sessions was last published (the events feed's "updated").
    last_changed: datetime | None

    @property
    def year(self) -> int:
        return self.event.start_date.year


@dataclass
class EventListing:
    upcoming: list[EventCard]
    past: PaginatorPage
    years: list[int]
    selected_year: int | None
    year_was_invalid: bool

    @property
    def query_string(self) -> str:
        return f"year={self.selected_year}" if self.selected_year else ""


def event_cards(events, *, language_code: str, now: datetime) -> list[EventCard]:
    """Cards with each event's real span from its public sessions: one query for all events."""
    # A session under a password neither widens its event's days nor, changed, marks the
    # event as changed in the feed: nothing a visitor of the list or a reader can see moved.
    spans = {
        row["parent_path"]: (row["first"], row["last"], row["changed"])
        for row in SessionPage.objects.live()
        .public()
        .filter(locale__language_code=language_code)
        .order_by()  # the default ordering would split the groups
        .annotate(parent_path=Substr("path", 1, Length("path") - SessionPage.steplen))
        .values("parent_path")
        .annotate(first=Min("start"), last=Max("end"), changed=Max("last_published_at"))
    }
    cards = []
    for event in events:
        window_start, window_end = event_window(event)
        first, last, sessions_changed = spans.get(event.path, (None, None, None))
        zone = display_zone(event=event, language_code=language_code)
        if first and last:
            dates = format_date_range(
                timezone.localtime(first, zone).date(),
                timezone.localtime(last, zone).date(),
                language_code=language_code,
            )
        else:
            dates = format_date_range(event.start_date, event.end_date, language_code=language_code)
        cards.append(
            EventCard(
                event=event,
                url=event.url,
                dates_text=dates,
                starts_at=first or window_start,
                ends_at=last or window_end,
                is_upcoming=(last or window_end) >= now,
                last_changed=max(
                    (m for m in (event.last_published_at, sessions_changed) if m), default=None
                ),
            )
        )
        # A cached list must not call an event upcoming once it has ended.
        changes_at(last or window_end)
    return cards


def _parse_year(raw: str | None) -> tuple[int | None, bool]:
    year = bounded_int(raw, minimum=FIRST_YEAR, maximum=LAST_YEAR)
    return year, year is None and was_given(raw)


def event_listing(
    *, index: EventIndexPage, raw_page: str | None, year: str | None, now: datetime | None = None
) -> EventListing:
    """Upcoming events soonest first, then past events newest first, by year and paginated."""
    now = now or timezone.now()
    language_code = index.locale.language_code
    events = EventPage.objects.live().public().child_of(index).order_by("start_date")
    cards = event_cards(events, language_code=language_code, now=now)
    upcoming = sorted((c for c in cards if c.is_upcoming), key=lambda c: c.starts_at)
    past = sorted((c for c in cards if not c.is_upcoming), key=lambda c: c.starts_at, reverse=True)
    years = sorted({card.year for card in past}, reverse=True)
    selected_year, invalid = _parse_year(year)
    if selected_year is not None:
        past = [card for card in past if card.year == selected_year]
    return EventListing(
        upcoming=upcoming,
        past=Paginator(past, PAST_EVENTS_PER_PAGE).get_page(page_number(raw_page)),
        years=years,
        selected_year=selected_year,
        year_was_invalid=invalid,
    )


def featured_event(*, locale: Locale, now: datetime | None = None) -> EventCard | None:
    """The next upcoming event in this language, or else the most recent past one."""
    now = now or timezone.now()
    events = EventPage.objects.live().public().filter(locale=locale)
    cards = event_cards(events, language_code=locale.language_code, now=now)
    upcoming = [card for card in cards if card.is_upcoming]
    if upcoming:
        return min(upcoming, key=lambda card: card.starts_at)
    return max(cards, key=lambda card: card.starts_at, default=None)
