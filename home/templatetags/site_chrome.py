"""Template tags for the frame around every page: menu, footer, languages and sharing tags."""

from django import template

from home.models import Footer, MainMenu
from home.selectors import SiteChrome, page_meta, snippet_for_active_language

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context) -> SiteChrome:
    """The header menu and footer for the active language, looked up once per request."""
    request = context.get("request")
    cached = getattr(request, "_site_chrome", None) if request is not None else None
    if cached is not None:
        return cached
    chrome = SiteChrome(
        menu=snippet_for_active_language(model=MainMenu),
        footer=snippet_for_active_language(model=Footer),
    )
    if request is not None:
        request._site_chrome = chrome
    return chrome


@register.simple_tag(takes_context=True)
def sharing_meta(context):
    """Title, description, canonical URL and image for search engines and social media."""
    return page_meta(
        page=context.get("page"),
        request=context.get("request"),
        alternates=context.get("alternates") or [],
    )
