"""Admin: membership snippets, the outbox, and the applications inbox."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from membership.inbox import applications_lost_by_deleting
from membership.inbox_log import register_inbox_log_actions
from membership.inbox_views import application_viewset
from membership.models import Contact, FeeTable, MembershipApplicationPage, Testimonial
from membership.outbox_admin import OutgoingEmailViewSet, failed_emails_panel
from membership.services.outbox import RETRY_ACTION


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    list_display = ["__str__", "locale"]


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "mail"
    list_display = ["person", "email", "locale"]


class FeeTableViewSet(SnippetViewSet):
    model = FeeTable
    icon = "table"
    list_display = ["title", "currency", "valid_from", "valid_until", "locale"]


register_snippet(TestimonialViewSet)
register_snippet(ContactViewSet)
register_snippet(FeeTableViewSet)


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutgoingEmailViewSet("outgoing_emails")


@hooks.register("register_log_actions")
def register_outbox_log_actions(actions):
    actions.register_action(RETRY_ACTION, _("Retry sending"), _("Asked to retry sending"))


@hooks.register("construct_homepage_panels")
def show_failed_emails(request, panels):
    if panel := failed_emails_panel(user=request.user):
        panels.append(panel)


@hooks.register("filter_form_submissions_for_user")
def applications_are_read_in_the_inbox(user, form_pages):
    # The Applications inbox is the one place for them; Wagtail's per-form lists would show
    # each language apart.
    return form_pages.not_type(MembershipApplicationPage)


@hooks.register("register_admin_viewset")
def register_application_inbox():
    return application_viewset()


@hooks.register("register_log_actions")
def register_application_log_actions(actions):
    register_inbox_log_actions(actions)


def _refuse_to_lose_applications(request, pages):
    # Deleting a form page would delete its applications with it (Wagtail cascades): the team
    # must decide on them first, so the page stays and the editor is told why.
    count = applications_lost_by_deleting(pages)
    if not count:
        return None
    messages.error(
        request,
        ngettext(
            "This page's form holds %(count)s membership application, which deleting it would "
            "delete too. Unpublish the page instead: the application stays in the inbox.",
            "This page's form holds %(count)s membership applications, which deleting it would "
            "delete too. Unpublish the page instead: the applications stay in the inbox.",
            count,
        )
        % {"count": count},
    )
    return redirect(reverse("wagtailadmin_explore", args=[pages[0].get_parent().pk]))


@hooks.register("before_delete_page")
def keep_applications_when_a_page_is_deleted(request, page):
    return _refuse_to_lose_applications(request, [page])


@hooks.register("before_bulk_action")
def keep_applications_when_pages_are_bulk_deleted(request, action_type, objects, action_class):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return _refuse_to_lose_applications(request, list(objects))
    return None
