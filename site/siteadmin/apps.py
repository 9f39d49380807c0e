from django.apps import AppConfig


class SiteAdminConfig(AppConfig):
    """What spans every app: roles, the demo site and accounts, the translation status report."""

    name = "siteadmin"
    default_auto_field = "django.db.models.BigAutoField"
