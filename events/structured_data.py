"""schema.org Event data for search engines: where to watch, who speaks, sessions as sub-events."""

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags

from events.blocks import OrganisationRole
from events.models import EventPage, SessionPage, SessionPerson
from home.sharing_image import sharing_image
from home.structured_data import json_for_script

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
# The model has no cancelled or postponed state: a published event takes place as announced.
SCHEDULED = "https://schema.org/EventScheduled"


def _local(instant, event: EventPage) -> str:
    """ISO 8601 with the offset of the event's own zone, as organisers announce it."""
    return timezone.localtime(instant, event.zone).isoformat()


def _location(event: EventPage, watch_urls: list[str]) -> list[dict]:
    """Where to attend: each address to watch at when online, the venue when in person."""
    locations = []
    if event.format in (EventPage.Format.ONLINE, EventPage.Format.HYBRID):
        locations += [{"@type": "VirtualLocation", "url": url} for url in watch_urls]
    if event.format in (EventPage.Format.IN_PERSON, EventPage.Format.HYBRID) and event.venue:
        locations.append({"@type": "Place", "name": event.venue})
    return locations


def _event_watch_urls(sessions: list[SessionPage], page_url: str) -> list[str]:
    """The sessions' live streams, each once in programme order; else the event page, which
    links to them as they are announced."""
    streams = list(dict.fromkeys(s.live_stream_url for s in sessions if s.live_stream_url))
    return streams or [page_url]


def _speaking_people(session: SessionPage) -> list:
    """The people who speak in the session (not its rapporteurs), in the programme's order."""
    return [part.person for part in session.programme_people if part.role in PERFORMING_ROLES]


def _people(people) -> list[dict]:
    return [{"@type": "Person", "name": person.name} for person in people]


def _session(session: SessionPage, event: EventPage, url: str, speakers: list) -> dict:
    data = {
        "@type": "Event",
        "name": session.title,
        "startDate": _local(session.start, event),
        "endDate": _local(session.end, event),
        "url": url,
        "eventAttendanceMode": ATTENDANCE[event.format],
        "eventStatus": SCHEDULED,
        "location": _location(event, [session.live_stream_url or url]),
        "inLanguage": session.locale.language_code,
    }
    description = " ".join(strip_tags(session.description).split())
    if description:
        data["description"] = description
    if speakers:
        data["performer"] = _people(speakers)
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
    # Read once per session: each read of a prefetched relation builds a queryset.
    speakers = {session.pk: _speaking_people(session) for session in sessions}
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
        "eventStatus": SCHEDULED,
        "location": _location(event, _event_watch_urls(sessions, url)),
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
            _session(
                session,
                event,
                request.build_absolute_uri(urls[session.pk]),
                speakers[session.pk],
            )
            for session in sessions
        ],
    }
    image = sharing_image(page=event, request=request)
    if image is not None:
        data["image"] = [image.url]
    # Everyone who speaks at the event, once each, in order of first appearance.
    everyone = {person.pk: person for people in speakers.values() for person in people}
    if everyone:
        data["performer"] = _people(everyone.values())
    return json_for_script(data)
