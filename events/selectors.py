"""Reads for events: the programme in the visitor's zone, statuses, notices and listings."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Max, Min, Prefetch
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, SessionPage, SessionPerson
from events.structured_data import event_json_ld
from events.timing import DisplayTime, display_time, display_zone, event_window, format_day

PERSON_PHOTO_RENDITIONS = ("fill-96x96|format-webp", "fill-192x192|format-webp")
PAST_EVENTS_PER_PAGE = 10

UPCOMING, LIVE, ENDED = "upcoming", "live", "ended"


def session_status(*, start: datetime, end: datetime, now: datetime) -> str:
    if now < start:
        return UPCOMING
    if now < end:
        return LIVE
    return ENDED


@dataclass
class SessionEntry:
    """A session as the programme shows it."""

    session: SessionPage
    url: str
    start: DisplayTime
    end: DisplayTime
    status: str
    people: list[SessionPerson] = field(default_factory=list)

    @property
    def start_utc(self) -> str:
        return self.session.start.astimezone(UTC).isoformat()

    @property
    def end_utc(self) -> str:
        return self.session.end.astimezone(UTC).isoformat()


@dataclass
class ProgrammeSlot:
    """Sessions that run at the same time; more than one means parallel sessions."""

    entries: list[SessionEntry]

    @property
    def is_parallel(self) -> bool:
        return len(self.entries) > 1


@dataclass
class ProgrammeDay:
    """One day of the programme, in the zone the page is shown in."""

    number: int
    heading: str
    iso_date: str
    slots: list[ProgrammeSlot]

    @property
    def entries(self) -> list[SessionEntry]:
        return [entry for slot in self.slots for entry in slot.entries]


@dataclass(frozen=True)
class EventNotice:
    """The forum-wide message of the moment ("Day 1 closed, come back tomorrow…")."""

    state: str
    message: str
    link_url: str = ""
    link_text: str = ""


def event_sessions(*, event: EventPage) -> list[SessionPage]:
    """The event's live sessions in time order, with their people and photos, in few queries."""
    photos = get_image_model().objects.prefetch_renditions(*PERSON_PHOTO_RENDITIONS)
    # A person never published (or taken offline) is left out until a moderator approves them.
    people = (
        SessionPerson.objects.filter(person__live=True)
        .select_related("person")
        .prefetch_related(Prefetch("person__photo", queryset=photos))
    )
    return list(
        SessionPage.objects.live()
        .child_of(event)
        .select_related("locale")
        .order_by("start", "end", "path")
        .prefetch_related(Prefetch("people", queryset=people))
    )


def build_programme(
    *, event: EventPage, sessions: list[SessionPage], language_code: str, now: datetime
) -> list[ProgrammeDay]:
    """Sessions grouped by day in the shown zone; overlapping sessions share a slot."""
    zone = display_zone(event=event, language_code=language_code)
    days: list[ProgrammeDay] = []
    slot_end: datetime | None = None
    for session in sessions:
        entry = SessionEntry(
            session=session,
            url=session.url,
            start=display_time(session.start, zone=zone, language_code=language_code),
            end=display_time(session.end, zone=zone, language_code=language_code),
            status=session_status(start=session.start, end=session.end, now=now),
            people=list(session.people.all()),
        )
        local_date = entry.start.local_date
        if not days or days[-1].iso_date != local_date.isoformat():
            days.append(
                ProgrammeDay(
                    number=len(days) + 1,
                    heading=format_day(local_date, language_code=language_code),
                    iso_date=local_date.isoformat(),
                    slots=[],
                )
            )
            slot_end = None
        day = days[-1]
        if slot_end is not None and session.start < slot_end:
            day.slots[-1].entries.append(entry)
            slot_end = max(slot_end, session.end)
        else:
            day.slots.append(ProgrammeSlot(entries=[entry]))
            slot_end = session.end
    return days


