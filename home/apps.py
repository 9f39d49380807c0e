from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from home.checks import check_search_index, check_shared_cache


class HomeConfig(AppConfig):
    """The home page, standard pages, the shared content blocks and the site chrome."""

    name = "home"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The handlers need the models, which exist only once the app registry is ready.
        from home.signal_handlers import register_signal_handlers

        register_signal_handlers()
        checks.register(check_shared_cache, checks.Tags.caches)
        # Reads the database, so only with `check --deploy`, never on makemigrations or runserver.
        checks.register(check_search_index, deploy=True)
