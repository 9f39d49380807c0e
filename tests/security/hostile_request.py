"""One hostile request as it goes over the wire, the helpers that write them, the demo's pages.

Each request is described as it goes over the wire (method, request target, headers, body), so
the same list runs through Django's test client and, byte for byte, against a live server.
Every one must get an answer below 500; some must get a particular 4xx, and none may echo an
injected script or a file from outside the site.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from tests.membership.test_application_form import answers

# Pages of the demo site (site/siteadmin/demo.py builds them the same way everywhere).
HOME, HOME_JA = "/en/", "/ja/"
ABOUT = "/en/about/"
EVENTS, EVENTS_JA = "/en/events/", "/ja/events/"
EVENT = "/en/events/zero-carbon-city-international-forum-2022/"
SESSION = EVENT + "framing-session/"
EVENT_CALENDAR, SESSION_CALENDAR = EVENT + "calendar/", SESSION + "calendar/"
# Each language's events feed (Atom) and calendar to subscribe to.
EVENTS_FEEDS = [
    EVENTS + "feed/",
    EVENTS + "calendar/",
    EVENTS_JA + "feed/",
    EVENTS_JA + "calendar/",
]
MEMBERSHIP = "/en/membership/"
FEES, FEES_JA = "/en/membership/rates-and-dues/", "/ja/membership/rates-and-dues/"
TESTIMONIALS = "/en/membership/partner-testimonials/"
APPLY, APPLY_JA = "/en/membership/apply/", "/ja/membership/apply/"
SEARCH, SEARCH_JA = "/en/search/", "/ja/search/"
CONTACT_EMAIL = "/en/contact/1/email/"
PUBLIC_PAGES = [HOME, ABOUT, EVENTS, EVENT, SESSION, MEMBERSHIP, FEES, TESTIMONIALS, APPLY]

# Injected text that must never come back as markup; MARKERS are what would show it did.
SCRIPT = "\"'><script>alert('hx')</script>"
IMAGE = "<img src=x onerror=alert('hx')>"
SVG = "<svg/onload=alert('hx')>"
MARKERS = (b"<script>alert('hx')", b"<img src=x onerror", b"<svg/onload")
SQLISH = [
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    "' UNION SELECT password FROM auth_user --",
    '") OR 1=1 --',
]
PAYLOADS = [
    SCRIPT,
    IMAGE,
    SVG,
    *SQLISH,
    "{{ 7|add:7 }}{% debug %}",
    "${7*7}#{7*7}",
    "\u202egpj.exe",
]
# A file no page may ever show, whatever a path does.
PASSWD = b"root:x:0:0"

BAD_NUMBERS = [
    "99999999999999999999",
    "-1",
    "0",
    "1e9",
    "1e999999999",
    "²",
    "①",
    "1.5",
    "9" * 2000,
    " 2 ",
    "0x10",
    "NaN",
    "%ff",  # invalid UTF-8 once decoded
    "%00",
    "' OR 1=1 --",
]

# A valid application, field by field (the demo form's questions).
APPLICATION = answers()


@dataclass(frozen=True)
class HostileRequest:
    """One request as sent, and what its answer must (not) be."""

    category: str
    method: str
    target: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    # Answers allowed besides "below 500"; empty: any answer below 500.
    expect: frozenset[int] = frozenset()
    # Sent with a valid CSRF cookie and token, taken from this page first (the form's page).
    csrf_from: str = ""
    # Needs the wire: the test client cannot express it (request line, duplicate headers…).
    wire_only: bool = False
    # Raw request bytes, when even the request line is the attack.
    raw: bytes = b""
    not_in_body: tuple[bytes, ...] = field(default=(*MARKERS, PASSWD))

    @property
    def name(self) -> str:
        label = self.raw[:60].decode("latin-1") if self.raw else f"{self.method} {self.target}"
        headers = ", ".join(f"{name}: {value[:30]}" for name, value in self.headers)
        return f"{self.category}: {label[:90]!r} {headers}".strip()

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


def get(category: str, target: str, **kwargs) -> HostileRequest:
    return HostileRequest(category, "GET", target, **kwargs)


def form_body(data: dict[str, str]) -> bytes:
    return "&".join(f"{quote(key)}={quote(value)}" for key, value in data.items()).encode()


FORM = (("Content-Type", "application/x-www-form-urlencoded"),)


def post(category: str, target: str, data: dict[str, str], **kwargs) -> HostileRequest:
    return HostileRequest(category, "POST", target, headers=FORM, body=form_body(data), **kwargs)


def on_the_wire(category: str, *raws: bytes) -> list[HostileRequest]:
    """Requests written byte for byte ("{host}" becomes the server's address)."""
    return [HostileRequest(category, "GET", "", raw=raw, wire_only=True) for raw in raws]


def every_value(category: str, values, *targets: str, safe: str = "") -> list[HostileRequest]:
    """A GET of each target ("{v}" standing for the value, percent-encoded) for each value."""
    return [
        get(category, target.replace("{v}", quote(value, safe=safe)))
        for value in values
        for target in targets
    ]
