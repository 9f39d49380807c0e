"""Builds the demo site: English content from the seed, then Japanese through wagtail-localize.

Safe to rerun: what exists is kept as it is (editors' changes included), only what is missing
is created. Later features (events, membership) add their part here.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale

from home.demo import home_content
from home.demo.translation import Catalogue, TranslationReport, translate_objects
from home.services.roles import ensure_roles

CATALOGUES = {"ja": [Path(__file__).resolve().parent / "ja.po"]}


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
    snippets = home_content.build_english_chrome(locale=english, home=home, about=about)

    report = DemoReport()
    for language_code, paths in CATALOGUES.items():
        locale, _ = Locale.objects.get_or_create(language_code=language_code)
        report.translations[language_code] = translate_objects(
            objects=[*pages, *snippets], locale=locale, catalogue=Catalogue(paths)
        )
    # Translators get their language's tree once it exists.
    ensure_roles()
    return report