def event_notice(*, days: list[ProgrammeDay], now: datetime) -> EventNotice | None:
    """What the event is doing now, from the programme: nothing is edited by hand."""
    entries = [entry for day in days for entry in day.entries]
    if not entries:
        return None
    live = [entry for entry in entries if entry.status == LIVE]
    if live:
        entry = live[0]
        return EventNotice(
            state=LIVE,
            message=_("Live now: %(title)s.") % {"title": entry.session.title},
            link_url=entry.session.live_stream_url or entry.url,
            link_text=_("Watch live") if entry.session.live_stream_url else _("Go to the session"),
        )
    upcoming = [entry for entry in entries if entry.status == UPCOMING]
    ended = [entry for entry in entries if entry.status == ENDED]
    recordings = [entry for entry in ended if entry.session.recording_url]
    if not ended:
        first = entries[0]
        return EventNotice(
            state="before",
            message=_("The programme starts on %(day)s at %(time)s.")
            % {"day": first.start.day, "time": first.start.time},
        )
    if not upcoming:
        message = _("The event has ended.")
        if recordings:
            message += " " + _("Missed it? The recordings are linked in the programme.")
        else:
            message += " " + _("Recordings will follow here.")
        return EventNotice(state=ENDED, message=message)
    next_entry = upcoming[0]
    last_ended_day = next(day for day in days if ended[-1] in day.entries)
    if next_entry not in last_ended_day.entries:
        message = _(
            "Day %(number)s has closed. Come back on %(day)s at %(time)s for the next day."
        ) % {
            "number": last_ended_day.number,
            "day": next_entry.start.day,
            "time": next_entry.start.time,
        }
        day_recordings = [entry for entry in recordings if entry in last_ended_day.entries]
        if day_recordings:
            return EventNotice(
                state="day_closed",
                message=message + " " + _("Missed it?"),
                link_url=f"#day-{last_ended_day.number}",
                link_text=_("Watch the recordings"),
            )
        return EventNotice(
            state="day_closed", message=message + " " + _("Recordings will follow here.")
        )
    return EventNotice(
        state="break",
        message=_("Next: %(title)s at %(time)s.")
        % {"title": next_entry.session.title, "time": next_entry.start.time},
        link_url=next_entry.url,
        link_text=_("Go to the session"),
    )


def event_page_context(
    *, event: EventPage, request: HttpRequest, now: datetime | None = None
) -> dict:
    """Everything the event page shows, computed at request time."""
    now = now or timezone.now()
    language_code = event.locale.language_code
    sessions = event_sessions(event=event)
    days = build_programme(event=event, sessions=sessions, language_code=language_code, now=now)
    zone = display_zone(event=event, language_code=language_code)
    return {
        "programme": days,
        "notice": event_notice(days=days, now=now),
        "dates_text": event_dates_text(event=event, sessions=sessions, language_code=language_code),
        "shown_zone": zone_label(zone, sessions[0].start if sessions else now),
        "organisers": [b.value for b in event.organisers if b.value["role"] == "organiser"],
        "collaborators": [b.value for b in event.organisers if b.value["role"] == "collaborator"],
        "calendar_url": event.url + event.reverse_subpage("calendar"),
        "json_ld": event_json_ld(event=event, sessions=sessions, request=request),
    }


def session_page_context(
    *, session: SessionPage, request: HttpRequest, now: datetime | None = None
) -> dict:
    """The session, its people, status and its place in the programme (previous, next, parallel)."""
    now = now or timezone.now()
    event = session.get_parent().specific
    language_code = session.locale.language_code
    days = build_programme(
        event=event, sessions=event_sessions(event=event), language_code=language_code, now=now
    )
    slots = [slot for day in days for slot in day.slots]
    index = next(
        (
            i
            for i, slot in enumerate(slots)
            if any(e.session.pk == session.pk for e in slot.entries)
        ),
        None,
    )
    # A draft or unpublished session is not in the live programme, so it has no neighbours.
    current = previous_entry = next_entry = None
    parallel_entries: list[SessionEntry] = []
    if index is not None:
        slot = slots[index]
        current = next(e for e in slot.entries if e.session.pk == session.pk)
        parallel_entries = [e for e in slot.entries if e is not current]
        previous_entry = slots[index - 1].entries[-1] if index > 0 else None
        next_entry = slots[index + 1].entries[0] if index + 1 < len(slots) else None
    return {
        "event": event,
        "entry": current,
        "status": current.status
        if current
        else session_status(start=session.start, end=session.end, now=now),
        "previous_entry": previous_entry,
        "next_entry": next_entry,
        "parallel_entries": parallel_entries,
        "shown_zone": zone_label(
            display_zone(event=event, language_code=language_code), session.start
        ),
        "calendar_url": session.url + session.reverse_subpage("calendar"),
    }


