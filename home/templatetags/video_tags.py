"""The click-to-load video preview used by embeds, live streams and recordings."""

from django import template
from django.urls import reverse

from home.embeds import video_for_url

register = template.Library()


@register.inclusion_tag("components/video_preview.html")
def video_preview(url: str, title: str):
    """A link to the video; scripts turn it into a button that loads the no-cookie player.

    The button loads the site's own player page (home/video_player.py) in a frame, never the
    provider directly: only that page's policy allows the provider.
    """
    video = video_for_url(url)
    player_url = (
        reverse("video_player", kwargs={"provider": video.provider, "video_id": video.video_id})
        if video
        else ""
    )
    return {"url": url, "title": title, "player_url": player_url}
