"""schema.org data search engines read on every page: where the page sits, and who runs the site."""

import json

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from home.languages import absolute_page_url
from home.models import HomePage, SharingSettings
from home.sharing_image import readable_rendition

# Search engines ask for a square-ish logo of at least 112 px; PNG keeps a logo's flat colours.
LOGO_RENDITION = "max-600x600|format-png"
# Characters that could end the <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data) -> SafeString:
    """JSON to place inside a <script type="application/ld+json">: no string can end the element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308


def breadcrumb_list(*, page, request: HttpRequest | None) -> dict:
    """The page's place in its language's tree, from its home page down (one query)."""
    # The tree's root (depth 1) is no page a visitor can open; each language's home is depth 2.
    # A section unpublished without its subpages answers 404: it is left out, and the others
    # are numbered on from 1 without a gap.
    ancestors = list(page.get_ancestors().filter(depth__gt=1).live()) if page.depth > 2 else []
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": absolute_page_url(page=crumb, request=request),
            }
            for position, crumb in enumerate([*ancestors, page], start=1)
        ],
    }


def organisation(*, name: str, url: str, request: HttpRequest | None) -> dict:
    """The network as an organisation: its name, site, and the logo and profiles editors set."""
    data = {"@type": "Organization", "name": name, "url": url}
    if request is None:
        return data
    sharing = SharingSettings.load(request_or_site=request)
    if sharing.organisation_logo is not None:
        logo = readable_rendition(sharing.organisation_logo, LOGO_RENDITION)
        if logo is not None:
            data["logo"] = request.build_absolute_uri(logo.url)
    profiles = sharing.profile_urls()
    if profiles:
        data["sameAs"] = profiles
    return data


def page_json_ld(*, page, request: HttpRequest | None, organisation_name: str) -> SafeString:
    """The page's breadcrumb trail, and on a home page the organisation, as one JSON-LD graph."""
    graph = [breadcrumb_list(page=page, request=request)]
    if isinstance(page, HomePage) and organisation_name:
        url = absolute_page_url(page=page, request=request)
        graph.append(organisation(name=organisation_name, url=url, request=request))
    return json_for_script({"@context": "https://schema.org", "@graph": graph})
