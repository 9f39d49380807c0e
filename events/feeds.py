"""What a language's events feed and calendar subscription carry, and the links that offer them."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models.functions import Length, Substr
from django.http import HttpRequest

from events.listing import EventCard, event_cards
from events.models import EventIndexPage, EventPage, SessionPage
from events.programme import SESSION_FIELDS
from events.timing import event_window
from home.page_cache import changes_at

# Feed readers keep what they have read; the feed only needs the latest changes.
FEED_LENGTH = 50
# A subscribed calendar deletes whatever the calendar stops carrying: an event stays this long
# after its last day, so today's sessions never vanish mid-day and last month's can be looked up.
KEPT_AFTER_END = timedelta(days=30)
# An entry never published through Wagtail (made by code) still needs an "updated" date.
NEVER_PUBLISHED = datetime(2020, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class FeedLinks:
    """Where the events feed and the calendar are: to download, to subscribe, to read."""

    feed_url: str
    calendar_url: str
    webcal_url: str


def feed_links(*, index: EventIndexPage, request: HttpRequest) -> FeedLinks:
    """The index's feed and calendar addresses; `webcal://` makes calendar apps subscribe."""
    base = index.get_url(request)
    calendar_url = base + index.reverse_subpage("events_calendar")
    absolute = request.build_absolute_uri(calendar_url)
    return FeedLinks(
        feed_url=base + index.reverse_subpage("events_feed"),
        calendar_url=calendar_url,
        webcal_url="webcal://" + absolute.split("://", 1)[1],
    )


def events_index_of(event: EventPage) -> EventIndexPage | None:
    """The events index an event belongs to (its parent), in one query."""
    return EventIndexPage.objects.parent_of(event).first()


def entry_updated(card: EventCard) -> datetime:
    """When the event or its programme last changed, as the feed's entry says it."""
    return card.last_changed or card.event.first_published_at or NEVER_PUBLISHED


def feed_entries(*, index: EventIndexPage, now: datetime) -> list[EventCard]:
    """The index's public events, the most recently announced or changed first."""
    # Feed readers order by date and mark an entry again when its "updated" moves on, so the
    # feed is the latest changes rather than the calendar order (the calendar feed has that).
    events = EventPage.objects.live().public().child_of(index)
    cards = event_cards(events, language_code=index.locale.language_code, now=now)
    return sorted(cards, key=entry_updated, reverse=True)[:FEED_LENGTH]


def calendar_programmes(
    *, index: EventIndexPage, now: datetime
) -> list[tuple[EventPage, list[SessionPage]]]:
    """Events not yet over (or over for less than KEPT_AFTER_END), each with its public sessions."""
    cutoff = now - KEPT_AFTER_END
    # Sessions lie within their event's days (events.timing), so its last day bounds them; a
    # day either side covers every time zone before the exact test below.
    candidates = (
        EventPage.objects.live()
        .public()
        .child_of(index)
        .filter(end_date__gte=(cutoff - timedelta(days=1)).date())
        .order_by("start_date", "path")
    )
    events = []
    for event in candidates:
        leaves = event_window(event)[1] + KEPT_AFTER_END
        if leaves > now:
            events.append(event)
            # The cached calendar must drop the event when its time is up, not later.
            changes_at(leaves)
    if not events:
        return []
    sessions: dict[str, list[SessionPage]] = {event.path: [] for event in events}
    for session in (
        SessionPage.objects.live()
        .public()
        .descendant_of(index)
        .annotate(parent_path=Substr("path", 1, Length("path") - SessionPage.steplen))
        .filter(parent_path__in=list(sessions))
        .only(*SESSION_FIELDS)
        .order_by("start", "end", "path")
    ):
        sessions[session.parent_path].append(session)
    return [(event, sessions[event.path]) for event in events]
