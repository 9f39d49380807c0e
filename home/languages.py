"""Language versions of a page: hreflang alternates, the language switcher and home links."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from home.visibility import reachable


@dataclass(frozen=True)
class PageAlternate:
    """One language version of the page a visitor is on."""

    language_code: str
    language_name: str
    url: str
    is_current: bool
    # False when the page itself is not translated and the link goes to its nearest
    # translated ancestor instead, so the switcher never leads to a missing page.
    is_exact: bool = True

    @property
    def hreflang(self) -> str:
        return self.language_code

    @property
    def is_default_language(self) -> bool:
        return self.language_code == settings.LANGUAGE_CODE


def _language_names() -> dict[str, str]:
    return dict(settings.LANGUAGES)


def absolute_page_url(*, page: Page, request: HttpRequest | None) -> str:
    """The page's full address on the host the visitor used (one site serves both languages)."""
    url = page.get_url(request) or ""
    if request is None or url.startswith(("http://", "https://")):
        return page.get_full_url(request) or url
    return request.build_absolute_uri(url)


def page_alternates(*, page: Page, request: HttpRequest | None = None) -> list[PageAlternate]:
    """Every live language version of a page, in the site's language order (for hreflang)."""
    names = _language_names()
    known = getattr(request, "_live_versions_by_key", None) if request is not None else None
    if known is not None:
        versions = known.get(page.translation_key, {})
    else:
        versions = {
            version.locale.language_code: version
            for version in reachable(page.get_translations(inclusive=True)).select_related("locale")
        }
    return [
        PageAlternate(
            language_code=code,
            language_name=names[code],
            url=absolute_page_url(page=versions[code], request=request),
            is_current=versions[code].pk == page.pk,
        )
        for code in names
        if code in versions
    ]


def remember_live_versions(*, request: HttpRequest, keys) -> None:
    """Look up every language version of many pages at once (for the sitemap), not page by page."""
    versions: dict = {}
    candidates = reachable(Page.objects.filter(translation_key__in=keys))
    for version in candidates.select_related("locale"):
        versions.setdefault(version.translation_key, {})[version.locale.language_code] = version
    request._live_versions_by_key = versions


def language_switcher_links(*, page: Page, request: HttpRequest) -> list[PageAlternate]:
    """A link per language to the same page, or to its closest translated ancestor."""
    names = _language_names()
    exact = {
        alternate.language_code: alternate
        for alternate in page_alternates(page=page, request=request)
    }
    missing = [code for code in names if code not in exact]
    fallbacks = _nearest_translated_ancestors(page=page, language_codes=missing, request=request)
    links = []
    for code in names:
        if code in exact:
            links.append(exact[code])
        elif code in fallbacks:
            links.append(
                PageAlternate(
                    language_code=code,
                    language_name=names[code],
                    url=fallbacks[code],
                    is_current=False,
                    is_exact=False,
                )
            )
    return links


def _nearest_translated_ancestors(
    *, page: Page, language_codes: list[str], request: HttpRequest
) -> dict[str, str]:
    if not language_codes:
        return {}
    ancestors = list(page.get_ancestors().filter(depth__gt=1).only("translation_key", "depth"))
    depth_by_key = {ancestor.translation_key: ancestor.depth for ancestor in ancestors}
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=depth_by_key, locale__language_code__in=language_codes)
        .select_related("locale")
    )
    best: dict[str, Page] = {}
    for candidate in candidates:
        code = candidate.locale.language_code
        current = best.get(code)
        if (
            current is None
            or depth_by_key[candidate.translation_key] > depth_by_key[current.translation_key]
        ):
            best[code] = candidate
    return {
        code: absolute_page_url(page=candidate, request=request) for code, candidate in best.items()
    }


def path_alternates(*, request: HttpRequest) -> list[PageAlternate]:
    """Language versions of a view that is not a page (search): the same path in each language."""
    names = _language_names()
    current = get_language()
    path = request.get_full_path()
    return [
        PageAlternate(
            language_code=code,
            language_name=name,
            url=request.build_absolute_uri(translate_url(path, code)),
            is_current=code == current,
        )
        for code, name in names.items()
    ]


def home_page_links(*, request: HttpRequest) -> list[PageAlternate]:
    """Each language's home page: where a visitor on a missing page can go next."""
    names = _language_names()
    current = get_language()
    homes = (
        Page.objects.live()
        .filter(depth=2, locale__language_code__in=names)
        .select_related("locale")
        .order_by("path")
    )
    by_code = {}
    for home in homes:
        by_code.setdefault(home.locale.language_code, home)
    return [
        PageAlternate(
            language_code=code,
            language_name=names[code],
            url=by_code[code].get_url(request),
            is_current=code == current,
        )
        for code in names
        if code in by_code
    ]


def source_language_page_for_path(*, request: HttpRequest) -> Page | None:
    """The live English page at this path, when a visitor asks for it in a language it is not
    translated into yet (so the "not found" page can point to it instead of a dead end)."""
    path = request.path_info
    current = get_language() or settings.LANGUAGE_CODE
    prefix = f"/{current}/"
    if current == settings.LANGUAGE_CODE or not path.startswith(prefix) or len(path) > 2000:
        return None
    # No page's address holds a NUL, and PostgreSQL refuses to compare text with one.
    if "\x00" in path:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale.language_code != settings.LANGUAGE_CODE:
        root = root.get_translation_or_none(Locale.get_default()) or root
    rest = path[len(prefix) :]
    return (
        Page.objects.live()
        .public()
        .filter(locale=root.locale, url_path=f"{root.url_path}{rest}")
        .first()
    )
