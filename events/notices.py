"""The event notice: what the event is doing now, read from the programme."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from events.programme import ENDED, LIVE, UPCOMING, ProgrammeDay


@dataclass(frozen=True)
class EventNotice:
    """The forum-wide message of the moment ("Day 1 closed, come back tomorrow…")."""

    state: str
    message: str
    link_url: str = ""
    link_text: str = ""


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