def zone_label(zone, instant: datetime) -> str:
    """ "EST (America/New_York)": the abbreviation people know, and the unambiguous name."""
    abbreviation = timezone.localtime(instant, zone).tzname()
    return zone.key if abbreviation == zone.key else f"{abbreviation} ({zone.key})"


def event_dates_text(*, event: EventPage, sessions: list[SessionPage], language_code: str) -> str:
    """The event's days as the visitor reads them; from the programme when there is one."""
    if sessions:
        zone = display_zone(event=event, language_code=language_code)
        first = timezone.localtime(sessions[0].start, zone).date()
        last = timezone.localtime(max(s.end for s in sessions), zone).date()
    else:
        first, last = event.start_date, event.end_date
    return format_date_range(first, last, language_code=language_code)


def format_date_range(first, last, *, language_code: str) -> str:
    if first == last:
        return format_day(first, language_code=language_code)
    separator = "〜" if language_code == "ja" else " – "
    return (
        format_day(first, language_code=language_code)
        + separator
        + format_day(last, language_code=language_code)
    )


@dataclass
class EventCard:
    """An event in a list: where, when, and whether it is still to come."""

    event: EventPage
    url: str
    dates_text: str
    starts_at: datetime
    ends_at: datetime
    is_upcoming: bool

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


def _event_cards(events, *, language_code: str, now: datetime) -> list[EventCard]:
    """Cards with each event's real span from its sessions: one query for all events."""
    spans = {
        row["parent_path"]: (row["first"], row["last"])
        for row in SessionPage.objects.live()
        .filter(locale__language_code=language_code)
        .order_by()  # the default ordering would split the groups
        .annotate(parent_path=Substr("path", 1, Length("path") - SessionPage.steplen))
        .values("parent_path")
        .annotate(first=Min("start"), last=Max("end"))
    }
    cards = []
    for event in events:
        window_start, window_end = event_window(event)
        first, last = spans.get(event.path, (None, None))
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
            )
        )
    return cards


def _parse_year(raw: str | None) -> tuple[int | None, bool]:
    if raw in (None, ""):
        return None, False
    try:
        year = int(raw)
    except (TypeError, ValueError):
        return None, True
    if not 1900 <= year <= 2200:
        return None, True
    return year, False


def event_listing(
    *, index: EventIndexPage, page_number: str | None, year: str | None, now: datetime | None = None
) -> EventListing:
    """Upcoming events soonest first, then past events newest first, by year and paginated."""
    now = now or timezone.now()
    language_code = index.locale.language_code
    events = EventPage.objects.live().public().child_of(index).order_by("start_date")
    cards = _event_cards(events, language_code=language_code, now=now)
    upcoming = sorted((c for c in cards if c.is_upcoming), key=lambda c: c.starts_at)
    past = sorted((c for c in cards if not c.is_upcoming), key=lambda c: c.starts_at, reverse=True)
    years = sorted({card.year for card in past}, reverse=True)
    selected_year, invalid = _parse_year(year)
    if selected_year is not None:
        past = [card for card in past if card.year == selected_year]
    return EventListing(
        upcoming=upcoming,
        past=Paginator(past, PAST_EVENTS_PER_PAGE).get_page(page_number),
        years=years,
        selected_year=selected_year,
        year_was_invalid=invalid,
    )


def featured_event(*, locale: Locale, now: datetime | None = None) -> EventCard | None:
    """The next upcoming event in this language, or else the most recent past one."""
    now = now or timezone.now()
    events = EventPage.objects.live().public().filter(locale=locale)
    cards = _event_cards(events, language_code=locale.language_code, now=now)
    upcoming = [card for card in cards if card.is_upcoming]
    if upcoming:
        return min(upcoming, key=lambda card: card.starts_at)
    return max(cards, key=lambda card: card.starts_at, default=None)
