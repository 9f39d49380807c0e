"""The sitemap of every live page in every language, each entry naming its translations."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.languages import remember_live_versions
from home.visibility import reachable


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap covers one root; this one covers the root in every language."""

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True).live()
        tree = Page.objects.none()
        for root in roots:
            tree |= Page.objects.descendant_of(root, inclusive=True)
        pages = reachable(tree)
        if self.request is not None:
            remember_live_versions(
                request=self.request, keys=pages.values_list("translation_key", flat=True)
            )
        return pages.order_by("path").defer_streamfields().specific()
