"""schema.org Event data for search engines: online attendance, sessions as sub-events."""

import json

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags

from events.blocks import OrganisationRole
from events.models import EventPage, SessionPage, SessionPerson

ONLINE = "https://schema.org/OnlineEventAttendanceMode"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"
ATTENDANCE = {
    EventPage.Format.ONLINE: ONLINE,
    EventPage.Format.IN_PERSON: OFFLINE,
    EventPage.Format.HYBRID: MIXED,
}
PERFORMING_ROLES = (
    SessionPerson.Role.SPEAKER,
    SessionPerson.Role.REMARKS,
    SessionPerson.Role.PANELLIST,
    SessionPerson.Role.MODERATOR,
)


def _local(instant, event: EventPage) -> str:
    """ISO 8601 with the offset of the event's own zone, as organisers announce it."""
    return timezone.localtime(instant, event.zone).isoformat()


def _location(event: EventPage, url: str) -> list[dict]:
    locations = []
    if event.format in (EventPage.Format.ONLINE, EventPage.Format.HYBRID):
        locations.append({"@type": "VirtualLocation", "url": url})
    if event.format in (EventPage.Format.IN_PERSON, EventPage.Format.HYBRID) and event.venue:
        locations.append({"@type": "Place", "name": event.venue})
    return locations


def _session(session: SessionPage, event: EventPage, url: str) -> dict:
    data = {
        "@type": "Event",
        "name": session.title,
        "startDate": _local(session.start, event),
        "endDate": _local(session.end, event),
        "url": url,
        "eventAttendanceMode": ATTENDANCE[event.format],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": _location(event, session.live_stream_url or url),
        "inLanguage": session.locale.language_code,
    }
    description = " ".join(strip_tags(session.description).split())
    if description:
        data["description"] = description
    performers = [
        {"@type": "Person", "name": part.person.name}
        for part in session.programme_people
        if part.role in PERFORMING_ROLES
    ]
    if performers:
        data["performer"] = performers
    if session.recording_url:
        data["recordedIn"] = {
            "@type": "VideoObject",
            "name": session.title,
            "description": description or session.title,
            "embedUrl": session.recording_url,
            "uploadDate": session.end.date().isoformat(),
        }
    return data


def event_json_ld(
    *,
    event: EventPage,
    sessions: list[SessionPage],
    urls: dict[int, str],
    request: HttpRequest,
) -> str:
    """The event as JSON-LD, safe to place inside a <script> element (`urls`: each session's)."""
    url = request.build_absolute_uri(event.url)
    start = _local(sessions[0].start, event) if sessions else event.start_date.isoformat()
    end = _local(max(s.end for s in sessions), event) if sessions else event.end_date.isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": start,
        "endDate": end,
        "url": url,
        "eventAttendanceMode": ATTENDANCE[event.format],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": _location(event, url),
        "inLanguage": event.locale.language_code,
        "organizer": [
            {
                "@type": "Organization",
                "name": b.value["name"],
                **({"url": b.value["url"]} if b.value["url"] else {}),
            }
            for b in event.organisers
            if b.value["role"] == OrganisationRole.ORGANISER
        ],
        "subEvent": [
            _session(session, event, request.build_absolute_uri(urls[session.pk]))
            for session in sessions
        ],
    }
    # "</script>" inside a string must not end the element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
