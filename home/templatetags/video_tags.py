"""The click-to-load video preview used by embeds, live streams and recordings."""

from django import template

from home.embeds import privacy_embed_url

register = template.Library()


@register.inclusion_tag("components/video_preview.html")
def video_preview(url: str, title: str):
    """A link to the video; scripts turn it into a button that loads the no-cookie player."""
    return {"url": url, "title": title, "embed_url": privacy_embed_url(url)}
