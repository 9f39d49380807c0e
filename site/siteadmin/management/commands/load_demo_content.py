from django.core.management.base import BaseCommand

from home.services.site_address import match_default_site_to_public_address
from siteadmin.demo import load_demo_content


class Command(BaseCommand):
    help = "Build the demo site (English and Japanese) from the former site's pages; safe to rerun."

    def handle(self, *args, **options):
        report = load_demo_content()
        # The loader may have just created the default site (as localhost).
        match_default_site_to_public_address()
        for language_code, translation in report.translations.items():
            self.stdout.write(
                f"Demo content [{language_code}]: {len(translation.translated)} translated now, "
                f"{len(translation.already_translated)} already translated (left as they are)."
            )
            if translation.missing_strings:
                self.stderr.write(
                    self.style.WARNING(
                        f"{len(translation.missing_strings)} string(s) have no {language_code} "
                        "translation in the demo catalogue and show the English text:"
                    )
                )
                for text in translation.missing_strings:
                    self.stderr.write(f"  - {text[:100]}")
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
