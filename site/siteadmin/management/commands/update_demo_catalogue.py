"""Add the demo's new English strings to its PO catalogues, for a translator to fill in."""

from pathlib import Path

from django.core.management.base import BaseCommand

from wagtail_localize.models import Translation

import polib

from siteadmin.sections import demo_catalogues


class Command(BaseCommand):
    help = (
        "After load_demo_content, add every demo string that has no entry yet to the demo's PO "
        "catalogues (home/demo/<language>.po), keeping the translations already there."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--into",
            help="The catalogue file that receives the new strings (default: the last one listed "
            "for the language, i.e. the last installed app's <app>/demo/<language>.po).",
        )

    def handle(self, *args, **options):
        for language_code, paths in demo_catalogues().items():
            path = Path(options["into"] or paths[-1]).resolve()
            catalogue = polib.pofile(str(path)) if path.stat().st_size else polib.POFile()
            catalogue.metadata.setdefault("Content-Type", "text/plain; charset=utf-8")
            known = set()
            for other in {*paths, path}:
                if Path(other).stat().st_size:
                    known |= {entry.msgid for entry in polib.pofile(str(other))}
            added = 0
            translations = Translation.objects.filter(target_locale__language_code=language_code)
            for translation in translations.select_related("source"):
                for entry in translation.export_po():
                    if entry.obsolete or entry.msgid in known:
                        continue
                    catalogue.append(polib.POEntry(msgid=entry.msgid, msgstr=""))
                    known.add(entry.msgid)
                    added += 1
            catalogue.wrapwidth = 100
            catalogue.save(str(path))
            self.stdout.write(f"{path}: {added} new string(s) to translate.")
