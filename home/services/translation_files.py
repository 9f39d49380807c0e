"""Importing a translator's PO file: all or nothing, with a clear reason when it is refused."""

import contextlib
import os
import tempfile
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail_localize.models import Translation

import polib

from home.services.translation_validation import po_problems

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


@dataclass(frozen=True)
class PoImportResult:
    accepted: bool
    message: str


def _parse(content: bytes) -> polib.POFile | None:
    # polib treats a string that names an existing file as a path: always hand it a file.
    with tempfile.NamedTemporaryFile(delete=False, suffix=".po") as handle:
        handle.write(content)
    try:
        return polib.pofile(handle.name, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def import_po_file(*, translation: Translation, content: bytes, user=None) -> PoImportResult:
    """Import every string of the file into `translation`, or nothing if anything is wrong."""
    po = _parse(content)
    if po is None:
        return PoImportResult(False, _("This is not a valid PO file; nothing was imported."))
    file_translation = po.metadata.get(TRANSLATION_ID_HEADER)
    if not file_translation:
        return PoImportResult(
            False,
            _(
                "This PO file was not downloaded from this translation (it has no translation ID); nothing was imported."
            ),
        )
    if file_translation != str(translation.uuid):
        return PoImportResult(
            False, _("This PO file belongs to another page or language; nothing was imported.")
        )
    for entry in po:
        # PO editors leave blanks or spaces for "not translated yet"; neither may replace a translation.
        if not entry.msgstr.strip():
            entry.msgstr = ""
    rejected = po_problems(translation=translation, entries=po)
    if rejected:
        return PoImportResult(
            False,
            _(
                "%(count)s string(s) in this PO file cannot be used on the page, so nothing was imported. %(problems)s"
            )
            % {"count": len(rejected), "problems": " ".join(rejected[:3])},
        )
    with transaction.atomic():
        problems = translation.import_po(po, user=user, tool_name="PO file")
        if problems:
            transaction.set_rollback(True)
    if problems:
        return PoImportResult(
            False,
            _(
                "%(count)s string(s) in this PO file are not in the page (it may be out of date); nothing was imported."
            )
            % {"count": len(problems)},
        )
    translated = sum(1 for entry in po if entry.msgstr and not entry.obsolete)
    return PoImportResult(
        True, _("%(count)s translated string(s) imported.") % {"count": translated}
    )
