"""Reads for the site frame: language alternates, menus, footer and search."""

import re
import unicodedata
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Func, Model, Q, TextField
from django.db.models.functions import Cast
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site
from wagtail.search.models import IndexEntry

from home.visibility import reachable, unreachable_live_page_ids

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULT_LIMIT = 500
SUBSTRING_SEARCH_LANGUAGES = {"ja", "zh", "ko"}


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


@dataclass(frozen=True)
class SearchQuery:
    """A visitor's search words, made safe to search with."""

    text: str
    was_truncated: bool


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


def snippet_for_active_language(*, model: type[Model]) -> Model | None:
    """The active language's published menu or footer, else the source language's published one."""
    active = Locale.get_active()
    # The row holds the published content (drafts wait in revisions); a copy never
    # published is not shown at all.
    copies = {
        item.locale_id: item
        for item in model.objects.filter(live=True, locale__in=[active, Locale.get_default()])
    }
    return copies.get(active.pk) or copies.get(Locale.get_default().pk)


def _is_word_character(character: str) -> bool:
    return unicodedata.category(character)[0] in {"L", "N", "M"}


def clean_search_query(raw: str | None) -> SearchQuery:
    """Normalise widths (全角/半角), keep letters and numbers only, collapse spaces, cap the length.

    Punctuation is dropped because search backends give it meaning (quotes, *, -, OR…) and a
    visitor's stray quote must not become a syntax error.
    """
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(character if _is_word_character(character) else " " for character in text)
    text = " ".join(text.split())
    was_truncated = len(text) > SEARCH_QUERY_MAX_LENGTH
    return SearchQuery(text=text[:SEARCH_QUERY_MAX_LENGTH].strip(), was_truncated=was_truncated)


# Hiragana, katakana (full and half width) and CJK ideographs: scripts written without spaces.
_SPACELESS_SCRIPT = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
)


def search_pages(*, query: SearchQuery, locale: Locale):
    """Live public pages in the visitor's language matching the query, best first."""
    if not query.text:
        return Page.objects.none()
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(pk__in=unreachable_live_page_ids(locale=locale))
    )
    # Word-based full-text search cannot see inside Japanese sentences (not even a Latin word
    # such as "COP26" written next to Japanese), so Japanese pages use substring search.
    if locale.language_code in SUBSTRING_SEARCH_LANGUAGES or _SPACELESS_SCRIPT.search(query.text):
        return _substring_search(pages=pages, text=query.text)
    return pages.search(query.text)


def _substring_search(*, pages, text: str) -> list[Page]:
    """Japanese has no spaces between words, so a word is found anywhere inside the indexed
    text (every term must appear); full-/half-width forms are folded on PostgreSQL (NFKC)."""
    entries = IndexEntry.objects.all()
    title, body = "title", "body"
    if connection.vendor == "postgresql":
        # PostgreSQL keeps the index as tsvectors; their text form still holds each run of
        # Japanese as one lexeme, so a substring search on it finds words inside sentences.
        def folded(field: str) -> Func:
            return Func(
                Cast(F(field), TextField()),
                function="normalize",
                template="%(function)s(%(expressions)s, NFKC)",
            )

        entries = entries.annotate(folded_title=folded("title"), folded_body=folded("body"))
        title, body = "folded_title", "folded_body"
    matches_title = Q()
    for term in text.split():
        entries = entries.filter(
            Q(**{f"{title}__icontains": term}) | Q(**{f"{body}__icontains": term})
        )
        matches_title &= Q(**{f"{title}__icontains": term})
    found = entries.values_list("object_id", flat=True)
    in_title = set(entries.filter(matches_title).values_list("object_id", flat=True))
    ids = {int(object_id) for object_id in found if object_id.isdigit()}
    results = list(pages.filter(pk__in=ids).order_by("path")[:SEARCH_RESULT_LIMIT])
    # Title matches first, then the rest in site order.
    return sorted(results, key=lambda page: str(page.pk) not in in_title)


@dataclass(frozen=True)
class ChromeLink:
    """A resolved menu or footer link: its text and address, ready to render."""

    text: str
    url: str


@dataclass(frozen=True)
class SiteChrome:
    """What the header and footer show in one language, cached between requests."""

    menu_links: tuple[ChromeLink, ...] = ()
    organisation_name: str = ""
    about: str = ""
    footer_links: tuple[ChromeLink, ...] = ()
    copyright_notice: str = ""


CHROME_CACHE_SECONDS = 300
CHROME_VERSION_KEY = "site-chrome-version"


def chrome_version() -> str:
    return cache.get_or_set(CHROME_VERSION_KEY, lambda: uuid.uuid4().hex, None)


def forget_site_chrome() -> None:
    """Drop every cached header and footer; called when a page, menu or footer changes."""
    cache.set(CHROME_VERSION_KEY, uuid.uuid4().hex, None)


def site_chrome() -> SiteChrome:
    """The active language's menu and footer, resolved to text and URLs and cached."""
    key = f"site-chrome:{get_language()}:{chrome_version()}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _resolve_site_chrome()
        cache.set(key, chrome, CHROME_CACHE_SECONDS)
    return chrome


def _links(stream) -> tuple[ChromeLink, ...]:
    links = []
    for block in stream:
        url = block.value.url()
        if url:
            links.append(ChromeLink(text=block.value.text(), url=url))
    return tuple(links)


def preview_site_chrome(*, menu=None, footer=None) -> SiteChrome:
    """The header and footer with a draft menu or footer in place of the live one (previews)."""
    return _resolve_site_chrome(menu=menu, footer=footer)


def _resolve_site_chrome(*, menu=None, footer=None) -> SiteChrome:
    # home.models imports this module at app loading, so its models are imported on use.
    from home.models import Footer, MainMenu

    menu = menu or snippet_for_active_language(model=MainMenu)
    footer = footer or snippet_for_active_language(model=Footer)
    return SiteChrome(
        menu_links=_links(menu.links) if menu else (),
        organisation_name=footer.organisation_name if footer else "",
        about=footer.about if footer else "",
        footer_links=_links(footer.links) if footer else (),
        copyright_notice=footer.copyright_notice if footer else "",
    )


@dataclass(frozen=True)
class PageMeta:
    """The tags that describe a page to search engines and social media."""

    description: str
    canonical_url: str
    image_url: str
    og_locale: str
    og_locale_alternates: list[str]


OPEN_GRAPH_LOCALES = {"en": "en_GB", "ja": "ja_JP"}


def page_meta(*, page, request, alternates) -> PageMeta:
    """The description, canonical URL, sharing image and Open Graph locales of a page."""
    current = get_language() or settings.LANGUAGE_CODE
    if page is not None:
        current = page.locale.language_code
    description = page.specific.get_meta_description() if page is not None else ""
    canonical = absolute_page_url(page=page, request=request) if page is not None else ""
    image = getattr(page.specific, "social_image", None) if page is not None else None
    if image is None and request is not None:
        # home.models imports this module at app loading, so its models are imported on use.
        from home.models import SharingSettings

        image = SharingSettings.load(request_or_site=request).default_social_image
    image_url = ""
    if image is not None and request is not None:
        image_url = request.build_absolute_uri(image.get_rendition("fill-1200x630|format-jpeg").url)
    return PageMeta(
        description=" ".join(description.split())[:300],
        canonical_url=canonical,
        image_url=image_url,
        og_locale=OPEN_GRAPH_LOCALES.get(current, current),
        og_locale_alternates=[
            OPEN_GRAPH_LOCALES.get(alternate.language_code, alternate.language_code)
            for alternate in alternates
            if alternate.is_exact and alternate.language_code != current
        ],
    )
