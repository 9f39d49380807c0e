"""Plain text turned into rich text and back, for migrations that make a text field rich."""

import html
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

from wagtail.rich_text import get_text_for_indexing


def rich_text_from_plain(text: str) -> str:
    """Each block of lines becomes a paragraph; a single line break stays a line break."""
    paragraphs = [block.strip() for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return "".join(
        "<p>{}</p>".format(
            "<br/>".join(html.escape(line, quote=False) for line in block.split("\n"))
        )
        for block in paragraphs
        if block
    )


def plain_from_rich_text(value: str) -> str:
    """Paragraphs separated by a blank line, line breaks kept; markup and links are dropped."""
    value = re.sub(r"<br\s*/?>", "\n", value, flags=re.IGNORECASE)
    blocks = re.split(r"</(?:p|h\d|li|blockquote)>", value, flags=re.IGNORECASE)
    paragraphs = ("\n".join(map(get_text_for_indexing, block.split("\n"))) for block in blocks)
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip())


def convert_to_rich_text(*, app_label: str, model_names: list[str], field_name: str):
    """A reversible migration step: the field in pages, their revisions and translation sources."""

    def convert(apps, convert_value):
        content_type = apps.get_model("contenttypes", "ContentType")
        revision = apps.get_model("wagtailcore", "Revision")
        for model_name in model_names:
            model = apps.get_model(app_label, model_name)
            for page in model.objects.exclude(**{field_name: ""}):
                setattr(page, field_name, convert_value(getattr(page, field_name)))
                page.save(update_fields=[field_name])
            # A draft or an older revision published later must bring rich text too.
            types = content_type.objects.filter(app_label=app_label, model=model_name.lower())
            for saved in revision.objects.filter(content_type__in=types):
                if saved.content.get(field_name):
                    saved.content[field_name] = convert_value(saved.content[field_name])
                    saved.save(update_fields=["content"])
            # wagtail-localize keeps its own copy of each translated English page; it must
            # match the new field, or publishing a translation fails until someone syncs.
            source = apps.get_model("wagtail_localize", "TranslationSource")
            for stored in source.objects.filter(specific_content_type__in=types):
                content = json.loads(stored.content_json)
                if content.get(field_name):
                    content[field_name] = convert_value(content[field_name])
                    stored.content_json = json.dumps(content, cls=DjangoJSONEncoder)
                    stored.save(update_fields=["content_json"])

    return migrations.RunPython(
        lambda apps, schema_editor: convert(apps, rich_text_from_plain),
        lambda apps, schema_editor: convert(apps, plain_from_rich_text),
    )
