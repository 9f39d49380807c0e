"""What describes a page to search engines and social media: description, canonical URL,
sharing image and Open Graph locales."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

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


def page_meta(*, page, request, alternates) -> PageMeta:
    """The description, canonical URL, sharing image and Open Graph locales of a page."""
    current = get_language() or settings.LANGUAGE_CODE
    if page is not None:
        current = page.locale.language_code
    description = page.specific.get_meta_description() if page is not None else ""
    canonical = absolute_page_url(page=page, request=request) if page is not None else ""
    image = getattr(page.specific, "social_image", None) if page is not None else None
    if image is None and request is not None:
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
