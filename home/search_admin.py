"""The admin's side of search: the search terms report and the synonym lists."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.contrib.search_promotions.views.settings import chooser, chooserresults
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import SearchSynonymGroup
from home.query_params import choice
from home.search_report import REPORT_DAYS, popular_search_terms, search_terms_finding_nothing

REPORT_PERMISSION = "home.view_searchtermdailyhits"
PROMOTION_PERMISSIONS = [
    f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")
]


def may_read_search_report(*, user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(REPORT_PERMISSION))


def may_promote(*, user) -> bool:
    return any(user.has_perm(name) for name in PROMOTION_PERMISSIONS)


def _for_promoters(view):
    # Wagtail's own view checks admin access only, yet lists what visitors typed (names, e-mail
    # addresses sometimes): only those who manage promotions, and so choose a term, see it.
    @require_admin_access
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not may_promote(user=request.user):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return checked


promotion_term_chooser = _for_promoters(chooser)
promotion_term_chooser_results = _for_promoters(chooserresults)


def search_terms_report(request):
    """Popular and zero-result search terms of the last 30 days, in one language at a time."""
    if not may_read_search_report(user=request.user):
        raise PermissionDenied
    languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    language_code = choice(request.GET.get("language"), choices=languages) or settings.LANGUAGE_CODE
    with translation.override(language_code):
        # The visitor's search page in that language, to see what a term finds now.
        visitor_search_url = reverse("search")
    return TemplateResponse(
        request,
        "home/admin/search_terms_report.html",
        {
            "languages": languages.items(),
            "language_code": language_code,
            "days": REPORT_DAYS,
            "popular": popular_search_terms(language_code=language_code),
            "found_nothing": search_terms_finding_nothing(language_code=language_code),
            "visitor_search_url": visitor_search_url,
            "may_promote": may_promote(user=request.user),
        },
    )


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["words", "language"]
    list_filter = ["language"]
    inspect_view_enabled = True
