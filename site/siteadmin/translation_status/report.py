"""The rows of the translation status report, in the page tree's order, each with its next step."""

from django.conf import settings
from django.contrib.admin.utils import quote
from django.db import models
from django.urls import reverse

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from siteadmin.translation_status.facts import Found, Pair, gather_facts
from siteadmin.translation_status.state import Action, StatusRow, decide, next_action

# Home is depth 2, a section (events, membership) 3, an event 4: pages deeper than a
# section's own pages (sessions) are named with the page they belong to.
SECTION_DEPTH = 3
GROUPED_DEPTH = 5


def translation_status(*, locale: Locale) -> list[StatusRow]:
    """Each English page (in tree order) and snippet, its translation's state and next step."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locales = [source_locale, locale]
    pages = list(Page.objects.filter(locale__in=locales, depth__gt=1).order_by("path").specific())
    snippets = [
        snippet
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
        for snippet in model._default_manager.filter(locale__in=locales)
    ]
    english = [obj for obj in [*pages, *snippets] if obj.locale_id == source_locale.pk]
    translations = {
        (_family(obj), obj.translation_key): obj
        for obj in [*pages, *snippets]
        if obj.locale_id == locale.pk
    }
    pairs = [Pair(obj, translations.get((_family(obj), obj.translation_key))) for obj in english]
    found = gather_facts(pairs=pairs, locale=locale)
    titles_by_path = {page.path: page.title for page in pages if page.locale_id == source_locale.pk}
    return [
        _row(
            pair=pair,
            found=found[pair.english.translation_key],
            titles_by_path=titles_by_path,
        )
        for pair in pairs
    ]


def _family(obj: models.Model) -> type[models.Model]:
    return Page if isinstance(obj, Page) else obj._meta.concrete_model


def _row(*, pair: Pair, found: Found, titles_by_path: dict[str, str]) -> StatusRow:
    english = pair.english
    is_page = isinstance(english, Page)
    status = decide(found.facts)
    action = next_action(status=status, facts=found.facts, is_page=is_page)
    placing = _page_placing(page=english, titles_by_path=titles_by_path) if is_page else {}
    return StatusRow(
        title=english.title if is_page else str(english),
        kind=str(english._meta.verbose_name),
        section=placing.get("section", str(english._meta.verbose_name_plural)),
        status=status,
        action=action,
        action_url=_action_url(action=action, pair=pair, found=found),
        translated=found.facts.translated,
        total=found.facts.total,
        parent=placing.get("parent", ""),
        level=placing.get("level", 0),
        is_page=is_page,
    )


def _page_placing(*, page: Page, titles_by_path: dict[str, str]) -> dict:
    step = Page.steplen
    section_path = page.path[: step * SECTION_DEPTH]
    return {
        "section": titles_by_path.get(section_path, "")
        if page.depth >= SECTION_DEPTH
        else page.title,
        "parent": titles_by_path.get(page.path[:-step], "") if page.depth >= GROUPED_DEPTH else "",
        "level": page.depth - 2,
    }


def _action_url(*, action: Action, pair: Pair, found: Found) -> str:
    english, translation = pair.english, pair.translation
    is_page = isinstance(english, Page)
    if action in (Action.SYNC_PAGES, Action.SYNC_SNIPPETS):
        return reverse("wagtail_localize:update_translations", args=[found.source_id])
    if translation is None:
        if is_page:
            return reverse("wagtail_localize:submit_page_translation", args=[english.pk])
        meta = english._meta
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, quote(english.pk)],
        )
    if action == Action.VIEW_MODERATION and found.workflow_state_id:
        if is_page:
            return reverse(
                "wagtailadmin_pages:workflow_history_detail",
                args=[translation.pk, found.workflow_state_id],
            )
        return reverse(
            translation.snippet_viewset.get_url_name("workflow_history_detail"),
            args=[quote(translation.pk), found.workflow_state_id],
        )
    if action == Action.VIEW_LIVE:
        return translation.get_url() or reverse("wagtailadmin_pages:edit", args=[translation.pk])
    if is_page:
        return reverse("wagtailadmin_pages:edit", args=[translation.pk])
    return reverse(translation.snippet_viewset.get_url_name("edit"), args=[quote(translation.pk)])
