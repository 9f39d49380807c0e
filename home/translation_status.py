"""Which pages and snippets have their Japanese version, up to date or behind the English."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

MISSING, BEHIND, WAITING, UP_TO_DATE, UNMANAGED = (
    "missing",
    "behind",
    "waiting",
    "up_to_date",
    "unmanaged",
)
STATUS_LABELS = {
    MISSING: _("Not translated"),
    BEHIND: _("Behind the English"),
    WAITING: _("Waiting for translations"),
    UP_TO_DATE: _("Up to date"),
    UNMANAGED: _("Translated outside the translation tool"),
}


@dataclass(frozen=True)
class StatusRow:
    """One page or snippet and the state of its translation into the target language."""

    title: str
    kind: str
    section: str
    status: str
    translated: int
    total: int
    action_url: str

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def _source_strings(source: TranslationSource) -> set[tuple[str, str]]:
    return set(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data")
    )


def _current_strings(instance) -> set[tuple[str, str]]:
    return {
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


def _row(
    *,
    instance,
    title: str,
    kind: str,
    section: str,
    locale: Locale,
    translated_keys: set,
    submit_url: str,
) -> StatusRow:
    if instance.translation_key not in translated_keys:
        return StatusRow(title, kind, section, MISSING, 0, 0, submit_url)
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale=instance.locale
    ).first()
    translation = (
        Translation.objects.filter(source=source, target_locale=locale).first()
        if source is not None
        else None
    )
    if translation is None:
        return StatusRow(title, kind, section, UNMANAGED, 0, 0, "")
    total, done = translation.get_progress()
    if _current_strings(instance) != _source_strings(source):
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        return StatusRow(title, kind, section, BEHIND, done, total, url)
    status = UP_TO_DATE if done == total else WAITING
    return StatusRow(
        title, kind, section, status, done, total, translation.get_target_instance_edit_url() or ""
    )


def translation_status(*, locale: Locale) -> list[StatusRow]:
    """Every source-language page (in tree order) and translatable snippet, with its status."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    rows: list[StatusRow] = []
    pages = list(Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path").specific())
    translated = set(Page.objects.filter(locale=locale).values_list("translation_key", flat=True))
    sections = {page.path: page.title for page in pages if page.depth == 3}
    for page in pages:
        section = sections.get(page.path[: Page.steplen * 3], page.title if page.depth == 2 else "")
        rows.append(
            _row(
                instance=page,
                title=page.title,
                kind=str(page._meta.verbose_name),
                section=section,
                locale=locale,
                translated_keys=translated,
                submit_url=reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            )
        )
    for model in get_snippet_models():
        if not hasattr(model, "translation_key"):
            continue
        translated = set(
            model.objects.filter(locale=locale).values_list("translation_key", flat=True)
        )
        section = str(model._meta.verbose_name_plural)
        for snippet in model.objects.filter(locale=source_locale):
            rows.append(
                _row(
                    instance=snippet,
                    title=str(snippet),
                    kind=str(model._meta.verbose_name),
                    section=section,
                    locale=locale,
                    translated_keys=translated,
                    submit_url=reverse(
                        "wagtail_localize:submit_snippet_translation",
                        args=[model._meta.app_label, model._meta.model_name, snippet.pk],
                    ),
                )
            )
    return rows
