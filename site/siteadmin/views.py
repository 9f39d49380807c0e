"""The translation status report: every page and snippet of every app, with its next step."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from wagtail.models import Locale

from home.query_params import choice
from siteadmin.translation_status import Action, Status, StatusRow, translation_status


def translation_status_report(request):
    """Every page and snippet with its translation's state and next step, filterable."""
    if not (
        request.user.is_superuser or request.user.has_perm("wagtail_localize.submit_translation")
    ):
        raise PermissionDenied
    locales = list(
        Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    )
    by_code = {item.language_code: item for item in locales}
    asked = choice(request.GET.get("locale"), choices=by_code)
    locale = by_code[asked] if asked else (locales[0] if locales else None)
    rows = translation_status(locale=locale) if locale else []
    sections = sorted({row.section for row in rows if row.section})
    section = choice(request.GET.get("section"), choices=sections) or ""
    status = choice(request.GET.get("status"), choices=Status.values) or ""
    back = request.get_full_path()
    return TemplateResponse(
        request,
        "siteadmin/translation_status.html",
        {
            "rows": [
                (row, _next_step_link(row=row, back=back))
                for row in rows
                if (not section or row.section == section) and (not status or row.status == status)
            ],
            "sections": sections,
            "statuses": [
                (choice, sum(1 for row in rows if row.status == choice)) for choice in Status
            ],
            "locales": locales,
            "locale": locale,
            "section": section,
            "status": status,
        },
    )


def _next_step_link(*, row: StatusRow, back: str) -> str:
    # Each admin step returns to the report with the same filters; a live page is for visitors.
    if row.action == Action.VIEW_LIVE:
        return row.action_url
    return f"{row.action_url}?{urlencode({'next': back})}"
