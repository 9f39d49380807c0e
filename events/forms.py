"""Admin forms: session times are typed in the event's own time zone, and checked against it."""

import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from events.timing import session_timing_errors

TIME_FIELDS = ("start", "end")


class EventPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first day."))
        return cleaned


class SessionPageForm(WagtailAdminPageForm):
    """Shows and reads start and end in the event's time zone, whatever the editor's own zone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = self._find_event()
        if self.event is None:
            return
        zone = self._zone()
        for name in TIME_FIELDS:
            if name not in self.fields:
                continue
            self.fields[name].help_text = _("In the event's time zone: %(zone)s.") % {
                "zone": self.event.time_zone
            }
            value = getattr(self.instance, name, None)
            if value is not None and timezone.is_aware(value):
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def _find_event(self):
        from events.models import EventPage

        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        parent = parent.specific if parent is not None else None
        return parent if isinstance(parent, EventPage) else None

    def _zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.event.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    def clean(self):
        cleaned = super().clean()
        if self.event is None:
            return cleaned
        zone = self._zone()
        for name in TIME_FIELDS:
            value = cleaned.get(name)
            if value is not None:
                # Django read the typed time in the editor's zone; it was meant in the event's.
                typed = timezone.make_naive(value, timezone.get_current_timezone())
                cleaned[name] = typed.replace(tzinfo=zone)
        for field, message in session_timing_errors(
            start=cleaned.get("start"), end=cleaned.get("end"), event=self.event
        ).items():
            self.add_error(field, message)
        return cleaned
