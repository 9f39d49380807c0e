"""Admin: the outbox, read-only for the membership team; only sending changes an e-mail's status."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from membership.models import OutgoingEmail
from membership.services.outbox import failed_count, retry_now

RETRYABLE = (OutgoingEmail.Status.FAILED, OutgoingEmail.Status.PENDING)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Viewing only, even for superusers: no form may set an e-mail to "sent"."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class OutgoingEmailInspectView(InspectView):
    template_name = "membership/admin/outgoing_email_inspect.html"

    def get_body_display_value(self):
        # Plain text as written: markup escaped, line breaks kept.
        return linebreaksbr(self.object.body, autoescape=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.status in RETRYABLE:
            context["retry_url"] = reverse("outgoing_emails:retry", args=[self.object.pk])
        return context


class OutgoingEmailViewSet(ModelViewSet):
    """E-mails the site sends: the team sees what was sent, what waits and what failed."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    menu_order = 900
    add_to_admin_menu = True
    list_display = [
        "subject",
        "status",
        "to",
        "purpose",
        "created_at",
        "attempts",
        "next_attempt_at",
        Column(
            "last_error",
            label=_("last error"),
            accessor=lambda email: Truncator(email.last_error).chars(80),
        ),
    ]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    inspect_view_enabled = True
    inspect_view_class = OutgoingEmailInspectView
    inspect_view_fields = [
        "status",
        "to",
        "reply_to",
        "subject",
        "body",
        "purpose",
        "created_at",
        "attempts",
        "next_attempt_at",
        "last_error",
        "sent_at",
    ]
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)

    def get_common_view_kwargs(self, **kwargs):
        # No create, edit or delete views exist: nothing may link to them.
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_outgoingemail")

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("retry/<int:pk>/", self.retry_view, name="retry"),
        ]

    def retry_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return retry_email(request, pk=pk, policy=self.permission_policy)


@require_POST
def retry_email(request: HttpRequest, *, pk: int, policy: ReadOnlyPolicy) -> HttpResponse:
    """The operator's "retry now": one more try at once; who asked is logged."""
    if not policy.user_has_permission(request.user, "view"):
        return HttpResponse(status=403)
    email = get_object_or_404(OutgoingEmail, pk=pk)
    outcome = retry_now(email=email, user=request.user)
    if outcome is True:
        messages.success(request, _("The e-mail was sent."))
    elif outcome is False:
        messages.error(request, _("The e-mail could not be sent; see the last error."))
    else:
        messages.warning(request, _("The e-mail is being sent or was sent already."))
    return redirect("outgoing_emails:inspect", pk)


class FailedEmailsPanel(Component):
    """On the dashboard of those who see the outbox: how many e-mails could not be sent."""

    name = "failed_emails"
    template_name = "membership/admin/failed_emails_panel.html"
    order = 90

    def __init__(self, *, count: int):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "outbox_url": reverse("outgoing_emails:index")}


def failed_emails_panel(*, user) -> FailedEmailsPanel | None:
    """The dashboard's count of failed e-mails, for those who see the outbox, when there are any."""
    if not ReadOnlyPolicy(OutgoingEmail).user_has_permission(user, "view"):
        return None
    count = failed_count()
    return FailedEmailsPanel(count=count) if count else None
