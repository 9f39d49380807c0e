"""Admin views that tighten wagtail-localize for translators."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from home.services.translation_files import import_po_file
from home.translation_status import STATUS_LABELS, translation_status

MAX_PO_BYTES = 5 * 1024 * 1024


@require_POST
def upload_translation_po(request, translation_id: int):
    """Upload a translated PO file: imported whole, or refused with the reason and no change."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
    elif upload.size > MAX_PO_BYTES:
        messages.error(
            request, _("This file is too large to be a page's PO file; nothing was imported.")
        )
    else:
        result = import_po_file(translation=translation, content=upload.read(), user=request.user)
        (messages.success if result.accepted else messages.error)(request, result.message)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def translation_status_report(request):
    """Every page and snippet with its Japanese status, filterable by section and status."""
    if not (
        request.user.is_superuser or request.user.has_perm("wagtail_localize.submit_translation")
    ):
        raise PermissionDenied
    locales = list(
        Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    )
    locale = next(
        (item for item in locales if item.language_code == request.GET.get("locale")), None
    )
    locale = locale or (locales[0] if locales else None)
    rows = translation_status(locale=locale) if locale else []
    sections = sorted({row.section for row in rows if row.section})
    section, status = request.GET.get("section", ""), request.GET.get("status", "")
    shown = [
        row
        for row in rows
        if (not section or row.section == section) and (not status or row.status == status)
    ]
    return TemplateResponse(
        request,
        "home/admin/translation_status.html",
        {
            "rows": shown,
            "sections": sections,
            "statuses": [
                (key, label, sum(1 for row in rows if row.status == key))
                for key, label in STATUS_LABELS.items()
            ],
            "locales": locales,
            "locale": locale,
            "section": section,
            "status": status,
        },
    )
