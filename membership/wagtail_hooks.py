"""Admin: membership snippets, the outbox, and who may read applications."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from membership.models import Contact, FeeTable, Testimonial
from membership.outbox_admin import OutgoingEmailViewSet, failed_emails_panel
from membership.roles import may_read_applications
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
def only_the_membership_team_reads_applications(user, form_pages):
    return form_pages if may_read_applications(user=user) else form_pages.none()
