"""What visitors can reach: a live page is hidden while any page above it is unpublished.

Wagtail keeps a page's own `live` flag independent of its parents', so a session approved
before its event, or left live when the event was taken offline, would otherwise be served,
listed and mapped under an event nobody can see.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import Page


def under_unpublished_page(*, page: Page) -> bool:
    """True when a page above this one (below the tree's root) is not published."""
    return page.get_ancestors().filter(depth__gt=1, live=False).exists()


def reachable(pages):
    """Live, public pages with every ancestor published: what visitors can actually open."""
    # An ancestor's path is the start of its descendants' paths (treebeard's materialised path).
    hidden_ancestor = Page.objects.filter(
        live=False,
        depth__gt=1,
        depth__lt=OuterRef("depth"),
        path=Substr(OuterRef("path"), 1, Length("path")),
    )
    return pages.live().public().exclude(Exists(hidden_ancestor))


def unreachable_live_page_ids(*, locale=None) -> list[int]:
    """Live pages hidden by an unpublished ancestor (for search, which filters by field only)."""
    live = Page.objects.live()
    if locale is not None:
        live = live.filter(locale=locale)
    return list(live.exclude(pk__in=reachable(live).values("pk")).values_list("pk", flat=True))
