"""The picture a shared link shows: the page's own, else the site-wide default editors set."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from home.models import SharingSettings

logger = logging.getLogger(__name__)

# 1.91:1 is what Facebook, LinkedIn and X crop a large link preview to; JPEG, which every
# platform's crawler reads.
SHARING_RENDITION = "fill-1200x630|format-jpeg"


@dataclass(frozen=True)
class SharingImage:
    """An image rendition as social media and search engines are told of it."""

    url: str
    width: int
    height: int
    alt: str
    mime_type: str = "image/jpeg"


def readable_rendition(image, spec: str):
    """The image's rendition, or None (logged) when its file is lost or cannot be read."""
    try:
        return image.get_rendition(spec)
    except OSError:
        # A file lost from storage (SourceImageIOError) or one that cannot be read to its end
        # (a partial upload: PIL's "Truncated File Read") costs the page its preview or logo,
        # never the page itself.
        logger.warning(
            "Image %s (%s) could not be rendered as %s",
            image.pk,
            image.file.name,
            spec,
            exc_info=True,
        )
        return None


def _description(image, *, page) -> str:
    """The image's own description where the page is in the language it is written in."""
    # An image has one description, written in the default language, for every page; on a
    # Japanese page a screen reader would read English as Japanese. No alt is better.
    language = page.locale.language_code if page is not None else get_language()
    return image.description if language == settings.LANGUAGE_CODE else ""


def _chosen_image(*, page, request: HttpRequest):
    """The image and its alternative text: sharing image, hero image, then the site's default."""
    if page is not None:
        image = getattr(page, "social_image", None)
        if image is not None:
            return image, _description(image, page=page)
        image = getattr(page, "hero_image", None)
        if image is not None:
            # The page's own alt text is translated with the page; an image's description is not.
            return image, page.hero_image_alt_text or _description(image, page=page)
    image = SharingSettings.load(request_or_site=request).default_social_image
    return image, _description(image, page=page) if image is not None else ""


def sharing_image(*, page, request: HttpRequest | None) -> SharingImage | None:
    """The page's sharing image, one rendition lookup per page and request (tags and JSON-LD);
    an unreadable image is tried, and logged, once per page and request."""
    if request is None:
        return None
    found = getattr(request, "_sharing_images", None)
    if found is None:
        found = request._sharing_images = {}
    key = page.pk if page is not None else None
    if key not in found:
        image, alt = _chosen_image(page=page, request=request)
        found[key] = None
        if image is not None:
            rendition = readable_rendition(image, SHARING_RENDITION)
            if rendition is None:
                return None
            found[key] = SharingImage(
                url=request.build_absolute_uri(rendition.url),
                width=rendition.width,
                height=rendition.height,
                alt=alt,
            )
    return found[key]
