"""wagtail-localize's admin routes held to the publish rule, and a translator's "submit for moderation".

wagtail-localize treats its own `submit_translation` permission as enough to publish: its
"Sync translated pages → Publish immediately" and "Convert to alias page" change what visitors
see. These views take over the same addresses (see wagtail_hooks) and let only people who may
publish the affected pages or snippets do that; everyone else prepares drafts and submits them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin, Page, WorkflowMixin
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, submit_translations, update_translations
from wagtail_localize.views.edit_translation import user_can_edit_instance

from home.moderation import save_child_translation_drafts
from home.publishing import can_publish, can_publish_all
from home.roles import may_edit_locale
from home.translation_drafts import save_translation_as_draft


class _LocalesTheUserMayEdit:
    """Offer only the languages this person may write in (translators: never the source)."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        allowed = [
            locale.pk
            for locale in field.queryset
            if may_edit_locale(user=self.request.user, locale=locale)
        ]
        field.queryset = field.queryset.filter(pk__in=allowed)
        return form


class SubmitPageTranslationView(
    _LocalesTheUserMayEdit, submit_translations.SubmitPageTranslationView
):
    """Translate a page (and its subtree): the copies are drafts until a moderator approves."""


class SubmitSnippetTranslationView(
    _LocalesTheUserMayEdit, submit_translations.SubmitSnippetTranslationView
):
    """Translate a snippet: a snippet without drafts would go live at once, so only publishers."""

    def post(self, request, **kwargs):
        if not isinstance(self.object, DraftStateMixin) and not can_publish(
            user=request.user, instance=self.object
        ):
            raise PermissionDenied
        return super().post(request, **kwargs)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync translations with the English: publishing the result is for those who may publish."""

    def _may_publish_targets(self) -> bool:
        targets = [
            translation.get_target_instance()
            for translation in self.object.translations.filter(enabled=True)
        ]
        return can_publish_all(user=self.request.user, instances=targets)

    def get_form(self):
        form = super().get_form()
        if not self._may_publish_targets():
            # The synced strings wait in the translation editor; the translator submits them.
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


def convert_to_alias(request, page_id: int):
    """Replacing a translation by the English page changes what visitors read: publishers only."""
    page = get_object_or_404(Page, id=page_id)
    if not can_publish(user=request.user, instance=page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@require_POST
def submit_translation_for_moderation(request, translation_id: int):
    """Save the translation as a draft and send it to the moderators, from the translation editor."""
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    target = translation.get_target_instance()
    if not (
        user_can_edit_instance(request.user, target)
        and may_edit_locale(user=request.user, locale=translation.target_locale)
    ):
        raise PermissionDenied
    back = get_valid_next_url_from_request(request) or AdminURLFinder(request.user).get_edit_url(
        target
    )
    if not isinstance(target, WorkflowMixin) or target.get_workflow() is None:
        messages.error(request, _("This content has no approval workflow to submit it to."))
        return redirect(back)
    try:
        with transaction.atomic():
            save_translation_as_draft(translation=translation, user=request.user)
            target = translation.get_target_instance()
            if isinstance(target, Page):
                # An event's translated sessions go for approval with it (see home.moderation).
                save_child_translation_drafts(parent=target, user=request.user)
            if target.workflow_in_progress:
                message = _("Your changes were added to the request waiting for approval.")
            else:
                target.get_workflow().start(target, request.user)
                message = _("Submitted for approval: a moderator will review and publish it.")
    except ValidationError as error:
        messages.error(
            request,
            _("This translation cannot be submitted yet: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
        return redirect(back)
    messages.success(request, message)
    return redirect(back)
