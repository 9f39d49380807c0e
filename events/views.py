"""Calendar downloads for events and sessions; the events feed and calendar of each language."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import ngettext, override

from events.atom import EventsFeed
from events.feeds import KEPT_AFTER_END, calendar_programmes
from events.ics import event_calendar_file, session_calendar_file, subscription_calendar_file
from events.programme import event_sessions, public_sessions


def _ics_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def event_calendar(request: HttpRequest, *, page) -> HttpResponse:
    """The programme as an iCalendar file, one entry per session anyone may open."""
    event = page
    sessions = public_sessions(sessions=event_sessions(event=event))
    content = event_calendar_file(event=event, sessions=sessions, request=request)
    return _ics_response(content, filename=slugify(event.slug) or "event")


def session_calendar(request: HttpRequest, *, page) -> HttpResponse:
    """This session as an iCalendar file."""
    session = page
    event = session.get_parent().specific
    content = session_calendar_file(session=session, event=event, request=request)
    return _ics_response(content, filename=slugify(session.slug) or "session")


def events_feed(request: HttpRequest, *, page) -> HttpResponse:
    """New and changed events of the index's language, for feed readers (Atom)."""
    return EventsFeed(index=page)(request)


def events_calendar(request: HttpRequest, *, page) -> HttpResponse:
    """The calendar to subscribe to: the sessions of the index's coming and recent events."""
    index = page
    feed = EventsFeed(index=index)
    with override(index.locale.language_code):
        name = feed.title(index)
        days = KEPT_AFTER_END.days
        description = ngettext(
            "The sessions of coming events, and of events that ended in the last day.",
            "The sessions of coming events, and of events that ended in the last %(days)d days.",
            days,
        ) % {"days": days}
        content = subscription_calendar_file(
            name=name,
            description=description,
            programmes=calendar_programmes(index=index, now=timezone.now()),
            request=request,
        )
    return _ics_response(content, filename=f"events-{index.locale.language_code}")
