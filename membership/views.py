"""The application form's request handling and the contact address reveal."""

import logging
from datetime import timedelta

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.timesince import timeuntil
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.client_address import client_address
from membership.models import MembershipApplicationPage
from membership.published import published_contacts
from membership.services.rate_limit import TooManyApplications, receive_within_limit

logger = logging.getLogger(__name__)


def serve_application_form(
    request: HttpRequest, *, page: MembershipApplicationPage
) -> HttpResponse:
    """Show the form, or store a valid application and thank the applicant; never cached."""
    # The form carries this visitor's CSRF token and the thank-you page their answers: no
    # browser back-forward cache, proxy or CDN may keep either for someone else.
    response = _handle_application(request, page=page)
    add_never_cache_headers(response)
    return response


def refill_application_form(
    request: HttpRequest, *, page: MembershipApplicationPage
) -> HttpResponse:
    """The form again with the answers just sent, when the visitor's session had expired."""
    # Nothing is stored: the request failed its CSRF check. The answers go back only to the
    # browser that sent them, in a form with a fresh token, so the visitor just sends again.
    form = page.get_form(request.POST, page=page, user=request.user)
    context = page.get_context(request)
    context.update(form=form, session_expired=True)
    response = TemplateResponse(request, page.get_template(request), context, status=403)
    add_never_cache_headers(response)
    return response


def _handle_application(request: HttpRequest, *, page: MembershipApplicationPage) -> HttpResponse:
    status, retry_after = 200, 0
    rate_limited = storage_failed = False
    if request.method == "POST":
        form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
        if form.is_valid():
            try:
                result = receive_within_limit(page=page, form=form, address=client_address(request))
            except TooManyApplications as limit:
                rate_limited, status, retry_after = True, 429, limit.retry_after
            except DatabaseError:
                # The answers stay in the form on the page; the visitor can send them again.
                logger.exception("Could not store an application on page %s", page.pk)
                storage_failed, status = True, 503
            else:
                # Spam (a filled honeypot) gets the same thank-you: the bot learns nothing.
                return page.render_landing_page(request, result.submission)
    else:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request)
    context.update(form=form, rate_limited=rate_limited, storage_failed=storage_failed)
    if retry_after:
        context["retry_wait"] = waiting_time(retry_after)
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def waiting_time(seconds: int) -> str:
    """ "1 hour", "10 minutes", "1時間": how long to wait, in the visitor's language."""
    now = timezone.now()
    return timeuntil(now + timedelta(seconds=seconds), now, depth=2)


# No CSRF token: the POST changes nothing and its answer goes only to the browser that sent it,
# while a token in the contact callout would make every page showing one uncacheable.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def reveal_contact_email(request: HttpRequest, pk: int) -> HttpResponse:
    """Without scripts, a button press (a POST, which address harvesters do not make) shows it."""
    contact = get_object_or_404(published_contacts(), pk=pk)
    return TemplateResponse(
        request,
        "membership/contact_email.html",
        {"contact": contact, "revealed": request.method == "POST"},
    )
