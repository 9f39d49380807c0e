"""Builds the demo site: English content from the seed, then Japanese through wagtail-localize.

Safe to rerun: what exists is kept as it is (editors' changes included), only what is missing
is created. Each app builds its own part (home/demo/, events/demo/, membership/demo/); this
puts them together, links them in the menu and footer, and translates them.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale

from events.demo import forum
from home.demo import home_content
from home.demo.translation import Catalogue, TranslationReport, translate_objects
from membership.demo import content as membership_content
from siteadmin.roles import ensure_roles

BASE_DIR = Path(settings.BASE_DIR)
CATALOGUES = {
    "ja": [
        BASE_DIR / "home" / "demo" / "ja.po",
        BASE_DIR / "events" / "demo" / "ja.po",
        BASE_DIR / "membership" / "demo" / "ja.po",
    ]
}


@dataclass
class DemoReport:
    """What a load did: counts for the command's summary and for tests."""

    translations: dict[str, TranslationReport] = field(default_factory=dict)


@transaction.atomic
def load_demo_content() -> DemoReport:
    """Create the demo site in English and its translations, keeping whatever already exists."""
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home, pages = home_content.build_english_home(locale=english)
    about = pages[1]
    people, event_pages = forum.build_events(home=home, locale=english)
    membership_snippets, membership_pages = membership_content.build_membership(
        home=home, locale=english
    )
    chrome = home_content.build_english_chrome(
        locale=english,
        links=[home, event_pages[0], membership_pages[0], about],
        footer_links=[about, membership_pages[0], membership_pages[-1]],
    )
    # Snippets first: pages refer to them, and their translations must exist to be linked.
    sources = [*people, *membership_snippets, *pages, *event_pages, *membership_pages, *chrome]

    report = DemoReport()
    for language_code, paths in CATALOGUES.items():
        locale, _ = Locale.objects.get_or_create(language_code=language_code)
        report.translations[language_code] = translate_objects(
            objects=sources, locale=locale, catalogue=Catalogue(paths)
        )
    # Translators get their language's tree once it exists.
    ensure_roles()
    return report
