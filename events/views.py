"""Calendar downloads for events and sessions."""

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify

from events.ics import event_calendar_file, session_calendar_file
from events.programme import event_sessions


def _ics_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def event_calendar(request: HttpRequest, *, page) -> HttpResponse:
    """The whole programme as an iCalendar file, one entry per session."""
    event = page
    sessions = event_sessions(event=event)
    content = event_calendar_file(event=event, sessions=sessions, request=request)
    return _ics_response(content, filename=slugify(event.slug) or "event")


def session_calendar(request: HttpRequest, *, page) -> HttpResponse:
    """This session as an iCalendar file."""
    session = page
    event = session.get_parent().specific
    content = session_calendar_file(session=session, event=event, request=request)
    return _ics_response(content, filename=slugify(session.slug) or "session")
