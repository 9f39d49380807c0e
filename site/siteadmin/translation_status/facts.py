"""What the report knows about each translation, gathered in a fixed number of queries."""

import json
from collections import defaultdict
from dataclasses import dataclass
from uuid import UUID

from django.db import models

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Revision, WorkflowState
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from siteadmin.translation_status.changes import (
    compared_child_relations,
    source_changed,
    synchronised_values_differ,
)
from siteadmin.translation_status.state import Facts


@dataclass(frozen=True)
class Pair:
    """An English page or snippet (its specific instance) and its translation, if any."""

    english: models.Model
    translation: models.Model | None


@dataclass(frozen=True)
class Found:
    """The facts about one pair, with the records its next-step link points to."""

    facts: Facts
    source_id: int | None = None
    workflow_state_id: int | None = None


def row_contents(objects: list[models.Model]) -> dict[tuple[type, object], dict]:
    """Each object's stored content as wagtail-localize serialises it, children included."""
    by_model: dict[type, list[models.Model]] = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj)
    contents = {}
    for model, group in by_model.items():
        own = {obj.pk: get_serializable_data_for_fields(obj) for obj in group}
        if issubclass(model, ClusterableModel):
            for relation in compared_child_relations(model):
                accessor, parent_key = relation.get_accessor_name(), relation.field
                children = list(
                    relation.related_model._default_manager.filter(
                        **{f"{parent_key.name}__in": list(own)}
                    )
                )
                child_contents = row_contents(children)
                for content in own.values():
                    content[accessor] = []
                for child in children:
                    own[getattr(child, parent_key.attname)][accessor].append(
                        child_contents[(type(child), child.pk)]
                    )
        contents.update({(model, pk): content for pk, content in own.items()})
    return contents


def _is_pending(obj: models.Model) -> bool:
    return not getattr(obj, "live", True) or getattr(obj, "has_unpublished_changes", False)


@dataclass(frozen=True)
class _Records:
    """Everything read for the report's pairs, each kind in one query."""

    contents: dict[tuple[type, object], dict]
    sources: dict[UUID, TranslationSource]
    enabled: dict[int, bool]
    segments: dict[int, list[tuple[int, int]]]
    strings: dict[tuple[int, int], tuple[str, object]]
    revisions: dict[int, tuple[dict, object]]
    workflows: dict[tuple[int, str], tuple[str, int]]
    overridden: dict[UUID, set[str]]


def _load(*, pairs: list[Pair], locale: Locale) -> _Records:
    keys = [pair.english.translation_key for pair in pairs]
    translations = [pair.translation for pair in pairs if pair.translation is not None]
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale_id__in={pair.english.locale_id for pair in pairs}
        ).only("id", "object_id", "content_json")
    }
    source_ids = [source.pk for source in sources.values()]
    segments = defaultdict(list)
    # A page's address may keep its English slug: an untranslated (or machine-translated) slug
    # must not leave a finished translation "partly translated" or "machine draft" for ever.
    strings_to_translate = StringSegment.objects.filter(source_id__in=source_ids).exclude(
        context__path="slug"
    )
    for source_id, string_id, context_id in strings_to_translate.values_list(
        "source_id", "string_id", "context_id"
    ):
        segments[source_id].append((string_id, context_id))
    overridden = defaultdict(set)
    for key, path in SegmentOverride.objects.filter(
        locale=locale, context__object_id__in=keys
    ).values_list("context__object_id", "context__path"):
        overridden[key].add(path)
    latest_revision_ids = [getattr(obj, "latest_revision_id", None) for obj in translations]
    return _Records(
        contents=row_contents([pair.english for pair in pairs] + translations),
        sources=sources,
        enabled=dict(
            Translation.objects.filter(source_id__in=source_ids, target_locale=locale).values_list(
                "source_id", "enabled"
            )
        ),
        segments=segments,
        strings={
            (string_id, context_id): (kind, updated_at)
            for string_id, context_id, kind, updated_at in StringTranslation.objects.filter(
                locale=locale, context__object_id__in=keys, has_error=False
            ).values_list("translation_of_id", "context_id", "translation_type", "updated_at")
        },
        revisions={
            pk: (content, created_at)
            for pk, content, created_at in Revision.objects.filter(
                id__in=[pk for pk in latest_revision_ids if pk]
            ).values_list("id", "content", "created_at")
        },
        workflows={
            (content_type_id, object_id): (status, pk)
            for content_type_id, object_id, status, pk in WorkflowState.objects.active()
            .filter(object_id__in=[str(obj.pk) for obj in translations])
            .values_list("base_content_type_id", "object_id", "status", "id")
        },
        overridden=overridden,
    )


def gather_facts(*, pairs: list[Pair], locale: Locale) -> dict[UUID, Found]:
    """Facts for every pair, keyed by translation key; the query count does not grow per row."""
    records = _load(pairs=pairs, locale=locale)
    return {pair.english.translation_key: _found(pair=pair, records=records) for pair in pairs}


def _found(*, pair: Pair, records: _Records) -> Found:
    english, translation = pair.english, pair.translation
    if translation is None:
        return Found(Facts())
    key = english.translation_key
    source = records.sources.get(key)
    workflow_status, workflow_id = records.workflows.get(_workflow_key(translation), ("", None))
    managed = source is not None and records.enabled.get(source.pk, False)
    facts = {
        "has_translation": True,
        "is_alias": getattr(translation, "alias_of_id", None) is not None,
        "managed": managed,
        "live": getattr(translation, "live", True),
        "unpublished_changes": getattr(translation, "has_unpublished_changes", False),
        "in_moderation": workflow_status == WorkflowState.STATUS_IN_PROGRESS,
        "changes_requested": workflow_status == WorkflowState.STATUS_NEEDS_CHANGES,
    }
    if managed:
        revision = records.revisions.get(getattr(translation, "latest_revision_id", None))
        facts |= _translation_progress(pair=pair, source=source, revision=revision, records=records)
    return Found(
        Facts(**facts),
        source_id=source.pk if source else None,
        workflow_state_id=workflow_id,
    )


def _translation_progress(
    *, pair: Pair, source: TranslationSource, revision: tuple | None, records: _Records
) -> dict:
    english, translation = pair.english, pair.translation
    model = type(english)
    english_content = records.contents[(model, english.pk)]
    # The draft counts: once a sync has reached it, publishing is what is left.
    translated_content = (
        revision[0]
        if revision and _is_pending(translation)
        else records.contents[(type(translation), translation.pk)]
    )
    segments = records.segments[source.pk]
    done = [records.strings[item] for item in segments if item in records.strings]
    return {
        "behind": source_changed(
            model=model, english=english_content, sent=json.loads(source.content_json)
        )
        or synchronised_values_differ(
            model=model,
            english=english_content,
            translated=translated_content,
            overridden=frozenset(records.overridden[english.translation_key]),
        ),
        "total": len(segments),
        "translated": len(done),
        "machine": sum(kind == StringTranslation.TRANSLATION_TYPE_MACHINE for kind, _ in done),
        "strings_not_saved": revision is not None
        and any(updated_at > revision[1] for _, updated_at in done),
    }


def _workflow_key(obj: models.Model) -> tuple[int, str] | None:
    get_base_content_type = getattr(obj, "get_base_content_type", None)
    if get_base_content_type is None:
        return None
    return get_base_content_type().pk, str(obj.pk)
