"""The application form's request handling and the contact address reveal."""

import logging

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from membership.models import MembershipApplicationPage
from membership.published import published_contacts
from membership.services.applications import over_rate_limit, receive_application

logger = logging.getLogger(__name__)


def serve_application_form(
    request: HttpRequest, *, page: MembershipApplicationPage
) -> HttpResponse:
    """Show the form; on a valid POST store the application and thank the applicant."""
    status = 200
    rate_limited = storage_failed = False
    if request.method == "POST":
        form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
        if form.is_bot():
            # Looks like success to the bot; nothing is stored or mailed.
            logger.info("Application form honeypot filled on page %s; ignored.", page.pk)
            return page.render_landing_page(request, None)
        if form.is_valid():
            if over_rate_limit(request):
                rate_limited, status = True, 429
            else:
                try:
                    result = receive_application(page=page, form=form)
                except DatabaseError:
                    # The answers stay in the form on the page; the visitor can send them again.
                    logger.exception("Could not store an application on page %s", page.pk)
                    storage_failed, status = True, 503
                else:
                    return page.render_landing_page(request, result.submission)
    else:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request)
    context.update(form=form, rate_limited=rate_limited, storage_failed=storage_failed)
    return TemplateResponse(request, page.get_template(request), context, status=status)


@require_http_methods(["GET", "POST"])
def reveal_contact_email(request: HttpRequest, pk: int) -> HttpResponse:
    """Without scripts, a button press (a POST, which address harvesters do not make) shows it."""
    contact = get_object_or_404(published_contacts(), pk=pk)
    return TemplateResponse(
        request,
        "membership/contact_email.html",
        {"contact": contact, "revealed": request.method == "POST"},
    )
