"""Plain text turned into rich text and back, for migrations that make a text field rich."""

import html
import re

from django.db import DatabaseError, migrations, transaction

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
    """A reversible migration step that rewrites the field in pages, revisions and translations."""

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
            if convert_value is rich_text_from_plain:
                refresh_translation_sources(apps, content_types=types)

    return migrations.RunPython(
        lambda apps, schema_editor: convert(apps, rich_text_from_plain),
        lambda apps, schema_editor: convert(apps, plain_from_rich_text),
    )


def refresh_translation_sources(apps, *, content_types) -> None:
    """Re-read translated pages into wagtail-localize, so their translations still publish.

    wagtail-localize stores each source page's strings by field kind; a field that became rich
    text must be read again, or publishing a translation fails until someone syncs it.
    """
    # Extraction needs the real page classes, not the migration's historical models: imported
    # here, where the real and historical models still match.
    from wagtail_localize.models import TranslationSource

    stored = apps.get_model("wagtail_localize", "TranslationSource").objects
    for source_id in stored.filter(specific_content_type__in=content_types).values_list(
        "pk", flat=True
    ):
        try:
            with transaction.atomic():
                TranslationSource.objects.get(pk=source_id).update_from_db()
        except DatabaseError:
            # A database migrated long after this step, when the models have changed again.
            print(f"Translation source {source_id}: sync its translations in the admin.")
