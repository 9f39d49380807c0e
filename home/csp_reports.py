"""Where browsers report what the Content-Security-Policy blocked: one log line per report."""

import json
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.client_address import client_address
from home.rate_limit import count_attempt

logger = logging.getLogger(__name__)

MAX_REPORT_BYTES = 16 * 1024
MAX_FIELD_CHARS = 200
REPORT_TYPES = {"application/csp-report", "application/reports+json", "application/json"}
# Field names of the older report-uri format, then of the Reporting API (report-to).
_FIELDS = {
    "document": ("document-uri", "documentURL"),
    "directive": ("effective-directive", "effectiveDirective", "violated-directive"),
    "blocked": ("blocked-uri", "blockedURL"),
    "source": ("source-file", "sourceFile"),
    "line": ("line-number", "lineNumber"),
    "sample": ("script-sample", "sample"),
}


def _trimmed(value) -> str:
    """A report field as one short printable line: reports are written by the browser's page."""
    text = "".join(char if char.isprintable() else "?" for char in str(value))
    return text[:MAX_FIELD_CHARS]


def violations(payload) -> list[dict]:
    """The violation bodies of a report in either format; ValueError when it is neither."""
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        return [payload["csp-report"]]
    if isinstance(payload, list) and all(isinstance(item, dict) for item in payload):
        bodies = [item.get("body") for item in payload if item.get("type") == "csp-violation"]
        if all(isinstance(body, dict) for body in bodies):
            return bodies
    raise ValueError("not a CSP report")


def describe(violation: dict) -> str:
    """The fields someone fixing the policy needs, as `name=value` pairs."""
    parts = []
    for name, keys in _FIELDS.items():
        value = next((violation[key] for key in keys if violation.get(key) not in (None, "")), "")
        if value != "":
            parts.append(f"{name}={_trimmed(value)}")
    return " ".join(parts)


@csrf_exempt
@require_POST
def receive_csp_report(request: HttpRequest) -> HttpResponse:
    """Log each violation a browser reports (rate-limited per address; nothing is stored)."""
    limit, window = settings.CSP_REPORT_RATE_LIMIT
    if not count_attempt(
        scope="csp-report", identity=client_address(request), limit=limit, window=window
    ):
        return HttpResponse("Too many reports.", status=429, content_type="text/plain")
    if request.content_type not in REPORT_TYPES:
        return HttpResponse("Not a CSP report.", status=415, content_type="text/plain")
    # Read at most one byte past the limit, whatever Content-Length claims.
    body = request.read(MAX_REPORT_BYTES + 1)
    if len(body) > MAX_REPORT_BYTES:
        return HttpResponse("Report too large.", status=413, content_type="text/plain")
    try:
        reports = violations(json.loads(body.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return HttpResponse("Not a CSP report.", status=400, content_type="text/plain")
    for violation in reports:
        logger.warning("CSP violation: %s", describe(violation))
    return HttpResponse(status=204)
