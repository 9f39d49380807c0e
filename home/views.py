"""Views that are not pages: search, robots.txt, sitemap, web manifest and the error pages."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page

from home.languages import home_page_links, path_alternates, source_language_page_for_path
from home.query_params import page_number
from home.search import clean_search_query, query_clauses, search_pages
from home.search_log import count_search, is_counted
from home.search_passages import with_passages
from home.search_promotions import promoted_results
from home.search_synonyms import synonyms_for
from home.sitemaps import AllLanguagesSitemap

logger = logging.getLogger(__name__)
RESULTS_PER_PAGE = 10


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Site search in the visitor's language."""
    query = clean_search_query(request.GET.get("q"))
    asked_page = page_number(request.GET.get("page"))
    locale = Locale.get_active()
    search_failed = False
    promoted = []
    try:
        # Words editors say mean the same in this language ({"word": ["other word", …]}).
        synonyms = synonyms_for(locale=locale)
        results = search_pages(query=query, locale=locale, synonyms=synonyms)
        page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(asked_page)
        page_of_results.object_list = with_passages(
            pages=list(page_of_results.object_list),
            clauses=query_clauses(query.text, synonyms=synonyms),
        )
        if page_of_results.number == 1:
            promoted = promoted_results(query=query, locale=locale, request=request)
    except DatabaseError:
        # A search backend error must not cost the visitor the page; they can try other words.
        logger.exception("Search failed for query %r", query.text)
        search_failed = True
        page_of_results = Paginator([], RESULTS_PER_PAGE).get_page(1)
    # Counted once per search, not again for each further page of its results.
    if query.text and not search_failed and asked_page == 1 and is_counted(request):
        # A promoted page answers the search too: only a search that showed nothing at all
        # is reported as having found nothing.
        found = page_of_results.paginator.count + len(promoted)
        count_search(text=query.text, locale=locale, result_count=found)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "query_string": urlencode({"q": query.text}),
            "results": page_of_results,
            "promoted": promoted,
            "search_failed": search_failed,
            "alternates": path_alternates(request=request),
            # Result lists are no content of their own; the pages they link to are.
            "robots": "noindex, follow",
        },
    )


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Tells crawlers where the sitemap is and keeps them out of the admin."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400, public=True)
def web_manifest(request: HttpRequest) -> HttpResponse:
    """What a browser shows when the site is saved to a home screen: name, icons, start page."""
    manifest = {
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": settings.WAGTAIL_SITE_NAME,
        "start_url": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#00594f",
        "icons": [
            {"src": static("icons/icon.svg"), "type": "image/svg+xml", "sizes": "any"},
            *(
                {
                    "src": static(f"icons/icon-{size}.png"),
                    "type": "image/png",
                    "sizes": f"{size}x{size}",
                }
                for size in (192, 512)
            ),
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    """Every live page in every language, with its hreflang alternates."""
    return wagtail_sitemap(request, sitemaps={"pages": AllLanguagesSitemap})


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    """A friendly 404 in the visitor's language, with a way back to each home page."""
    english = source_language_page_for_path(request=request)
    return render(
        request,
        "404.html",
        {
            "alternates": home_page_links(request=request),
            "is_error_page": True,
            "untranslated_page": english,
            "untranslated_url": english.get_url(request) if english else "",
        },
        status=404,
    )


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    """The visitor's request could not be read (bad address, oversized form): what to do next."""
    # Self-contained like the 500 page: a bad Host header makes anything that looks up the
    # Site (menus, settings) fail again.
    return HttpResponseBadRequest(_error_page("400.html"))


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """A page the visitor may not see, said plainly in their language."""
    return HttpResponseForbidden(_error_page("403.html"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid session: its answers back where possible, never lost."""
    if request.method == "POST":
        refill = getattr(_page_for_path(request), "serve_after_failed_csrf_check", None)
        if refill is not None:
            return refill(request)
    return HttpResponseForbidden(_error_page("403_csrf.html"))


def server_error(request: HttpRequest) -> HttpResponse:
    """A self-contained 500 page: no database, no menus, since those may be what failed."""
    return HttpResponseServerError(_error_page("500.html"))


def _error_page(template_name: str) -> str:
    return loader.get_template(template_name).render({"LANGUAGE_CODE": get_language() or "en"})


def _page_for_path(request: HttpRequest) -> Page | None:
    """The live, unrestricted public page at the request's address, if any."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return None
    # Wagtail's serve pattern passes the page path as its one positional argument.
    route = Page.route_for_request(request, match.args[0] if match.args else "")
    if route is None:
        return None
    page = route[0]  # routing finds live pages only
    # A private page's form is shown only through Wagtail's own view-restriction checks.
    return None if page.get_view_restrictions().exists() else page
