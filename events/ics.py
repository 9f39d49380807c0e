"""iCalendar files for an event's programme or one session, made with the icalendar library."""

from datetime import UTC, datetime

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags

import icalendar

from events.models import EventPage, SessionPage
from events.programme import session_urls

PRODUCT_ID = "-//Network site//Events//EN"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _session_event(
    *, session: SessionPage, event: EventPage, request: HttpRequest, stamp: datetime, path: str
):
    url = request.build_absolute_uri(path)
    entry = icalendar.Event()
    entry.add(
        "uid",
        f"session-{session.translation_key}-{session.locale.language_code}@{request.get_host()}",
    )
    entry.add("dtstamp", stamp)
    # UTC instants are unambiguous in every calendar application.
    entry.add("dtstart", session.start.astimezone(UTC))
    entry.add("dtend", session.end.astimezone(UTC))
    entry.add("summary", f"{session.title} – {event.title}")
    description = " ".join(strip_tags(session.description).split())
    watch = session.recording_url or session.live_stream_url
    entry.add("description", "\n\n".join(part for part in (description, watch, url) if part))
    entry.add("url", url)
    entry.add("location", session.live_stream_url or event.venue or event.streaming_platform or url)
    return entry


def event_calendar_file(
    *, event: EventPage, sessions: list[SessionPage], request: HttpRequest
) -> bytes:
    """One VEVENT per session of the event."""
    calendar = _calendar(event.title)
    stamp = timezone.now().astimezone(UTC)
    # Each address as the programme finds it: Wagtail's lookup once, not once per session.
    paths = session_urls(event=event, sessions=sessions, request=request)
    for session in sessions:
        calendar.add_component(
            _session_event(
                session=session, event=event, request=request, stamp=stamp, path=paths[session.pk]
            )
        )
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
