"""The translation status report in the admin's Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from siteadmin.views import translation_status_report


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_urls")
def translation_status_url():
    return [path("translation-status/", translation_status_report, name="translation_status")]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="wagtail-localize-language",
        order=900,
    )
