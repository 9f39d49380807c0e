"""Translate demo content the way a translator would: through wagtail-localize and PO files."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import models

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

import polib


@dataclass
class TranslationReport:
    """What a demo translation run did, for the loader's summary and for tests."""

    translated: list[str] = field(default_factory=list)
    already_translated: list[str] = field(default_factory=list)
    missing_strings: list[str] = field(default_factory=list)


class Catalogue:
    """Japanese (or other) strings for the demo, read from PO files, looked up by source text."""

    def __init__(self, paths: list[Path]):
        self.by_context: dict[tuple[str, str], str] = {}
        self.by_text: dict[str, str] = {}
        for path in paths:
            for entry in polib.pofile(str(path)):
                if entry.obsolete or not entry.msgstr:
                    continue
                if entry.msgctxt:
                    self.by_context[(entry.msgctxt, entry.msgid)] = entry.msgstr
                else:
                    self.by_text[entry.msgid] = entry.msgstr

    def lookup(self, *, text: str, context: str | None) -> str | None:
        return self.by_context.get((context or "", text)) or self.by_text.get(text)


def _label(instance: models.Model) -> str:
    return f"{instance._meta.verbose_name}: {instance}"


def translate_objects(
    *, objects: list[TranslatableMixin], locale: Locale, catalogue: Catalogue
) -> TranslationReport:
    """Create each object's translation with wagtail-localize, filled in from the catalogue.

    Objects that already have a translation in `locale` are left alone, so rerunning the
    loader never overwrites a translator's work. Pass parents before children.
    """
    report = TranslationReport()
    creator = TranslationCreator(user=None, target_locales=[locale])
    for instance in objects:
        instance = instance.specific if isinstance(instance, Page) else instance
        if instance.has_translation(locale):
            report.already_translated.append(_label(instance))
            continue
        creator.create_translations(instance, include_related_objects=False)

    for source, translations in creator.mappings.items():
        for translation in translations:
            _fill_from_catalogue(translation=translation, catalogue=catalogue, report=report)
        report.translated.append(_describe_source(source))
    return report


def _fill_from_catalogue(*, translation, catalogue: Catalogue, report: TranslationReport) -> None:
    po = translation.export_po()
    for entry in po:
        if entry.obsolete:
            continue
        translated = catalogue.lookup(text=entry.msgid, context=entry.msgctxt)
        if translated:
            entry.msgstr = translated
        else:
            report.missing_strings.append(entry.msgid)
    translation.import_po(po, tool_name="demo catalogue")
    translation.save_target(publish=True)


def _describe_source(source: TranslationSource) -> str:
    return f"{source.specific_content_type.name}: {source.object_repr}"
