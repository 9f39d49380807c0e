"""Sending the hostile requests through a transport (test client or socket) and judging answers."""

import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Protocol

from django.test import Client

from tests.security.hostile_request import HostileRequest
from tests.security.wire import send_raw

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    detail: str = ""  # what the server said went wrong, where the transport can tell


class Transport(Protocol):
    def send(self, request: HostileRequest) -> Answer: ...


@dataclass
class SuiteResult:
    server: str
    sent: int = 0
    server_errors: list[str] = field(default_factory=list)
    other_failures: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"hostile suite ({self.server}): {self.sent} requests, "
            f"{len(self.server_errors)} server errors"
        )

    def report(self) -> str:
        return "\n".join([self.summary, *self.server_errors, *self.other_failures][:80])


def judge(request: HostileRequest, answer: Answer) -> tuple[str | None, str | None]:
    """(server error, other failure) for one answer; None where there is nothing to say."""
    where = f"{request.name} → {answer.status}"
    if answer.status >= 500:
        return f"{where} {answer.detail}".strip(), None
    if answer.status == 0 and not request.raw:
        return None, f"{where}: the connection closed without an answer"
    if request.expect and answer.status not in request.expect:
        return None, f"{where}, expected one of {sorted(request.expect)}"
    shown = [marker for marker in request.not_in_body if marker in answer.body]
    if shown:
        return None, f"{where}: the answer shows {shown[0]!r} unescaped"
    return None, None


def run_suite(*, server: str, transport: Transport, requests: list[HostileRequest]) -> SuiteResult:
    result = SuiteResult(server=server)
    for request in requests:
        answer = transport.send(request)
        result.sent += 1
        server_error, failure = judge(request, answer)
        if server_error:
            result.server_errors.append(server_error)
        if failure:
            result.other_failures.append(failure)
    return result


def csrf_headers(*, cookie_header: str, page: bytes) -> tuple[tuple[str, str], ...]:
    """The cookie and header a browser would send back with the form on `page`."""
    cookie = SimpleCookie()
    cookie.load(cookie_header)
    token = CSRF_INPUT.search(page)
    if "csrftoken" not in cookie or token is None:
        raise AssertionError("The form page gave no CSRF cookie and token.")
    return (
        ("Cookie", f"csrftoken={cookie['csrftoken'].value}"),
        ("X-CSRFToken", token.group(1).decode()),
    )


class ClientTransport:
    """Django's test client, as strict as a browser's server: CSRF enforced, no exception raised."""

    def __init__(self, *, host: str, user=None):
        self.host = host
        self.user = user

    def _client(self) -> Client:
        # A fresh client per request: no cookie from one request helps the next.
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        if self.user is not None:
            client.force_login(self.user)
        return client

    def _csrf(self, page: str) -> tuple[tuple[str, str], ...]:
        response = self._client().get(page, headers={"host": self.host})
        cookie = response.cookies["csrftoken"]
        return csrf_headers(cookie_header=f"csrftoken={cookie.value}", page=response.content)

    def send(self, request: HostileRequest) -> Answer:
        headers = list(request.headers)
        if request.csrf_from:
            headers += self._csrf(request.csrf_from)
        meta = {"HTTP_HOST": self.host}
        content_type = "application/octet-stream"
        for name, value in headers:
            key = name.upper().replace("-", "_")
            if key == "CONTENT_TYPE":
                content_type = value
            elif key == "CONTENT_LENGTH":
                meta[key] = value
            else:
                meta[f"HTTP_{key}"] = value
        response = self._client().generic(
            request.method, request.target, data=request.body, content_type=content_type, **meta
        )
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        exception = getattr(response, "exc_info", None)
        return Answer(response.status_code, body, detail=repr(exception[1]) if exception else "")


class WireTransport:
    """Bytes over a socket to a live server on 127.0.0.1."""

    def __init__(self, *, port: int):
        self.port = port
        self.host = f"127.0.0.1:{port}"

    def _csrf(self, page: str) -> tuple[tuple[str, str], ...]:
        answer = send_raw(self.port, self.wire_bytes(HostileRequest("form", "GET", page)))
        cookies = re.findall(r"(?im)^set-cookie: *(csrftoken=[^;\r\n]*)", answer.head)
        return csrf_headers(cookie_header="; ".join(cookies), page=answer.body)

    def wire_bytes(self, request: HostileRequest, extra=()) -> bytes:
        if request.raw:
            return request.raw.replace(b"{host}", self.host.encode())
        headers = [*request.headers, *extra]
        names = {name.lower() for name, _value in headers}
        if "host" not in names:
            headers.insert(0, ("Host", self.host))
        if "content-length" not in names and (request.body or request.method == "POST"):
            headers.append(("Content-Length", str(len(request.body))))
        headers.append(("Connection", "close"))
        lines = [f"{request.method} {request.target} HTTP/1.1"]
        lines += [f"{name}: {value}" for name, value in headers]
        return "\r\n".join(lines).encode() + b"\r\n\r\n" + request.body

    def send(self, request: HostileRequest) -> Answer:
        extra = self._csrf(request.csrf_from) if request.csrf_from else ()
        answer = send_raw(self.port, self.wire_bytes(request, extra))
        return Answer(answer.status, answer.body)
