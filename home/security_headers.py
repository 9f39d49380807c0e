"""Security headers: the public or admin Content-Security-Policy, and per-response additions."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django_permissions_policy import PermissionsPolicyMiddleware

ADMIN_PREFIX = "/admin/"


def is_admin_path(path: str) -> bool:
    """True for the admin's addresses (Wagtail is mounted at /admin/ in config/urls.py)."""
    return path.startswith(ADMIN_PREFIX)


def allow_sources(response: HttpResponseBase, directives: dict[str, list[str]]) -> None:
    """Add sources to this response's policy only (what django-csp's @csp_update does)."""
    response._csp_update = directives


def delegate_features(response: HttpResponseBase, *, features: list[str], origin: str) -> None:
    """Let one other origin, framed by this response, use these features of the site's own."""
    policy = {**settings.PERMISSIONS_POLICY, **{feature: ["self", origin] for feature in features}}
    # What django-permissions-policy's @permissions_policy_override sets, computed per response.
    response._permissions_policy_override = PermissionsPolicyMiddleware.compute_header_value(
        policy, name="delegate_features"
    )


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy and a Reporting-Endpoints header."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        if HEADER in response:
            # report-to names this endpoint; browsers that know it prefer it to report-uri.
            response.headers.setdefault(
                "Reporting-Endpoints",
                f'{settings.CSP_REPORT_ENDPOINT}="{settings.CSP_REPORT_URL}"',
            )
        return response
