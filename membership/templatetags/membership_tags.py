"""Template filters for membership pages."""

import base64

from django import template

register = template.Library()


@register.filter
def obfuscate_email(address: str) -> str:
    """The address reversed and base64-encoded: not text a harvester finds, easy for our script."""
    return base64.b64encode((address or "")[::-1].encode()).decode()
