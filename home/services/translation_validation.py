"""Refusing a translated string that its field would reject, before it replaces a good one."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.strings import StringValue, extract_ids, validate_translation_links

import polib
from bs4 import BeautifulSoup, Tag

# What a browser would start reading as a tag; in a plain-text field it would be stored as text.
TAG_START = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9:-]*)")


@dataclass(frozen=True)
class StringTarget:
    """Where a translated string ends up: plain text or rich text, and how long it may be."""

    rich_text: bool
    max_length: int | None = None


RICH_TEXT = StringTarget(rich_text=True)


def _block_target(*, block, value, parts: list[str]) -> StringTarget | None:
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock):
        # wagtail-localize names StreamField and ListBlock children by their block id.
        children = (
            (value or [])
            if isinstance(block, blocks.StreamBlock)
            else getattr(value, "bound_blocks", [])
        )
        child = next((item for item in children if parts and item.id == parts[0]), None)
        if child is None:
            return None
        return _block_target(block=child.block, value=child.value, parts=parts[1:])
    if isinstance(block, blocks.StructBlock):
        if not parts or parts[0] not in block.child_blocks:
            return None
        # An ImageBlock is a StructBlock whose value is an image, not a mapping.
        child_value = value.get(parts[0]) if hasattr(value, "get") else None
        return _block_target(block=block.child_blocks[parts[0]], value=child_value, parts=parts[1:])
    if parts:
        return None
    if isinstance(block, blocks.RichTextBlock):
        return RICH_TEXT
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return StringTarget(rich_text=False, max_length=block.field.max_length)
    return None


def string_target(*, instance: models.Model, path: str) -> StringTarget | None:
    """The field a wagtail-localize context path leads to in `instance`; None if unknown."""
    parts = path.split(".") if path else []
    if not parts:
        return None
    try:
        field = instance._meta.get_field(parts[0])
    except FieldDoesNotExist:
        return None
    rest = parts[1:]
    if hasattr(field, "get_translatable_segments"):
        return None
    if isinstance(field, StreamField):
        return _block_target(
            block=field.stream_block, value=field.value_from_object(instance), parts=rest
        )
    if rest and isinstance(field, models.ManyToOneRel):
        # Inline children are named by their translation key, as wagtail-localize extracts them.
        child = next(
            (
                item
                for item in getattr(instance, parts[0]).all()
                if str(item.translation_key) == rest[0]
            ),
            None,
        )
        return string_target(instance=child, path=".".join(rest[1:])) if child else None
    if rest:
        return None
    if isinstance(field, RichTextField):
        return RICH_TEXT
    if isinstance(field, models.CharField | models.TextField):
        return StringTarget(rich_text=False, max_length=field.max_length)
    return None


def _markup(html: str) -> set[str]:
    """The tags of a string as wagtail-localize stores it: links by placeholder id."""
    marks = set()
    for element in BeautifulSoup(html, "html.parser").descendants:
        if isinstance(element, Tag):
            link_id = element.attrs.get("id") if element.name == "a" else None
            marks.add(f'<a id="{link_id}">' if link_id else f"<{element.name}>")
    return marks


def string_problem(
    *, source: str, translated: str, path: str, target: StringTarget | None
) -> str | None:
    """Why the field would reject this translation, as a sentence naming the string; else None."""
    names = {"source": Truncator(source).chars(60), "place": path}
    if target is not None and not target.rich_text:
        allowed = {name.lower() for name in TAG_START.findall(source)}
        tags = [name for name in TAG_START.findall(translated) if name.lower() not in allowed]
        if tags:
            return _(
                "The translation of “%(source)s” (%(place)s) contains the HTML tag <%(tag)s>, but this field is plain text."
            ) % {**names, "tag": tags[0]}
    # The checks wagtail-localize itself makes before it marks a string as an error and
    # silently publishes the English instead.
    try:
        value = StringValue.from_translated_html(translated)
    except ValueError as error:
        return _(
            "The translation of “%(source)s” (%(place)s) has markup the page cannot use: %(reason)s"
        ) % {**names, "reason": error.args[0]}
    try:
        validate_translation_links(source, translated)
    except ValueError:
        links = sorted(extract_ids(translated) - extract_ids(source))
        return _(
            "The translation of “%(source)s” (%(place)s) has a link (%(links)s) that its English text does not have; the link may no longer exist."
        ) % {**names, "links": ", ".join(links)}
    extra = sorted(_markup(translated) - _markup(source))
    if extra:
        return _(
            "The translation of “%(source)s” (%(place)s) uses %(tag)s, which its English text does not; use only the English text's tags and link markers."
        ) % {**names, "tag": extra[0]}
    if target is not None and target.max_length is not None:
        length = len(value.render_text())
        if length > target.max_length:
            return _(
                "The translation of “%(source)s” (%(place)s) is %(length)s characters long; this field takes at most %(limit)s."
            ) % {**names, "length": length, "limit": target.max_length}
    return None


def po_problems(*, translation: Translation, entries: Iterable[polib.POEntry]) -> list[str]:
    """Every translated string of a PO file that its field would reject, each as a sentence."""
    instance = translation.source.as_instance()
    problems = []
    for entry in entries:
        if not entry.msgstr:
            continue
        problem = string_problem(
            source=entry.msgid,
            translated=entry.msgstr,
            path=entry.msgctxt or "",
            target=string_target(instance=instance, path=entry.msgctxt or ""),
        )
        if problem:
            problems.append(problem)
    return problems


def segment_problem(
    *, translation: Translation, segment: StringSegment, translated: str
) -> str | None:
    """Why the field would reject this translation of one string of the page; else None."""
    return string_problem(
        source=segment.string.data,
        translated=translated,
        path=segment.context.path,
        target=string_target(instance=translation.source.as_instance(), path=segment.context.path),
    )
