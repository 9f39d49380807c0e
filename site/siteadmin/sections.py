"""What each installed app adds to the site as a whole, found from its AppConfig.

A section app names its team (`team`, a dotted path to a `home.roles.AppTeam`) and the
builder of its demo part (`demo_section`, a dotted path to `fn(*, home, locale) -> DemoSection`);
siteadmin reads them here, so a new app plugs in without editing siteadmin or home.
"""

from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string

from home.demo.sections import DemoSection
from home.roles import AppTeam


def _declared(attribute: str) -> list:
    return [
        import_string(getattr(config, attribute))
        for config in apps.get_app_configs()
        if getattr(config, attribute, None)
    ]


def app_teams() -> list[AppTeam]:
    """The teams the installed apps add beside the editorial roles, in INSTALLED_APPS order."""
    return _declared("team")


def demo_section_builders() -> list[Callable[..., DemoSection]]:
    """The builders of each section's part of the demo site, in INSTALLED_APPS order."""
    return _declared("demo_section")


def demo_catalogues() -> dict[str, list[Path]]:
    """Per translated language, each app's catalogue of its demo content (`<app>/demo/ja.po`)."""
    folders = [Path(config.path) / "demo" for config in apps.get_app_configs()]
    return {
        language_code: [
            folder / f"{language_code}.po"
            for folder in folders
            if (folder / f"{language_code}.po").exists()
        ]
        for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if language_code != settings.LANGUAGE_CODE
    }
