"""Admin: membership snippets, the outbox, and the applications inbox."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
