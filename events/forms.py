"""Admin forms: session times are typed in the event's own time zone, and checked against it."""

import functools
import zoneinfo

import django.forms
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.routable_page.models import RoutablePageMixin

from events.schedule_changes import ScheduleChange, move_sessions, plan_schedule_change
from events.timing import is_zone_name, session_timing_errors, zone_named

TIME_FIELDS = ("start", "end")
# Zone names the tz database keeps only for old systems; nobody should pick them today.
_LEGACY_ZONE_PREFIXES = ("Etc/", "SystemV/", "US/", "posix", "right/")


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    """Every current IANA zone, sorted, as "Asia/Tokyo"; UTC first."""
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(_LEGACY_ZONE_PREFIXES)
    )
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in names)]


def is_parent_route(parent, slug: str) -> bool:
    """Whether the parent page answers this address itself (its feed, its calendar file)."""
    if not isinstance(parent, RoutablePageMixin):
        return False
    try:
        view, _args, _kwargs = parent.resolve_subpage(f"/{slug}/")
    except Http404:
        return False
    return view.__name__ != "index_route"


class ParentRoutesPageForm(WagtailAdminPageForm):
    """Refuses a slug the parent page already answers: the page would never be reached."""

    def clean(self):
        cleaned = super().clean()
        slug = cleaned.get("slug")
        parent = self.parent_page.specific_deferred if self.parent_page else None
        if slug and is_parent_route(parent, slug):
            self.add_error(
                "slug",
                _(
                    "“%(slug)s” is the address of the calendar or feed of the page this one is "
                    "under. Choose another address."
                )
                % {"slug": slug},
            )
        return cleaned


class EventPageForm(ParentRoutesPageForm):
    """Zone chosen from a list; new days or a new zone never strand or silently shift sessions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.schedule_change = ScheduleChange()
        self.old_time_zone = self.instance.time_zone
        field = self.fields.get("time_zone")
        if field is not None:
            choices = time_zone_choices()
            if self.old_time_zone and self.old_time_zone not in dict(choices):
                # A stored zone missing from the list (an old alias) stays selectable as it is.
                choices = [(self.old_time_zone, self.old_time_zone), *choices]
            field.widget = django.forms.Select(choices=choices)
            field.help_text = _(
                "Session times are entered in it. Changing it keeps the sessions' local times "
                "(10:00 stays 10:00 in the new zone)."
            )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first day."))
            return cleaned
        zone = cleaned.get("time_zone")
        if not (start and end and is_zone_name(zone)) or self.instance.pk is None:
            # An unknown zone is refused by the model field's own validator.
            return cleaned
        unchanged = (start, end, zone) == (
            self.instance.start_date,
            self.instance.end_date,
            self.old_time_zone,
        )
        if unchanged:
            return cleaned
        change = plan_schedule_change(
            event=self.instance,
            old_time_zone=self.old_time_zone or zone,
            time_zone=zone,
            start_date=start,
            end_date=end,
        )
        if change.outside:
            sessions = ", ".join(
                f"“{times.session.title}” ({_local(times.new_start, zone)})"
                for times in change.outside
            )
            message = ngettext(
                "This session would fall outside the event's days: %(sessions)s. Move or delete "
                "it first, or keep days that include it.",
                "These sessions would fall outside the event's days: %(sessions)s. Move or "
                "delete them first, or keep days that include them.",
                len(change.outside),
            ) % {"sessions": sessions}
            first = change.outside[0].new_start
            too_early = timezone.localtime(first, zone_named(zone)).date() < start
            self.add_error("start_date" if too_early else "end_date", message)
        else:
            self.schedule_change = change
        return cleaned

    def save(self, commit=True):
        event = super().save(commit=commit)
        # The edit view saves the event's revision next; the sessions follow as their own
        # revisions, published now only if this editor publishes the event and may publish them.
        event.moved_sessions = move_sessions(
            change=self.schedule_change,
            user=self.for_user,
            publish="action-publish" in self.data,
        )
        return event


def _local(instant, zone: str) -> str:
    return f"{timezone.localtime(instant, zone_named(zone)):%Y-%m-%d %H:%M}"


class SessionPageForm(ParentRoutesPageForm):
    """Shows and reads start and end in the event's time zone, whatever the editor's own zone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = self._find_event()
        if self.event is None:
            return
        # An event saved with a zone the tz database no longer knows still opens its sessions.
        self.zone = zone_named(self.event.time_zone, fallback="UTC")
        for name in TIME_FIELDS:
            if name not in self.fields:
                continue
            self.fields[name].help_text = _("In the event's time zone: %(zone)s.") % {
                "zone": self.event.time_zone
            }
            value = getattr(self.instance, name, None)
            if value is not None and timezone.is_aware(value):
                self.initial[name] = timezone.localtime(value, self.zone).replace(tzinfo=None)

    def _find_event(self):
        # events.models imports this module (its pages' forms), so the model is imported on use.
        from events.models import EventPage

        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        parent = parent.specific if parent is not None else None
        return parent if isinstance(parent, EventPage) else None

    def clean(self):
        cleaned = super().clean()
        if self.event is None:
            return cleaned
        for name in TIME_FIELDS:
            value = cleaned.get(name)
            if value is not None:
                # Django read the typed time in the editor's zone; it was meant in the event's.
                typed = timezone.make_naive(value, timezone.get_current_timezone())
                cleaned[name] = typed.replace(tzinfo=self.zone)
        for field, message in session_timing_errors(
            start=cleaned.get("start"), end=cleaned.get("end"), event=self.event
        ).items():
            self.add_error(field, message)
        return cleaned
