"""The hostile requests: what an attacker sends to the demo site, one category after another.

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


def _traversal() -> list[HostileRequest]:
    paths = [
        "/static/../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/static/..%2f..%2f..%2fetc/passwd",
        "/static/....//....//etc/passwd",
        "/static/%252e%252e/%252e%252e/etc/passwd",
        "/static/..\\..\\..\\etc\\passwd",
        "/static/%5c..%5c..%5cetc%5cpasswd",
        "/static/css/../../../../../../etc/passwd",
        "/static//etc/passwd",
        "/static/css/site.css%00.txt",
        "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/media/../../etc/passwd",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/original_images/../../../../etc/passwd",
        "/documents/../../etc/passwd",
        "/documents/1/..%2f..%2f..%2fetc%2fpasswd",
        "/en/../../etc/passwd",
        "/en/%2e%2e/%2e%2e/etc/passwd",
        "/en/events/..%2f..%2f..%2fadmin/",
        "//etc/passwd",
        "/..%00/etc/passwd",
    ]
    return [get("path traversal", path) for path in paths]


def _overlong() -> list[HostileRequest]:
    return [
        get("overlong path", "/en/" + "a" * 3000 + "/"),
        get("overlong path", "/en/" + "a" * 9000 + "/"),
        get("overlong path", "/en/" + "x/" * 1500),
        get("overlong path", "/" + "%41" * 1300),
        get("overlong path", "/static/" + "a" * 4000),
        get("overlong path", SEARCH + "?q=" + "climate+" * 450),
        get("overlong path", SEARCH + "?" + "&".join(f"k{n}=v" for n in range(600))),
    ]


def _encodings() -> list[HostileRequest]:
    targets = [
        "/en/%ff/",
        "/en/%c0%ae%c0%ae/",
        "/en/%c0%af",
        "/en/%e0%80%af/",
        "/en/%ed%a0%80/",
        "/en/%f4%90%80%80/",
        "/en/%fe%ff/",
        "/en/%00/",
        "/en/%0d%0aSet-Cookie:%20injected=1/",
        "/ja/%E6%A4%9C%E7%B4%A2/",
        "/en/%E2%80%AE/",
        SEARCH + "?q=%ff",
        SEARCH + "?q=%c0%ae%c0%ae",
        SEARCH + "?q=%ed%a0%80",
        SEARCH + "?q=%00%01%02",
        SEARCH + "?q=%0d%0aX-Injected:%201",
        SEARCH + "?q=%",
        SEARCH + "?q=%zz",
        SEARCH + "?q=%u0041",
        SEARCH + "?q=a&q=b&q=%ff",
        SEARCH_JA + "?q=%EF%BD%B6%EF%BE%80%EF%BD%B6%EF%BE%85",
        SEARCH + "?%%%=1",
        SEARCH + "?=",
        SEARCH + "?&&&",
        EVENTS + "?year=%ff",
        FEES + "?category=%ff&population=%c0%b1",
        HOME + "#fragment<script>",
    ]
    requests = [get("odd encoding", target) for target in targets]
    # Raw bytes the test client cannot put in a path: invalid UTF-8 and raw UTF-8.
    requests += on_the_wire(
        "odd encoding",
        b"GET /en/\xff\xfe/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        "GET /ja/検索/?q=気候 HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode(),
        b"GET /en/search/?q=\xc0\xae\xc0\xae HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
    )
    return requests


def _numbers() -> list[HostileRequest]:
    requests = []
    for value in BAD_NUMBERS:
        requests += [
            get("huge or odd number", f"{SEARCH}?q=forum&page={value}"),
            get("huge or odd number", f"{EVENTS}?page={value}"),
            get("huge or odd number", f"{EVENTS}?year={value}"),
            get(
                "huge or odd number",
                f"{FEES}?category=local_government&population={quote(value, safe='%')}",
            ),
        ]
    requests += [
        get("huge or odd number", f"{FEES_JA}?category=local_government&population=%C2%B2"),
        get("huge or odd number", f"{EVENTS_JA}?page=99999999999999999999&year=2022"),
        get("huge or odd number", "/sitemap.xml?p=99999999999999999999"),
        get("huge or odd number", "/sitemap.xml?p=-1"),
        get("huge or odd number", "/sitemap.xml?p=%C2%B2"),
    ]
    return requests


def _headers() -> list[HostileRequest]:
    def with_header(name: str, value: str, target: str = HOME, **kwargs) -> HostileRequest:
        return get("malformed header", target, headers=((name, value),), **kwargs)

    requests = [
        with_header("Accept-Language", value, target="/")
        for value in (
            "*;q=abc",
            "x" * 5000,
            "ja;q=1e999",
            "zh-Hant-TW-x-private-aaaaaaaaaaaaaaaaaaaaaaaaa",
            ",,,,;;;;",
            "en;q=-1, ja;q=2",
            "../../etc/passwd",
            "ja-JP-u-ca-japanese-hc-h12, *",
            "\u00ff\u00fe",
        )
    ]
    requests += [
        with_header("Cookie", "sessionid=" + "a" * 7000),
        with_header("Cookie", "csrftoken=" + SCRIPT.replace(";", "")),
        with_header("Cookie", "sessionid=../../../etc/passwd; csrftoken=%00"),
        with_header("Cookie", "=;=;;;===;a"),
        with_header("Cookie", "; ".join(f"c{n}=v" for n in range(300))),
        with_header("X-Forwarded-For", "<script>, 999.999.999.999, ::::, " + "1," * 200),
        with_header("X-Forwarded-Host", "evil.example"),
        with_header("X-Forwarded-Proto", "gopher"),
        with_header("Referer", "javascript:alert('hx')"),
        with_header("User-Agent", "Mozilla/5.0 " + "A" * 6000),
        with_header("If-Modified-Since", "yesterday at noon", target="/static/css/site.css"),
        with_header("Range", "bytes=99999999999-1", target="/static/css/site.css"),
        with_header("Range", "bytes=-0,-0,-0,-0", target="/static/css/site.css"),
        with_header("Accept-Encoding", "gzip;q=abc, br;q=-1, *", target="/static/css/site.css"),
        with_header("If-None-Match", '"' + "x" * 3000 + '"', target="/static/css/site.css"),
        with_header("Accept", "text/html;q=NaN, */*;q=abc"),
    ]
    form = dict(APPLICATION, organisation="Header test")
    requests += [
        HostileRequest(
            "malformed header",
            "POST",
            APPLY,
            headers=(("Content-Type", content_type),),
            body=body,
            csrf_from=APPLY,
        )
        for content_type, body in (
            ("multipart/form-data", b"--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1"),
            ("multipart/form-data; boundary=", b"garbage"),
            ("multipart/form-data; boundary=x", b"--x\r\nno headers here\r\n--x--"),
            ("application/json", b'{"organisation": ' + SCRIPT.encode() + b"}"),
            ("text/plain; charset=utf-7", form_body(form)),
            ("application/x-www-form-urlencoded; charset=klingon", form_body(form)),
            ("application/x-www-form-urlencoded", b"%ff%fe=%c0%ae&organisation=%ff"),
        )
    ]
    requests += [
        HostileRequest(
            "malformed header",
            "POST",
            CONTACT_EMAIL,
            headers=(*FORM, ("Content-Length", length)),
            body=b"a=1",
            wire_only=True,
        )
        for length in ("-1", "abc", "99999999999999999999", "1, 2")
    ]
    requests += on_the_wire(
        "malformed header",
        b"GET /en/ HTTP/1.1\r\nHost: {host}\r\nNo colon here\r\nConnection: close\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: {host}\r\nX-A: 1\r\n folded: value\r\nConnection: close\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: {host}\r\nX Space: 1\r\nConnection: close\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: {host}\r\nX-Nul: a\x00b\r\nConnection: close\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: {host}\r\n"
        + b"".join(b"X-H%d: v\r\n" % n for n in range(150))
        + b"Connection: close\r\n\r\n",
        b"POST /en/contact/1/email/ HTTP/1.1\r\nHost: {host}\r\nContent-Length: 3\r\n"
        b"Content-Length: 9\r\nConnection: close\r\n\r\na=1",
        b"POST /en/contact/1/email/ HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\n"
        b"Connection: close\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
        b"POST /en/contact/1/email/ HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: gzip, chunked\r\n"
        b"Content-Length: 4\r\nConnection: close\r\n\r\n0\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: {host}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
    )
    return requests


def _hosts() -> list[HostileRequest]:
    bad_hosts = [
        "evil.example",
        "127.0.0.1:abc",
        "127.0.0.1:8000@evil.example",
        "evil.example/../",
        "ｅｖｉｌ.example",
        "[::1]:80]",
        "127.0.0.1 evil.example",
        "localhost.evil.example",
        "<script>alert('hx')</script>",
    ]
    requests = [
        HostileRequest(
            "host attack", "GET", HOME, headers=(("Host", host),), expect=frozenset({400})
        )
        for host in bad_hosts
    ]
    # A port no server has: Django takes it as written (harmless), it must not fail.
    requests.append(
        HostileRequest("host attack", "GET", HOME, headers=(("Host", "127.0.0.1:99999"),))
    )
    requests += on_the_wire(
        "host attack",
        b"GET /en/ HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET /en/ HTTP/1.0\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: {host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
        b"GET http://evil.example/en/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        b"GET http://{host}/en/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
        b"GET https://{host}/admin/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n",
    )
    requests.append(
        HostileRequest(
            "host attack",
            "POST",
            "/admin/password_reset/",
            headers=(*FORM, ("Host", "evil.example")),
            body=b"email=admin%40example.org",
            expect=frozenset({400}),
        )
    )
    return requests


def every_value(category: str, values, *targets: str, safe: str = "") -> list[HostileRequest]:
    """A GET of each target ("{v}" standing for the value, percent-encoded) for each value."""
    return [
        get(category, target.replace("{v}", quote(value, safe=safe)))
        for value in values
        for target in targets
    ]


def _payloads_in_query_parameters() -> list[HostileRequest]:
    requests = every_value(
        "payload in query",
        PAYLOADS,
        f"{SEARCH}?q={{v}}",
        f"{SEARCH_JA}?q={{v}}&page={{v}}",
        f"{EVENTS}?year={{v}}&page={{v}}",
        f"{FEES}?category={{v}}&population={{v}}",
        f"{HOME}?{{v}}={{v}}",
    )
    requests += [
        get("payload in query", f"/admin/login/?next={quote(target, safe='')}")
        for target in ("//evil.example/", "javascript:alert('hx')", SCRIPT, "/admin/%0d%0a")
    ]
    return requests


def _payloads_in_form_fields() -> list[HostileRequest]:
    requests = []
    for name in [*APPLICATION, "hp_leave_empty", "submission_token"]:
        for payload in (SCRIPT, SQLISH[0], "\u202e" + IMAGE):
            requests.append(
                post("payload in form", APPLY, {**APPLICATION, name: payload}, csrf_from=APPLY)
            )
    requests += [
        post("payload in form", APPLY_JA, {**APPLICATION, "organisation": SVG}, csrf_from=APPLY_JA),
        post("payload in form", APPLY, {**APPLICATION, "message": "x" * 6000}, csrf_from=APPLY),
        post(
            "payload in form", APPLY, {**APPLICATION, "population": "1e999999999"}, csrf_from=APPLY
        ),
        post("payload in form", APPLY, {**APPLICATION, "population": "²"}, csrf_from=APPLY),
        post("payload in form", APPLY, {**APPLICATION, "population": "NaN"}, csrf_from=APPLY),
        post("payload in form", APPLY, {**APPLICATION, "population": "9" * 2000}, csrf_from=APPLY),
        post("payload in form", APPLY, {**APPLICATION, "e_mail": "a@b@c<script>"}, csrf_from=APPLY),
        post("payload in form", APPLY, {"organisation": SCRIPT}, csrf_from=APPLY),
        post("payload in form", APPLY, {}, csrf_from=APPLY),
        post("payload in form", CONTACT_EMAIL, {"x": SCRIPT}, csrf_from=APPLY),
    ]
    return requests


def _oversized_bodies() -> list[HostileRequest]:
    big = b"organisation=" + b"x" * 3_000_000
    many_fields = "&".join(f"f{n}=1" for n in range(12_000)).encode()
    many_files = (
        b"".join(
            b'--b\r\nContent-Disposition: form-data; name="f%d"; filename="a%d.txt"\r\n\r\nx\r\n'
            % (n, n)
            for n in range(150)
        )
        + b"--b--\r\n"
    )
    multipart = (("Content-Type", "multipart/form-data; boundary=b"),)

    def oversized(body: bytes, *, expect: int, headers=FORM, target=APPLY, csrf=True):
        return HostileRequest(
            "oversized body",
            "POST",
            target,
            headers=headers,
            body=body,
            csrf_from=APPLY if csrf else "",
            expect=frozenset({expect}),
        )

    return [
        oversized(big, expect=400),
        oversized(big, expect=403, csrf=False),
        oversized(many_fields, expect=400),
        oversized(many_files, expect=400, headers=multipart),
        oversized(big, expect=403, target=SEARCH, csrf=False),
        # A body that never arrives in full: the client stops after a few bytes.
        HostileRequest(
            "oversized body",
            "POST",
            "",
            raw=b"POST /en/contact/1/email/ HTTP/1.1\r\nHost: {host}\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n"
            b"Connection: close\r\n\r\na=1&b=",
            wire_only=True,
        ),
    ]


def _methods() -> list[HostileRequest]:
    requests = []
    for target in (HOME, ABOUT, FEES, APPLY, EVENT, EVENT_CALENDAR):
        for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "HEAD"):
            requests.append(HostileRequest("wrong method", method, target))
    for target in (SEARCH, "/sitemap.xml", "/robots.txt"):
        for method in ("POST", "PUT", "DELETE"):
            requests.append(
                HostileRequest("wrong method", method, target, expect=frozenset({403, 405}))
            )
    requests += on_the_wire(
        "wrong method",
        b"CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\nConnection: close\r\n\r\n",
        b"OPTIONS * HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        b"get /en/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        b"G\x00ET /en/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        b"GET /en/\r\n\r\n",
        b"GET /en/ HTTP/9.9\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        b"GET\t/en/\tHTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + b"\x00" * 64,
        b"\r\n\r\n\r\n",
    )
    return requests


def _missing_csrf() -> list[HostileRequest]:
    forbidden = frozenset({403})
    return [
        post("missing CSRF", APPLY, APPLICATION, expect=forbidden),
        post("missing CSRF", APPLY_JA, APPLICATION, expect=forbidden),
        post("missing CSRF", CONTACT_EMAIL, {}, expect=forbidden),
        post(
            "missing CSRF",
            "/admin/login/",
            {"username": "admin", "password": "x"},
            expect=forbidden,
        ),
        # A token that is not the cookie's.
        HostileRequest(
            "missing CSRF",
            "POST",
            APPLY,
            headers=(*FORM, ("Cookie", "csrftoken=" + "y" * 32)),
            body=form_body({**APPLICATION, "csrfmiddlewaretoken": "x" * 64}),
            expect=forbidden,
        ),
        HostileRequest(
            "missing CSRF",
            "POST",
            "/admin/logout/",
            headers=FORM,
            expect=forbidden,
        ),
    ]


def _admin() -> list[HostileRequest]:
    # Signed out, every admin address sends to the sign-in page or refuses; none shows data.
    targets = [
        "/admin/",
        "/admin/pages/",
        "/admin/pages/3/edit/",
        "/admin/pages/3/",
        "/admin/applications/",
        "/admin/applications/?export=csv",
        "/admin/applications/?export=xlsx&status=" + quote(SCRIPT),
        "/admin/applications/1/",
        "/admin/users/",
        "/admin/snippets/",
        "/admin/translation-status/?locale=" + quote(SCRIPT) + "&status=%ff",
        "/admin/api/main/pages/",
        "/admin/../admin/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/reports/site-history/",
        "/documents/1/anything.pdf",
        "/admin/login/?next=" + quote("http://evil.example/"),
    ]
    return [
        get("admin signed out", target, expect=frozenset({200, 302, 403, 404}))
        for target in targets
    ]


def _machine_readable() -> list[HostileRequest]:
    targets = [
        "/sitemap.xml?p=abc",
        "/sitemap.xml?section=" + quote(SCRIPT),
        "/sitemap.xml/../",
        "/sitemap-pages.xml?p=2",
        "/robots.txt?x=" + quote(SCRIPT),
        "/robots.txt/%00",
        EVENT_CALENDAR + "?tz=" + quote(SCRIPT),
        EVENT_CALENDAR + "?format=json&page=99999999999999999999",
        EVENT_CALENDAR + "%00",
        SESSION_CALENDAR + "?" + quote(SCRIPT, safe=""),
        SESSION_CALENDAR + "../../../../etc/passwd",
        EVENT + "calendar.ics",
        "/en/feed/",
        "/en/feed.rss?limit=-1",
    ]
    return [get("calendar, sitemap, feeds", target) for target in targets]


def _languages_and_addresses() -> list[HostileRequest]:
    # Our own category: addresses a crawler or a fuzzer makes up around the language prefixes.
    targets = [
        "/xx/",
        "/EN/",
        "/en-us/",
        "/ja-JP/",
        "/zh-hant/",
        "/en/ja/",
        "/ja/en/",
        "/en//",
        "/en/./",
    ]
    targets += [
        "/en/" + "../" * 4,
        "/%65%6e/",
        "/?lang=" + quote(SCRIPT),
        "/en/membership/apply/?" + "a" * 2000,
    ]
    return [get("language prefix", target) for target in targets]


def signed_in_requests() -> list[HostileRequest]:
    """Odd filters and pages in the admin's own lists, sent by a signed-in superuser."""
    inbox, report = "/admin/applications/", "/admin/translation-status/"
    values = [SCRIPT, "%ff", "99999999999999999999", "-1", "²", "2026-13-45", "' OR 1=1 --"]
    return every_value(
        "signed-in filters",
        values,
        f"{inbox}?status={{v}}&language_code={{v}}",
        f"{inbox}?category={{v}}&q={{v}}",
        f"{inbox}?submit_time_after={{v}}&submit_time_before={{v}}",
        f"{inbox}?p={{v}}&ordering={{v}}",
        f"{inbox}?export={{v}}",
        f"{report}?locale={{v}}&section={{v}}&status={{v}}",
        "/admin/pages/search/?q={v}&p={v}",
        safe="%",
    )


def hostile_requests() -> list[HostileRequest]:
    """Every hostile request, in categories."""
    return [
        *_traversal(),
        *_overlong(),
        *_encodings(),
        *_numbers(),
        *_headers(),
        *_hosts(),
        *_payloads_in_query_parameters(),
        *_payloads_in_form_fields(),
        *_oversized_bodies(),
        *_methods(),
        *_missing_csrf(),
        *_admin(),
        *_machine_readable(),
        *_languages_and_addresses(),
    ]
