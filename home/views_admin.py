"""Admin views that tighten wagtail-localize for translators."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from home.services.translation_files import import_po_file

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
