"""The picture a shared link shows: the page's own, else the site-wide default editors set."""

from dataclasses import dataclass

from django.http import HttpRequest

from wagtail.images.models import SourceImageIOError

from home.models import SharingSettings

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


def _chosen_image(*, page, request: HttpRequest):
    """The image and its alternative text: sharing image, hero image, then the site's default."""
    if page is not None:
        image = getattr(page, "social_image", None)
        if image is not None:
            return image, image.description
        image = getattr(page, "hero_image", None)
        if image is not None:
            # The page's own alt text is in the page's language; an image's description is not.
            return image, page.hero_image_alt_text or image.description
    image = SharingSettings.load(request_or_site=request).default_social_image
    return image, image.description if image is not None else ""


def sharing_image(*, page, request: HttpRequest | None) -> SharingImage | None:
    """The page's sharing image, one rendition lookup per page and request (tags and JSON-LD)."""
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
            try:
                rendition = image.get_rendition(SHARING_RENDITION)
            except SourceImageIOError:
                # A file lost from storage costs the link its preview, never the page.
                return None
            found[key] = SharingImage(
                url=request.build_absolute_uri(rendition.url),
                width=rendition.width,
                height=rendition.height,
                alt=alt,
            )
    return found[key]
