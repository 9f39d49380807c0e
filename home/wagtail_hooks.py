"""Admin registration of the site-frame snippets, and the translators' language boundary."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Footer, MainMenu
from home.services.roles import may_edit_locale


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
    """Replaces wagtail-localize's PO upload (same address) with the all-or-nothing import."""
    from django.urls import path

    from home.views_admin import translation_status_report, upload_translation_po

    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_translation_po,
            name="strict_upload_pofile",
        ),
        path("translation-status/", translation_status_report, name="translation_status"),
    ]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    from django.urls import reverse

    from wagtail.admin.menu import MenuItem

    class TranslationStatusMenuItem(MenuItem):
        def is_shown(self, request):
            user = request.user
            return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")

    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="wagtail-localize-language",
        order=900,
    )
