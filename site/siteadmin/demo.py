"""Builds the demo site: English content from the seed, then Japanese through wagtail-localize.

Safe to rerun: what exists is kept as it is (editors' changes included), only what is missing
is created. Each app builds its own part (home/demo/, and each section app's `demo_section`,
found by siteadmin.sections); this puts them together, links them in the menu and footer, and
translates them with each app's `demo/<language>.po`.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale

from home.demo import home_content
from home.demo.sharing_image import build_default_sharing_image
from home.demo.translation import Catalogue, TranslationReport, translate_objects
from siteadmin.roles import ensure_roles
from siteadmin.sections import demo_catalogues, demo_section_builders


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
    build_default_sharing_image()
    sections = [build(home=home, locale=english) for build in demo_section_builders()]
    chrome = home_content.build_english_chrome(
        locale=english,
        links=[home, *(page for section in sections for page in section.menu_links), about],
        footer_links=[about, *(page for section in sections for page in section.footer_links)],
    )
    # Snippets first: pages refer to them, and their translations must exist to be linked.
    sources = [
        *(snippet for section in sections for snippet in section.snippets),
        *pages,
        *(page for section in sections for page in section.pages),
        *chrome,
    ]

    report = DemoReport()
    for language_code, paths in demo_catalogues().items():
        locale, _ = Locale.objects.get_or_create(language_code=language_code)
        report.translations[language_code] = translate_objects(
            objects=sources, locale=locale, catalogue=Catalogue(paths)
        )
    # Translators get their language's tree once it exists.
    ensure_roles()
    return report
