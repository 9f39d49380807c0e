"""Hostile HTTP: malformed headers, Host attacks, oversized bodies, wrong methods, raw bytes."""

from tests.security.hostile_request import (
    APPLICATION,
    APPLY,
    CONTACT_EMAIL,
    EVENT_CALENDAR,
    EVENTS_FEEDS,
    FORM,
    HOME,
    PUBLIC_PAGES,
    SCRIPT,
    SEARCH,
    HostileRequest,
    form_body,
    get,
    on_the_wire,
)


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
        # Without a token the form's answers are offered back (home.views.csrf_failure), which
        # reads the body: too large to read is a 400.
        oversized(big, expect=400, csrf=False),
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
    for target in (*PUBLIC_PAGES, EVENT_CALENDAR, *EVENTS_FEEDS):
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


def protocol_requests() -> list[HostileRequest]:
    return [*_headers(), *_hosts(), *_oversized_bodies(), *_methods()]
