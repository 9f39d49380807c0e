"""What an event's sessions do when an editor changes the event's days or time zone.

The rule: sessions keep the local times editors typed (10:00 stays 10:00 in the new zone),
because a zone is changed to correct it far more often than to move an event across the world;
days may not shrink under an existing session. Moved sessions get new draft revisions, which
a moderator approves with the event (or which are published at once when a person allowed to
publish publishes the event).
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.utils import timezone

from events.timing import event_window, zone_named


@dataclass(frozen=True)
class SessionTimes:
    """One session's times before and after the change (UTC instants)."""

    session: object
    start: datetime
    end: datetime
    new_start: datetime
    new_end: datetime

    @property
    def moves(self) -> bool:
        return (self.start, self.end) != (self.new_start, self.new_end)


@dataclass
class ScheduleChange:
    """The consequences of new days or a new zone for an event's existing sessions."""

    sessions: list[SessionTimes] = field(default_factory=list)
    outside: list[SessionTimes] = field(default_factory=list)

    @property
    def moved(self) -> list[SessionTimes]:
        return [times for times in self.sessions if times.moves]


@dataclass(frozen=True)
class _Days:
    start_date: date
    end_date: date
    time_zone: str


def keep_local_time(instant: datetime, *, old_zone: str, new_zone: str) -> datetime:
    """The instant whose reading in `new_zone` is the reading `instant` had in `old_zone`."""
    local = timezone.localtime(instant, zone_named(old_zone)).replace(tzinfo=None)
    return local.replace(tzinfo=zone_named(new_zone)).astimezone(UTC)


def current_sessions(*, event) -> list:
    """The event's sessions as editors last saved them (latest draft, else the live version)."""
    # events.models imports this module (through events.forms), so the model is imported on use.
    from events.models import SessionPage

    sessions = SessionPage.objects.child_of(event).order_by("start", "path")
    return [
        session.get_latest_revision_as_object() if session.has_unpublished_changes else session
        for session in sessions
    ]


def plan_schedule_change(
    *,
    event,
    old_time_zone: str,
    time_zone: str,
    start_date: date,
    end_date: date,
) -> ScheduleChange:
    """Where each existing session goes under the new zone and days, and which no longer fit."""
    change = ScheduleChange()
    if event.pk is None:
        return change
    window_start, window_end = event_window(
        _Days(start_date=start_date, end_date=end_date, time_zone=time_zone)
    )
    for session in current_sessions(event=event):
        if session.start is None or session.end is None:
            continue
        new_start, new_end = session.start, session.end
        if time_zone != old_time_zone:
            new_start = keep_local_time(session.start, old_zone=old_time_zone, new_zone=time_zone)
            new_end = keep_local_time(session.end, old_zone=old_time_zone, new_zone=time_zone)
        times = SessionTimes(
            session=session,
            start=session.start,
            end=session.end,
            new_start=new_start,
            new_end=new_end,
        )
        change.sessions.append(times)
        if new_start < window_start or new_end > window_end:
            change.outside.append(times)
    return change


def move_sessions(*, change: ScheduleChange, user, publish: bool) -> int:
    """Save each moved session's new times as a new revision; publish it only if asked and allowed.

    Returns how many sessions moved.
    """
    moved = 0
    for times in change.moved:
        session = times.session
        session.start, session.end = times.new_start, times.new_end
        revision = session.save_revision(user=user, log_action=True)
        if publish and user is not None and session.permissions_for_user(user).can_publish():
            revision.publish(user=user)
        moved += 1
    return moved
