"""Time-zone rules for events: which zone a visitor reads, and how times and days are written."""

import functools
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

JAPANESE_WEEKDAYS = "月火水木金土日"


@dataclass(frozen=True)
class DisplayTime:
    """One instant as a visitor reads it: ISO value for <time datetime>, and the text shown."""

    iso: str
    time: str
    day: str
    local_date: date


def zone_named(name: str | None, *, fallback: str | None = None) -> zoneinfo.ZoneInfo:
    """The IANA time zone of that name; the `fallback` zone, if given, for an empty or unknown one."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        if fallback is None:
            raise
        return zoneinfo.ZoneInfo(fallback)


def is_zone_name(name: str | None) -> bool:
    """Whether the tz database knows a zone of that name."""
    try:
        zone_named(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return False
    return True


def display_zone(*, event, language_code: str) -> zoneinfo.ZoneInfo:
    """The zone a page shows: the event's own, or the language's (Japanese pages use Japan time)."""
    return zone_named(settings.EVENT_TIME_ZONE_BY_LANGUAGE.get(language_code) or event.time_zone)


# A programme writes the same few days for every session's start and end: each is written once.
@functools.lru_cache(maxsize=1024)
def format_day(value: date, *, language_code: str) -> str:
    """A day as the language writes it: "Tuesday 8 March 2022", "2022年3月9日(水)"."""
    if language_code == "ja":
        return f"{value.year}年{value.month}月{value.day}日({JAPANESE_WEEKDAYS[value.weekday()]})"
    with override(language_code):
        return date_format(value, "l j F Y")


def display_time(instant: datetime, *, zone: zoneinfo.ZoneInfo, language_code: str) -> DisplayTime:
    local = timezone.localtime(instant, zone)
    return DisplayTime(
        iso=local.isoformat(timespec="minutes"),
        time=f"{local:%H:%M} {local.tzname()}",
        day=format_day(local.date(), language_code=language_code),
        local_date=local.date(),
    )


def event_window(event) -> tuple[datetime, datetime]:
    """From the first day's midnight to the end of the last day, in the event's zone."""
    zone = zone_named(event.time_zone)
    start = datetime.combine(event.start_date, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(event.end_date + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    return start, end


def session_timing_errors(*, start: datetime | None, end: datetime | None, event) -> dict[str, str]:
    """Why a session's times cannot be saved under this event, per field (empty if they can)."""
    errors: dict[str, str] = {}
    if start is None or end is None:
        return errors
    if end <= start:
        errors["end"] = _("A session must end after it starts.")
        return errors
    if event.start_date is None or event.end_date is None:
        return errors
    window_start, window_end = event_window(event)
    if start < window_start or end > window_end:
        days = f"{event.start_date:%Y-%m-%d} – {event.end_date:%Y-%m-%d}"
        message = _("This session falls outside the event's dates (%(days)s, %(zone)s).") % {
            "days": days,
            "zone": event.time_zone,
        }
        errors["start" if start < window_start else "end"] = message
    return errors


def zone_label(zone, instant: datetime) -> str:
    """ "EST (America/New_York)": the abbreviation people know, and the unambiguous name."""
    abbreviation = timezone.localtime(instant, zone).tzname()
    return zone.key if abbreviation == zone.key else f"{abbreviation} ({zone.key})"


def event_dates_text(*, event, sessions: list, language_code: str) -> str:
    """The event's days as the visitor reads them; from the programme when there is one."""
    if sessions:
        zone = display_zone(event=event, language_code=language_code)
        first = timezone.localtime(sessions[0].start, zone).date()
        last = timezone.localtime(max(s.end for s in sessions), zone).date()
    else:
        first, last = event.start_date, event.end_date
    return format_date_range(first, last, language_code=language_code)


def format_date_range(first, last, *, language_code: str) -> str:
    if first == last:
        return format_day(first, language_code=language_code)
    separator = "〜" if language_code == "ja" else " – "
    return (
        format_day(first, language_code=language_code)
        + separator
        + format_day(last, language_code=language_code)
    )
