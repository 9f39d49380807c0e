"""The event notice: what the event is doing now, read from the programme.

This module decides which notice applies and the values it names; the words are whole
sentences in templates/events/components/event_notice.html, so each language can word a
notice as a whole.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import models

from events.programme import ENDED, LIVE, UPCOMING, ProgrammeDay


class NoticeKind(models.TextChoices):
    """Which notice the event page shows; each kind is one sentence in the notice template."""

    BEFORE = "before"
    LIVE_STREAM = "live_stream"
    LIVE = "live"
    BREAK = "break"
    DAY_CLOSED = "day_closed"
    DAY_CLOSED_WITH_RECORDINGS = "day_closed_with_recordings"
    ENDED = "ended"
    ENDED_WITH_RECORDINGS = "ended_with_recordings"


# The notice's colour (the notice--<state> class) follows what the event is doing, not the wording.
STATE_BY_KIND = {
    NoticeKind.BEFORE: "before",
    NoticeKind.LIVE_STREAM: LIVE,
    NoticeKind.LIVE: LIVE,
    NoticeKind.BREAK: "break",
    NoticeKind.DAY_CLOSED: "day_closed",
    NoticeKind.DAY_CLOSED_WITH_RECORDINGS: "day_closed",
    NoticeKind.ENDED: ENDED,
    NoticeKind.ENDED_WITH_RECORDINGS: ENDED,
}


@dataclass(frozen=True)
class EventNotice:
    """The forum-wide message of the moment ("Day 1 has closed, come back on…")."""

    kind: NoticeKind
    title: str = ""
    day: str = ""
    time: str = ""
    day_number: int = 0
    link_url: str = ""

    @property
    def state(self) -> str:
        return STATE_BY_KIND[self.kind]


def event_notice(*, days: list[ProgrammeDay], now: datetime) -> EventNotice | None:
    """What the event is doing now, from the programme: nothing is edited by hand."""
    entries = [entry for day in days for entry in day.entries]
    if not entries:
        return None
    live = [entry for entry in entries if entry.status == LIVE]
    if live:
        session = live[0].session
        return EventNotice(
            kind=NoticeKind.LIVE_STREAM if session.live_stream_url else NoticeKind.LIVE,
            title=session.title,
            link_url=session.live_stream_url or live[0].url,
        )
    upcoming = [entry for entry in entries if entry.status == UPCOMING]
    ended = [entry for entry in entries if entry.status == ENDED]
    recordings = [entry for entry in ended if entry.session.recording_url]
    if not ended:
        first = entries[0]
        return EventNotice(kind=NoticeKind.BEFORE, day=first.start.day, time=first.start.time)
    if not upcoming:
        return EventNotice(
            kind=NoticeKind.ENDED_WITH_RECORDINGS if recordings else NoticeKind.ENDED
        )
    next_entry = upcoming[0]
    last_ended_day = next(day for day in days if ended[-1] in day.entries)
    if next_entry not in last_ended_day.entries:
        day_recordings = any(entry in last_ended_day.entries for entry in recordings)
        return EventNotice(
            kind=NoticeKind.DAY_CLOSED_WITH_RECORDINGS if day_recordings else NoticeKind.DAY_CLOSED,
            day_number=last_ended_day.number,
            day=next_entry.start.day,
            time=next_entry.start.time,
            link_url=f"#day-{last_ended_day.number}" if day_recordings else "",
        )
    return EventNotice(
        kind=NoticeKind.BREAK,
        title=next_entry.session.title,
        time=next_entry.start.time,
        link_url=next_entry.url,
    )
