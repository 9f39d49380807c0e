from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    """Membership: the offer, fees, testimonials, contacts and the application form."""

    name = "membership"
    verbose_name = _("Membership")
    default_auto_field = "django.db.models.BigAutoField"
