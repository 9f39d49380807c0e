from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, their programme of sessions, and the people who speak at them."""

    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_localize.fields import SynchronizedField, get_translatable_fields

        from events.models import EventPage

        # The time zone is a name like "Asia/Tokyo", not text to translate: keep it in step.
        fields = [f for f in get_translatable_fields(EventPage) if f.field_name != "time_zone"]
        EventPage.translatable_fields = [*fields, SynchronizedField("time_zone")]
