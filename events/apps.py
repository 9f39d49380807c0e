from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, their programme of sessions, and the people who speak at them."""

    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"
    # Found by siteadmin in every installed app: the builder of this app's part of the demo site.
    demo_section = "events.demo.forum.build_demo_section"

    def ready(self):
        # The receiver needs the models, which exist only once the app registry is ready.
        from events.ics import connect_calendar_versions

        connect_calendar_versions()
