"""A request id on every log line and response, so one visitor's report can be traced in logs."""

import contextvars
import logging
import re
import uuid

from django.http import HttpRequest, HttpResponse

_current = contextvars.ContextVar("request_id", default="-")
# A proxy's id (nginx's $request_id, a load balancer's trace id) is kept so both logs agree;
# anything else is replaced, so a visitor cannot put arbitrary text into the log.
_ACCEPTABLE = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
HEADER = "X-Request-ID"


def current_request_id() -> str:
    """The id of the request being handled in this thread or task, "-" outside a request."""
    return _current.get()


class RequestIdMiddleware:
    """Gives each request an id, echoed in the X-Request-ID response header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(HEADER, "")
        request_id = incoming if _ACCEPTABLE.match(incoming) else uuid.uuid4().hex
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every log record, for the log formats in settings.LOGGING."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True
