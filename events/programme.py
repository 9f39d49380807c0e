"""The programme: each session's status, and the sessions grouped by day in the shown zone."""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote

from django.db.models import Choices, Prefetch
from django.http import HttpRequest
from django.utils.http import RFC3986_SUBDELIMS

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from events.models import EventPage, Person, SessionPage, SessionPerson
from events.timing import DisplayTime, display_time, display_zone, format_day

PERSON_PHOTO_RENDITIONS = ("fill-96x96|format-webp", "fill-192x192|format-webp")

UPCOMING, LIVE, ENDED = "upcoming", "live", "ended"

# What the programme, the JSON-LD and the calendar read of a session (and what Wagtail reads
# to build its address; the calendar's SEQUENCE and LAST-MODIFIED read when it was last
# published). Page's other columns (revision dates, SEO fields…) were a third of loading a
# hundred sessions; reading one of them later would cost a query per session, which
# tests/events/test_query_count.py would catch.
SESSION_FIELDS = (
    *("title", "slug", "url_path", "path", "depth", "translation_key", "locale", "live"),
    "last_published_at",
    *("start", "end", "kind", "description", "live_stream_url", "recording_url"),
)

# One slug and a slash, as Wagtail's serve URL pattern ((?:[\w\-]+/)*) accepts it.
_CHILD_PATH = re.compile(r"[\w\-]+/")


def session_status(*, start: datetime, end: datetime, now: datetime) -> str:
    if now < start:
        return UPCOMING
    if now < end:
        return LIVE
    return ENDED


def next_status_change(*, sessions: list[SessionPage], now: datetime) -> datetime | None:
    """When the next session starts or ends: the programme's statuses hold until then."""
    moments = [moment for s in sessions for moment in (s.start, s.end) if moment > now]
    return min(moments, default=None)


@dataclass(frozen=True)
class PersonSummary:
    """What the programme shows of a person: name and title (`pk`: the same person once)."""

    pk: int
    name: str
    role: str


@dataclass(frozen=True)
class ProgrammePart:
    """A person's part in a session as the programme, the JSON-LD and the calendar read it."""

    role: str
    person: PersonSummary


@dataclass(frozen=True)
class Participation:
    """A person's part in a session, the role named in the page's language."""

    person: Person | PersonSummary
    role_label: str


@dataclass
class SessionEntry:
    """A session as the programme shows it."""

    session: SessionPage
    url: str
    kind_label: str
    start: DisplayTime
    end: DisplayTime
    status: str
    people: list[Participation] = field(default_factory=list)

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


def event_sessions(*, event: EventPage) -> list[SessionPage]:
    """The event's live sessions in time order, each with its `programme_people`, in two queries."""
    sessions = list(
        SessionPage.objects.live()
        .child_of(event)
        .only(*SESSION_FIELDS)
        .order_by("start", "end", "path")
    )
    # A session is in its event's language: one Locale object for all of them.
    for session in sessions:
        session.locale = event.locale
    # Names and parts as plain values, grouped here: model objects for 300 people, prefetched
    # through the sessions' cluster managers, were a third of rendering a hundred sessions.
    rows = (
        SessionPerson.objects.filter(session__in=sessions)
        # A person never published (or taken offline) is left out until a moderator approves them.
        .filter(person__live=True)
        .order_by("session_id", "sort_order", "pk")
        .values_list("session_id", "role", "person_id", "person__name", "person__role")
    )
    by_session: dict[int, list[ProgrammePart]] = {}
    for session_id, role, person_id, name, title in rows:
        part = ProgrammePart(role=role, person=PersonSummary(pk=person_id, name=name, role=title))
        by_session.setdefault(session_id, []).append(part)
    for session in sessions:
        session.programme_people = by_session.get(session.pk, [])
    return sessions


def public_sessions(*, sessions: list[SessionPage]) -> list[SessionPage]:
    """The sessions anyone may open: what search engines and calendar files may be told of."""
    # A password or login on a session keeps its stream, title and description to those it
    # lets in. A restriction on the event or above guards the event page and its calendar
    # themselves, so only the sessions' own rows matter: one query for all, ids only.
    if not sessions:
        return []
    restricted = set(
        PageViewRestriction.objects.filter(page_id__in=[s.pk for s in sessions]).values_list(
            "page_id", flat=True
        )
    )
    return [session for session in sessions if session.pk not in restricted]


def session_people(*, session: SessionPage) -> list[Participation]:
    """The people of one session with their photos, as the session page shows them."""
    photos = get_image_model().objects.prefetch_renditions(*PERSON_PHOTO_RENDITIONS)
    parts = (
        SessionPerson.objects.filter(session=session, person__live=True)
        .select_related("person")
        .prefetch_related(Prefetch("person__photo", queryset=photos))
        .order_by("sort_order", "pk")
    )
    roles = _labels(SessionPerson.Role)
    return [
        Participation(person=part.person, role_label=roles.get(part.role, part.role))
        for part in parts
    ]


def _labels(choices: type[Choices]) -> dict[str, str]:
    # Named once per page: get_FOO_display() hashes every lazy label on each call, which
    # for a hundred sessions and their people cost a fifth of the render.
    return {value: str(label) for value, label in choices.choices}


def session_urls(
    *, event: EventPage, sessions: list[SessionPage], request: HttpRequest | None = None
) -> dict[int, str]:
    """Each session's address, looked up once for the page (programme and JSON-LD both use it)."""
    # A session is a child of its event, so its address is the event's followed by its slug,
    # quoted as Django's reverse() quotes it: Wagtail's lookup (site root paths, language,
    # reverse) runs once per page rather than once per session. With the request, the
    # site's root paths come from the request, not from the shared cache.
    event_url = event.get_url(request)
    urls = {}
    for session in sessions:
        rest = session.url_path.removeprefix(event.url_path)
        if event_url and event_url.endswith("/") and _CHILD_PATH.fullmatch(rest):
            urls[session.pk] = event_url + quote(rest, safe=RFC3986_SUBDELIMS + "/~:@")
        else:
            urls[session.pk] = session.get_url(request)
    return urls


def build_programme(
    *,
    event: EventPage,
    sessions: list[SessionPage],
    language_code: str,
    now: datetime,
    urls: dict[int, str] | None = None,
) -> list[ProgrammeDay]:
    """Sessions grouped by day in the shown zone; overlapping sessions share a slot."""
    zone = display_zone(event=event, language_code=language_code)
    urls = urls if urls is not None else session_urls(event=event, sessions=sessions)
    kinds, roles = _labels(SessionPage.Kind), _labels(SessionPerson.Role)
    days: list[ProgrammeDay] = []
    slot_end: datetime | None = None
    for session in sessions:
        entry = SessionEntry(
            session=session,
            url=urls[session.pk],
            kind_label=kinds.get(session.kind, session.kind),
            start=display_time(session.start, zone=zone, language_code=language_code),
            end=display_time(session.end, zone=zone, language_code=language_code),
            status=session_status(start=session.start, end=session.end, now=now),
            people=[
                Participation(person=part.person, role_label=roles.get(part.role, part.role))
                for part in session.programme_people
            ],
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
