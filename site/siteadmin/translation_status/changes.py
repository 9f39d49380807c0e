"""Whether a translation is behind its English: the text sent for translation, and the values
wagtail-localize copies across (amounts, times, URLs, images) compared field by field."""

import json
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

# Publishing state and locks differ per language by design; they are never "behind".
PUBLISHING_FIELDS = frozenset(
    {
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
    }
)


@cache
def _fields(model: type[models.Model]) -> tuple[tuple[str, object, bool], ...]:
    """(content key, model field or child relation, synchronised?) for each field compared."""
    fields = []
    for translatable in get_translatable_fields(model):
        if translatable.field_name in PUBLISHING_FIELDS:
            continue
        field = model._meta.get_field(translatable.field_name)
        if _is_child_relation(field):
            fields.append((field.get_accessor_name(), field, False))
        else:
            fields.append((field.name, field, isinstance(translatable, SynchronizedField)))
    return tuple(fields)


def _is_child_relation(field) -> bool:
    return isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey)


def _without_block_ids(data):
    # Block ids are storage detail, regenerated when unsaved content is serialised twice.
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_block_ids(value) for key, value in data.items() if key != "id"}
    return data


def _value(field, raw):
    """A stored value in comparable form: 1200 == "1200.00", the same instant in any zone."""
    if raw is None:
        return None
    if isinstance(field, StreamField):
        return _without_block_ids(json.loads(raw) if isinstance(raw, str) else raw)
    try:
        return field.to_python(raw)
    except (ValidationError, TypeError, ValueError):
        return raw


def translated_content(*, model: type[models.Model], content: dict) -> dict:
    """Everything of `content` that translation depends on: translated and synchronised fields."""
    result = {}
    for key, field, _synchronised in _fields(model):
        if _is_child_relation(field):
            result[key] = [
                translated_content(model=field.related_model, content=child)
                for child in content.get(key) or []
            ]
        else:
            result[key] = _value(field, content.get(key))
    return result


def source_changed(*, model: type[models.Model], english: dict, sent: dict) -> bool:
    """The English now differs from what was last sent for translation (submitted or synced)."""
    return translated_content(model=model, content=english) != translated_content(
        model=model, content=sent
    )


def synchronised_values_differ(
    *,
    model: type[models.Model],
    english: dict,
    translated: dict,
    overridden: frozenset[str] = frozenset(),
    path: str = "",
) -> bool:
    """A value copied from the English (not translated) differs in the translation.

    `overridden` holds the paths a translator may deliberately set in their language.
    """
    for key, field, synchronised in _fields(model):
        field_path = f"{path}{key}"
        if _is_child_relation(field):
            if _children_differ(
                field=field,
                english=english.get(key) or [],
                translated=translated.get(key) or [],
                overridden=overridden,
                path=f"{field_path}.",
            ):
                return True
        elif (
            synchronised
            and field_path not in overridden
            and _value(field, english.get(key)) != _value(field, translated.get(key))
        ):
            return True
    return False


def _children_differ(
    *, field, english: list, translated: list, overridden: frozenset[str], path: str
) -> bool:
    child_model = field.related_model
    if not any("translation_key" in child for child in english + translated):
        # Children that are not translated are copied whole.
        return [translated_content(model=child_model, content=child) for child in english] != [
            translated_content(model=child_model, content=child) for child in translated
        ]
    english_by_key = {child.get("translation_key"): child for child in english}
    translated_by_key = {child.get("translation_key"): child for child in translated}
    if list(english_by_key) != list(translated_by_key):
        return True  # a row added, removed or moved in the English
    return any(
        synchronised_values_differ(
            model=child_model,
            english=child,
            translated=translated_by_key[key],
            overridden=overridden,
            path=f"{path}{key}.",
        )
        for key, child in english_by_key.items()
    )


def compared_child_relations(model: type[models.Model]) -> list[models.ManyToOneRel]:
    """The inline children (fee rows, people in a session) that translation compares."""
    return [field for _key, field, _synchronised in _fields(model) if _is_child_relation(field)]
