from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    """Membership: the offer, fees, testimonials, contacts and the application form."""

    name = "membership"
    verbose_name = _("Membership")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_localize.fields import SynchronizedField, TranslatableField

        from membership.models import ApplicationFormField

        # Labels and help are read by applicants; the field's key and type must stay the same
        # in every language so that all applications share one set of columns.
        ApplicationFormField.translatable_fields = [
            TranslatableField("label"),
            TranslatableField("help_text"),
            TranslatableField("choices"),
            TranslatableField("default_value"),
            SynchronizedField("clean_name"),
            SynchronizedField("field_type"),
            SynchronizedField("required"),
        ]
