"""What describes a page to search engines and social media: description, canonical URL,
sharing image, robots rules, language alternates, Open Graph locales and JSON-LD."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.safestring import SafeString

from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing

from home.languages import absolute_page_url
from home.sharing_image import SharingImage, sharing_image
from home.structured_data import page_json_ld


@dataclass(frozen=True)
class PageMeta:
    """The tags that describe a page to search engines and social media."""

    description: str
    canonical_url: str
    image: SharingImage | None
    og_locale: str
    og_locale_alternates: list[str]
    # (hreflang, address) pairs, x-default included.
    hreflang_links: list[tuple[str, str]] = field(default_factory=list)
    robots: str = ""
    json_ld: SafeString | str = ""


OPEN_GRAPH_LOCALES = {"en": "en_GB", "ja": "ja_JP"}
META_DESCRIPTION_LENGTH = 300


def meta_description(*, page) -> str:
    """The page's summary for search engines, in the page's language: the editor's, else its
    `meta_description_source`, else its body's first paragraph, else what its type says of it."""
    text = page.search_description
    text = text or _field_text(page, getattr(page, "meta_description_source", ""))
    text = text or _first_paragraph(page)
    if not text:
        default = getattr(page, "default_meta_description", None)
        with translation.override(page.locale.language_code):
            text = (default() if default else "") or page.title
    return _shortened(" ".join(text.split()), limit=META_DESCRIPTION_LENGTH)


def _field_text(page, name: str) -> str:
    if not name:
        return ""
    text = getattr(page, name) or ""
    if isinstance(page._meta.get_field(name), RichTextField):
        text = get_text_for_indexing(text)
    return text.strip()


def _first_paragraph(page) -> str:
    try:
        is_stream = isinstance(page._meta.get_field("body"), StreamField)
    except FieldDoesNotExist:
        return ""
    if not is_stream or not page.body:
        return ""
    for block in page.body:
        if block.block_type == "paragraph":
            text = get_text_for_indexing(block.value.source).strip()
            if text:
                return text
    return ""


def _shortened(text: str, *, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # End on a whole word where the language spaces its words; Japanese does not.
    if not text[limit - 1].isspace() and " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def without_query(url: str) -> str:
    """The address without its query string: a search's words are no language version."""
    return urlunsplit(urlsplit(url)._replace(query="", fragment=""))


def hreflang_links(alternates) -> list[tuple[str, str]]:
    """Each exact language version as (hreflang, address), and the default language's again as
    x-default."""
    links = []
    for alternate in alternates:
        if alternate.is_exact:
            links.append((alternate.hreflang, without_query(alternate.url)))
            if alternate.is_default_language:
                links.append(("x-default", without_query(alternate.url)))
    return links


def page_meta(
    *,
    page,
    request,
    alternates,
    robots: str = "",
    is_error_page: bool = False,
    organisation_name: str = "",
) -> PageMeta:
    """The description, canonical URL, sharing image, robots rule, alternates and JSON-LD of a
    page, or of a view that is not a page (search, "not found") when `page` is None."""
    if is_error_page:
        robots = "noindex"
    current = translation.get_language() or settings.LANGUAGE_CODE
    if page is not None:
        page = page.specific
        current = page.locale.language_code
    return PageMeta(
        description=meta_description(page=page) if page is not None else "",
        canonical_url=absolute_page_url(page=page, request=request) if page is not None else "",
        image=sharing_image(page=page, request=request),
        og_locale=OPEN_GRAPH_LOCALES.get(current, current),
        og_locale_alternates=[
            OPEN_GRAPH_LOCALES.get(alternate.language_code, alternate.language_code)
            for alternate in alternates
            if alternate.is_exact and alternate.language_code != current
        ],
        # An error page's links lead elsewhere (each language's home): no version of it.
        hreflang_links=[] if is_error_page else hreflang_links(alternates),
        robots=robots,
        json_ld=(
            page_json_ld(page=page, request=request, organisation_name=organisation_name)
            if page is not None
            else ""
        ),
    )
