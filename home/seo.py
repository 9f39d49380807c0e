"""What describes a page to search engines and social media: description, canonical URL,
sharing image and Open Graph locales."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from wagtail.fields import RichTextField
from wagtail.rich_text import get_text_for_indexing

from home.languages import absolute_page_url
from home.models import SharingSettings


@dataclass(frozen=True)
class PageMeta:
    """The tags that describe a page to search engines and social media."""

    description: str
    canonical_url: str
    image_url: str
    og_locale: str
    og_locale_alternates: list[str]


OPEN_GRAPH_LOCALES = {"en": "en_GB", "ja": "ja_JP"}
META_DESCRIPTION_LENGTH = 300


def meta_description(*, page) -> str:
    """The page's summary for search engines: the editor's, else its `meta_description_source`."""
    text = page.search_description
    source = getattr(page, "meta_description_source", "")
    if not text and source:
        text = getattr(page, source) or ""
        if isinstance(page._meta.get_field(source), RichTextField):
            text = get_text_for_indexing(text)
    return _shortened(" ".join(text.split()), limit=META_DESCRIPTION_LENGTH)


def _shortened(text: str, *, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # End on a whole word where the language spaces its words; Japanese does not.
    if not text[limit - 1].isspace() and " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def page_meta(*, page, request, alternates) -> PageMeta:
    """The description, canonical URL, sharing image and Open Graph locales of a page."""
    current = get_language() or settings.LANGUAGE_CODE
    if page is not None:
        current = page.locale.language_code
    description = meta_description(page=page.specific) if page is not None else ""
    canonical = absolute_page_url(page=page, request=request) if page is not None else ""
    image = getattr(page.specific, "social_image", None) if page is not None else None
    if image is None and request is not None:
        image = SharingSettings.load(request_or_site=request).default_social_image
    image_url = ""
    if image is not None and request is not None:
        image_url = request.build_absolute_uri(image.get_rendition("fill-1200x630|format-jpeg").url)
    return PageMeta(
        description=description,
        canonical_url=canonical,
        image_url=image_url,
        og_locale=OPEN_GRAPH_LOCALES.get(current, current),
        og_locale_alternates=[
            OPEN_GRAPH_LOCALES.get(alternate.language_code, alternate.language_code)
            for alternate in alternates
            if alternate.is_exact and alternate.language_code != current
        ],
    )
