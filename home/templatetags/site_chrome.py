"""Template tags for the frame around every page: menu, footer, languages and sharing tags."""

from django import template

from home import navigation, seo
from home.navigation import SiteChrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context) -> SiteChrome:
    """The header menu and footer for the active language (cached; see home.navigation)."""
    # A menu or footer preview brings its own draft chrome; it must never be cached.
    return context.get("preview_chrome") or navigation.site_chrome()


@register.simple_tag(takes_context=True)
def sharing_meta(context):
    """Description, canonical URL, image, robots rule, alternates and JSON-LD of the page."""
    chrome = context.get("chrome")
    return seo.page_meta(
        page=context.get("page"),
        request=context.get("request"),
        alternates=context.get("alternates") or [],
        robots=context.get("robots") or "",
        is_error_page=bool(context.get("is_error_page")),
        organisation_name=chrome.organisation_name if chrome else "",
    )
