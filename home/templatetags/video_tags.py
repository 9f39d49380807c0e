"""The click-to-load video preview used by embeds, live streams and recordings."""

from django import template
from django.urls import reverse

from home.embeds import player_signature, video_for_url

register = template.Library()


@register.inclusion_tag("components/video_preview.html", takes_context=True)
def video_preview(context, url: str, title: str):
    """A link to the video; scripts turn it into a button that loads the no-cookie player.

    The button loads the site's own player page (home/video_player.py) in a frame, never the
    provider directly: only that page's policy allows the provider. Its address is signed, and
    written only into live pages (a preview shows the plain link), so the player page plays
    nothing a moderator has not published.
    """
    video = video_for_url(url)
    request = context.get("request")
    if video is None or getattr(request, "is_preview", False):
        return {"url": url, "title": title, "player_url": ""}
    player_url = reverse(
        "video_player",
        kwargs={
            "provider": video.provider,
            "video_id": video.video_id,
            "signature": player_signature(video),
        },
    )
    return {"url": url, "title": title, "player_url": player_url}
