"""The admin API's page details, readable for every page a person can already pick in a chooser."""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page


class ChooserPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """Translators see an English page's title when a menu or link they translate points to it.

    Wagtail limits the admin API to pages a person may explore, but its page chooser offers
    every page to everyone with admin access; the translation editor shows a chosen page
    through this API, so without this a translator's editor waits forever on each link.
    Listings (the explorer menu) keep Wagtail's limit.
    """

    def get_base_queryset(self):
        if self.action == "detail_view":
            return Page.objects.all()
        return super().get_base_queryset()
