"""The visitor's address as the site's own proxies saw it, never as the visitor claims it."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address the outermost trusted proxy saw (TRUSTED_PROXY_COUNT), else REMOTE_ADDR.

    Each proxy appends the address it received from to X-Forwarded-For, so with N trusted
    proxies the N-th entry from the right is the one the outermost of them saw; anything to its
    left was written by the visitor and proves nothing.
    """
    remote_address = request.META.get("REMOTE_ADDR") or "unknown"
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count <= 0:
        return remote_address
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < proxy_count:
        return remote_address
    try:
        return str(ipaddress.ip_address(forwarded[-proxy_count]))
    except ValueError:
        return remote_address
