"""Admin registration of the site-frame snippets, search steering, and the translators' language boundary."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import translation_admin
from home.admin_api import ChooserPagesAdminAPIViewSet
from home.models import Footer, MainMenu
from home.roles import may_edit_locale
from home.search_admin import (
    REPORT_PERMISSION,
    SearchSynonymViewSet,
    may_read_search_report,
    search_terms_report,
)
from home.views_admin import edit_string_translation_checked, upload_translation_po


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Main menu")
    list_display = ["name", "locale"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "placeholder"
    menu_label = _("Footer")
    list_display = ["organisation_name", "locale"]


register_snippet(MainMenuViewSet)
register_snippet(FooterViewSet)
register_snippet(SearchSynonymViewSet)


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_search_report(user=request.user)


@hooks.register("register_admin_urls")
def search_terms_report_url():
    return [
        path("reports/search-terms-by-language/", search_terms_report, name="search_terms_report")
    ]


@hooks.register("register_reports_menu_item")
def search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("search_terms_report"),
        name="search-terms-by-language",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def one_search_terms_report(request, menu_items):
    # Wagtail's own report (superusers only) counts every language together; ours replaces it.
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_permissions")
def search_report_permission():
    # Offered in Settings → Groups, so other groups can be allowed to read the report.
    app_label, codename = REPORT_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


def _refuse_other_languages(request, instances):
    """Translators may only change content in the languages they translate."""
    for instance in instances:
        locale = getattr(instance, "locale", None)
        if locale is not None and not may_edit_locale(user=request.user, locale=locale):
            return permission_denied(request)
    return None


@hooks.register("before_edit_snippet")
def only_translated_languages_for_translators_edit(request, instance):
    return _refuse_other_languages(request, [instance])


@hooks.register("before_delete_snippet")
def only_translated_languages_for_translators_delete(request, instances):
    return _refuse_other_languages(request, instances)


@hooks.register("register_admin_urls", order=-100)
def strict_po_upload_url():
    """Replaces wagtail-localize's PO upload and string editing (same addresses) with checked ones."""
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_translation_po,
            name="strict_upload_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            edit_string_translation_checked,
            name="strict_edit_string_translation",
        ),
    ]


@hooks.register("register_admin_urls", order=-100)
def translation_routes_held_to_the_publish_rule():
    """wagtail-localize's routes that could change what visitors see, at the same addresses."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            translation_admin.SubmitPageTranslationView.as_view(),
            name="guarded_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translation_admin.SubmitSnippetTranslationView.as_view(),
            name="guarded_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translation_admin.UpdateTranslationsView.as_view(),
            name="guarded_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_admin.convert_to_alias,
            name="guarded_convert_to_alias",
        ),
        path(
            "translations/<int:translation_id>/submit-for-approval/",
            translation_admin.submit_translation_for_moderation,
            name="translation_submit_for_moderation",
        ),
    ]


@hooks.register("construct_admin_api")
def page_details_for_chosen_pages(router):
    router.register_endpoint("pages", ChooserPagesAdminAPIViewSet)
