from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    """Membership: the offer, fees, testimonials, contacts and the application form."""

    name = "membership"
    verbose_name = _("Membership")
    default_auto_field = "django.db.models.BigAutoField"
    # Found by siteadmin in every installed app: the team this app adds beside the editorial
    # roles (setup_roles, demo accounts) and the builder of its part of the demo site.
    team = "membership.roles.TEAM"
    demo_section = "membership.demo.content.build_demo_section"
