"""Hostile addresses: traversal, overlong and badly encoded paths, odd numbers and prefixes."""

from urllib.parse import quote

from tests.security.hostile_request import (
    BAD_NUMBERS,
    EVENT,
    EVENT_CALENDAR,
    EVENTS,
    EVENTS_FEEDS,
    EVENTS_JA,
    FEES,
    FEES_JA,
    HOME,
    SCRIPT,
    SEARCH,
    SEARCH_JA,
    SESSION_CALENDAR,
    HostileRequest,
    get,
    on_the_wire,
)


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
    for feed in EVENTS_FEEDS:
        targets += [
            feed + "?page=99999999999999999999&limit=-1",
            feed + "?" + quote(SCRIPT, safe=""),
            feed + "?format=json&since=%ff%fe",
            feed + "%00",
            feed + "../../../../etc/passwd",
            feed + "extra/",
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


def address_requests() -> list[HostileRequest]:
    return [
        *_traversal(),
        *_overlong(),
        *_encodings(),
        *_numbers(),
        *_machine_readable(),
        *_languages_and_addresses(),
    ]
