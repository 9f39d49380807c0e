"""iCalendar files for an event's programme, one session, or a language's subscribed calendar.

Made with the icalendar library. Each session keeps one UID whatever the language or the host
name it was fetched from, so a calendar that has it from /en/ and /ja/, or from two addresses of
the site, shows it once; its SEQUENCE and LAST-MODIFIED move on with every publishing, so a
calendar replaces the old times with the new ones.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.signals import post_page_move

import icalendar

from events.models import EventPage, SessionPage
from events.programme import session_urls

PRODUCT_ID = "-//Network site//Events//EN"
# SEQUENCE counts seconds from here to the entry's last publishing (see `sequence_number`).
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
# How often a subscribed calendar should fetch the calendar again (a moved session reaches it
# within this); applications that read neither property keep their own schedule.
REFRESH_INTERVAL = timedelta(hours=1)


def session_uid(session: SessionPage) -> str:
    """The session's UID: the same in every language and from every host name."""
    return f"session-{session.translation_key}@{settings.CALENDAR_UID_DOMAIN}"


def event_uid(event: EventPage) -> str:
    """The UID of an event that has no published programme yet (one entry for its days)."""
    return f"event-{event.translation_key}@{settings.CALENDAR_UID_DOMAIN}"


def last_published(*pages) -> datetime | None:
    """When what an entry shows (a session's times, its event's title and venue) last changed."""
    return max((page.last_published_at for page in pages if page.last_published_at), default=None)


def sequence_number(changed: datetime | None) -> int:
    """The entry's revision number: seconds from SEQUENCE_EPOCH to its last publishing.

    Every publishing (admin, scheduled, a translation synced, sessions moved with their event)
    sets a later `last_published_at`, so the number only grows, and grows with each change; a
    count of revisions could shrink (purge_revisions deletes old ones). It stays within
    iCalendar's 32-bit INTEGER until 2088.
    """
    if changed is None:
        return 0
    return max(int((changed - SEQUENCE_EPOCH).total_seconds()), 0)


def stamp_moved_session(*, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    """A session moved to another event: its calendar entry counts as changed (post_page_move)."""
    # Its SUMMARY, URL and LOCATION now come from the new event, but a move publishes nothing:
    # SEQUENCE, the latest of the session's and its event's publishing, could fall to an older
    # number, and calendars keep an entry whose SEQUENCE does not grow (RFC 5545 3.8.7.4).
    # Stamping the move as the session's last publishing keeps one rule, costs one UPDATE per
    # move rather than a PageLogEntry look-up per session per calendar, and also moves the new
    # event's "updated" in the feed, whose programme did change. A reorder within the same
    # event changes nothing a calendar shows.
    if parent_page_before.pk == parent_page_after.pk:
        return
    SessionPage.objects.filter(pk=instance.pk).update(last_published_at=timezone.now())


def connect_calendar_versions() -> None:
    """Keep SEQUENCE growing when a session moves (called once the app registry is ready)."""
    post_page_move.connect(
        stamp_moved_session, sender=SessionPage, dispatch_uid="events-stamp-moved-session"
    )


def _calendar(name: str, *, description: str = "", refresh: bool = False) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    if refresh:
        # RFC 7986's property and the older one Apple and Outlook read.
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    return calendar


def _versioned(entry: icalendar.Event, *pages, stamp: datetime) -> icalendar.Event:
    changed = last_published(*pages)
    entry.add("dtstamp", stamp)
    entry.add("sequence", sequence_number(changed))
    if changed is not None:
        entry.add("last-modified", changed.astimezone(UTC))
    return entry


def _session_event(
    *, session: SessionPage, event: EventPage, request: HttpRequest, stamp: datetime, path: str
) -> icalendar.Event:
    url = request.build_absolute_uri(path)
    entry = icalendar.Event()
    entry.add("uid", session_uid(session))
    # UTC instants are unambiguous in every calendar application.
    entry.add("dtstart", session.start.astimezone(UTC))
    entry.add("dtend", session.end.astimezone(UTC))
    entry.add("summary", f"{session.title} – {event.title}")
    description = " ".join(strip_tags(session.description).split())
    watch = session.recording_url or session.live_stream_url
    entry.add("description", "\n\n".join(part for part in (description, watch, url) if part))
    entry.add("url", url)
    entry.add("location", session.live_stream_url or event.venue or event.streaming_platform or url)
    return _versioned(entry, session, event, stamp=stamp)


def _event_days(*, event: EventPage, request: HttpRequest, stamp: datetime) -> icalendar.Event:
    # Announced before its programme: its days, so subscribers can keep them free.
    url = request.build_absolute_uri(event.get_url(request))
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstart", event.start_date)
    entry.add("dtend", event.end_date + timedelta(days=1))
    entry.add("summary", event.title)
    entry.add("description", "\n\n".join(part for part in (event.summary, url) if part))
    entry.add("url", url)
    entry.add("location", event.venue or event.streaming_platform or url)
    return _versioned(entry, event, stamp=stamp)


def _programme_entries(
    *, event: EventPage, sessions: list[SessionPage], request: HttpRequest, stamp: datetime
) -> list[icalendar.Event]:
    """One entry per session; the event's days while it has no published session."""
    if not sessions:
        return [_event_days(event=event, request=request, stamp=stamp)]
    # Each address as the programme finds it: Wagtail's lookup once, not once per session.
    paths = session_urls(event=event, sessions=sessions, request=request)
    return [
        _session_event(
            session=session, event=event, request=request, stamp=stamp, path=paths[session.pk]
        )
        for session in sessions
    ]


def event_calendar_file(
    *, event: EventPage, sessions: list[SessionPage], request: HttpRequest
) -> bytes:
    """One VEVENT per session of the event."""
    calendar = _calendar(event.title)
    stamp = timezone.now().astimezone(UTC)
    for entry in _programme_entries(event=event, sessions=sessions, request=request, stamp=stamp):
        calendar.add_component(entry)
    return calendar.to_ical()


def session_calendar_file(*, session: SessionPage, event: EventPage, request: HttpRequest) -> bytes:
    calendar = _calendar(session.title)
    stamp = timezone.now().astimezone(UTC)
    calendar.add_component(
        _session_event(
            session=session,
            event=event,
            request=request,
            stamp=stamp,
            path=session.get_url(request),
        )
    )
    return calendar.to_ical()


def subscription_calendar_file(
    *,
    name: str,
    description: str,
    programmes: list[tuple[EventPage, list[SessionPage]]],
    request: HttpRequest,
) -> bytes:
    """A language's calendar to subscribe to: every session of the events it carries."""
    calendar = _calendar(name, description=description, refresh=True)
    stamp = timezone.now().astimezone(UTC)
    for event, sessions in programmes:
        for entry in _programme_entries(
            event=event, sessions=sessions, request=request, stamp=stamp
        ):
            calendar.add_component(entry)
    return calendar.to_ical()
