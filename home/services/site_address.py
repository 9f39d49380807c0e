"""The default Site's address follows the configured public address (WAGTAILADMIN_BASE_URL).

Wagtail builds page links in moderation e-mails from the Site record (hostname and port) and
admin links from WAGTAILADMIN_BASE_URL; a fresh database has the Site as localhost:80, so the
e-mails linked to http://localhost/… until both say the same.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class SiteAddress:
    hostname: str
    port: int


def public_address(*, base_url: str) -> SiteAddress:
    """Hostname and port of a public base URL such as https://www.example.org."""
    parts = urlsplit(base_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"WAGTAILADMIN_BASE_URL must be an http(s) address like https://www.example.org, "
            f"not {base_url!r}."
        )
    return SiteAddress(hostname=parts.hostname, port=parts.port or DEFAULT_PORTS[parts.scheme])


def match_default_site_to_public_address(*, base_url: str | None = None) -> Site | None:
    """Give the default Site the public hostname and port, so e-mailed page links work.

    Returns the default Site (None when there is none yet). Another Site already holding that
    address is left alone, and so is the default one then: two Sites cannot share an address.
    """
    address = public_address(base_url=base_url or settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (address.hostname, address.port):
        return site
    taken = Site.objects.exclude(pk=site.pk).filter(hostname=address.hostname, port=address.port)
    if taken.exists():
        return site
    site.hostname, site.port = address.hostname, address.port
    site.save(update_fields=["hostname", "port"])
    return site
