"""Admin views that tighten wagtail-localize for translators."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views.edit_translation import (
    edit_string_translation,
    user_can_edit_instance,
)

from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request

from home.services.translation_files import import_po_file
from home.services.translation_validation import segment_problem

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


def edit_string_translation_checked(request, translation_id: int, string_segment_id: int):
    """Save one string from the translation editor, unless its field would reject it."""
    if request.method == "PUT":
        translation = get_object_or_404(Translation, id=translation_id)
        segment = get_object_or_404(
            StringSegment.objects.select_related("string", "context"), id=string_segment_id
        )
        # Reading the body first keeps it readable for wagtail-localize's view, which parses it again.
        request.body  # noqa: B018
        value = Request(request, parsers=[FormParser(), MultiPartParser()]).data.get("value")
        problem = (
            segment_problem(translation=translation, segment=segment, translated=value)
            if value
            and segment.context.object_id == translation.source.object_id
            and user_can_edit_instance(request.user, translation.get_target_instance())
            else None
        )
        if problem:
            message = _("%(problem)s This translation was not saved.") % {"problem": problem}
            # The editor shows a string's "error" beside it only on a 200 answer (any other
            # status reads "Server error"); nothing is stored and the previous translation stays.
            return JsonResponse(
                {
                    "string_id": segment.string_id,
                    "segment_id": segment.id,
                    "data": value,
                    "error": message,
                    "comment": message,
                    "last_translated_by": None,
                    "saved": False,
                }
            )
    return edit_string_translation(
        request, translation_id=translation_id, string_segment_id=string_segment_id
    )
