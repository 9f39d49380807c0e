"""What the events index, event and session pages show, computed at request time."""

from datetime import datetime

from django.http import HttpRequest
from django.utils import timezone

from events.blocks import OrganisationRole
from events.feeds import events_index_of, feed_links
from events.listing import event_listing
from events.models import EventIndexPage, EventPage, SessionPage
from events.notices import event_notice
from events.programme import (
    ProgrammeDay,
    SessionEntry,
    build_programme,
    event_sessions,
    next_status_change,
    public_sessions,
    session_people,
    session_status,
    session_urls,
)
from events.structured_data import event_json_ld
from events.timing import display_zone, event_dates_text, zone_label
from home.page_cache import changes_at


def event_index_context(*, page: EventIndexPage, request: HttpRequest) -> dict:
    """The events list (upcoming, then past by year) and where to follow the events."""
    return {
        "listing": event_listing(
            index=page, raw_page=request.GET.get("page"), year=request.GET.get("year")
        ),
        "feeds": feed_links(index=page, request=request),
    }


def event_page_context(
    *, page: EventPage, request: HttpRequest, now: datetime | None = None
) -> dict:
    """Everything the event page shows, computed at request time."""
    event = page
    now = now or timezone.now()
    language_code = event.locale.language_code
    sessions, urls, days = _programme(
        event=event, language_code=language_code, request=request, now=now
    )
    zone = display_zone(event=event, language_code=language_code)
    index = events_index_of(event)
    return {
        "programme": days,
        "notice": event_notice(days=days, now=now),
        "dates_text": event_dates_text(event=event, sessions=sessions, language_code=language_code),
        "shown_zone": zone_label(zone, sessions[0].start if sessions else now),
        "organisers": [
            b.value for b in event.organisers if b.value["role"] == OrganisationRole.ORGANISER
        ],
        "collaborators": [
            b.value for b in event.organisers if b.value["role"] == OrganisationRole.COLLABORATOR
        ],
        "calendar_url": event.url + event.reverse_subpage("calendar"),
        "feeds": feed_links(index=index, request=request) if index else None,
        # The programme lists every live session; search engines only those anyone may open.
        "json_ld": event_json_ld(
            event=event, sessions=public_sessions(sessions=sessions), urls=urls, request=request
        ),
    }


def session_page_context(
    *, page: SessionPage, request: HttpRequest, now: datetime | None = None
) -> dict:
    """The session, its people, status and its place in the programme (previous, next, parallel)."""
    session = page
    now = now or timezone.now()
    event = session.event
    language_code = session.locale.language_code
    _, _, days = _programme(event=event, language_code=language_code, request=request, now=now)
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
        # Only a session in the live programme lists its people (with photos, the card does not).
        "people": session_people(session=session) if current else [],
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


def _programme(
    *, event: EventPage, language_code: str, request: HttpRequest, now: datetime
) -> tuple[list[SessionPage], dict[int, str], list[ProgrammeDay]]:
    """The event's live sessions, their addresses and its programme; cached no longer than it holds."""
    sessions = event_sessions(event=event)
    urls = session_urls(event=event, sessions=sessions, request=request)
    days = build_programme(
        event=event, sessions=sessions, language_code=language_code, now=now, urls=urls
    )
    _cache_until_status_changes(sessions=sessions, now=now)
    return sessions, urls, days


def _cache_until_status_changes(*, sessions, now: datetime) -> None:
    # "Live" and "ended" are written into the HTML: no cached copy may outlive them.
    moment = next_status_change(sessions=sessions, now=now)
    if moment is not None:
        changes_at(moment)
