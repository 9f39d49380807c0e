"""The demo's site-wide sharing image: drawn here from the site's own emblem, not a photograph.

The former site's pages (../shared/seed) bring no picture, so the demo shows links with a plain,
clearly generic image in the site's colours, which editors replace in Settings › Sharing.
"""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image, ImageDraw

from home.models import SharingSettings

TITLE = "Site emblem (generic sharing image made for the demo)"
ALT_TEXT = "The site's emblem: a white ring crossed by two pale lines on dark green."
SIZE = (1200, 630)
# static/icons/icon.svg's colours.
GREEN, WHITE, PALE = "#00594f", "#ffffff", "#e6f2f0"


def emblem_png() -> bytes:
    """The site's icon, a ring and a cross, drawn large on a 1200 × 630 canvas."""
    width, height = SIZE
    canvas = Image.new("RGB", SIZE, GREEN)
    draw = ImageDraw.Draw(canvas)
    cx, cy, radius = width // 2, height // 2, 170
    draw.line([(cx, cy - radius), (cx, cy + radius)], fill=PALE, width=18)
    draw.line([(cx - radius, cy), (cx + radius, cy)], fill=PALE, width=18)
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=WHITE, width=36)
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    return out.getvalue()


def build_default_sharing_image() -> None:
    """Make the emblem image and the default sharing image, once: a rerun, or an editor who
    chose another image or none, keeps what is there."""
    images = get_image_model().objects
    if images.filter(title=TITLE).exists():
        return
    image = images.create(
        title=TITLE,
        description=ALT_TEXT,
        file=ImageFile(io.BytesIO(emblem_png()), name="site-emblem-sharing.png"),
    )
    sharing = SharingSettings.load()
    if sharing.default_social_image_id is None:
        sharing.default_social_image = image
        sharing.save()
