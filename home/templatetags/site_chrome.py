"""Template tags for the frame around every page: menu, footer, languages and sharing tags."""

from django import template

from home import selectors
from home.selectors import SiteChrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context) -> SiteChrome:
    """The header menu and footer for the active language (cached; see selectors)."""
    # A menu or footer preview brings its own draft chrome; it must never be cached.
    return context.get("preview_chrome") or selectors.site_chrome()


@register.simple_tag(takes_context=True)
def sharing_meta(context):
    """Title, description, canonical URL and image for search engines and social media."""
    return selectors.page_meta(
        page=context.get("page"),
        request=context.get("request"),
        alternates=context.get("alternates") or [],
    )
