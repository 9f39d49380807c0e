"""Pages editors promote for a search term, shown above the results in the visitor's language."""

from dataclasses import dataclass

from django.http import HttpRequest

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from home.search import SearchQuery, clean_search_query
from home.visibility import reachable


@dataclass(frozen=True)
class PromotedResult:
    """A promoted page (or outside link) as the search page shows it."""

    title: str
    url: str
    description: str


def search_term_key(text: str) -> str:
    """A search term as promotions and the search terms report compare it.

    Wagtail stores a promotion's term lower-cased; visitors' queries are also cleaned of
    punctuation and width variants, so the editor's term is cleaned the same way before the two
    are compared ("COP-26" promoted is found by "cop 26" and "ＣＯＰ２６").
    """
    return normalise_query_string(clean_search_query(text).text)


def promoted_results(
    *, query: SearchQuery, locale: Locale, request: HttpRequest
) -> list[PromotedResult]:
    """The promotions for the query, in the editor's order: pages in the visitor's language only.

    A promoted page in another language is shown as its translation in this one, with the
    translation's search description, if that is live and public; otherwise it is left out
    (never a page in a language the visitor did not ask for).
    """
    key = search_term_key(query.text)
    if not key:
        return []
    # Promotions are few (each typed by an editor): compared here rather than in SQL, so that a
    # term saved with punctuation still matches the cleaned query.
    promotions = [
        promotion
        for promotion in SearchPromotion.objects.select_related("query", "page").order_by(
            "query_id", "sort_order", "pk"
        )
        if search_term_key(promotion.query.query_string) == key
    ]
    keys = {promotion.page.translation_key for promotion in promotions if promotion.page}
    in_language = Page.objects.filter(locale=locale, translation_key__in=keys)
    shown = {page.translation_key: page for page in reachable(in_language)} if keys else {}
    results: dict[str, PromotedResult] = {}
    for promotion in promotions:
        if promotion.page is None:
            result = PromotedResult(
                title=promotion.external_link_text or promotion.external_link_url,
                url=promotion.external_link_url,
                description=promotion.description,
            )
        elif page := shown.get(promotion.page.translation_key):
            # The editor's description is in the promoted page's language; a translation
            # shown instead speaks for itself with its own search description.
            own = page.pk == promotion.page_id and promotion.description
            result = PromotedResult(
                title=page.title,
                url=page.get_url(request),
                description=own or page.search_description,
            )
        else:
            continue
        # The same page promoted for two spellings of the term, or in two languages: once.
        results.setdefault(result.url, result)
    return list(results.values())
