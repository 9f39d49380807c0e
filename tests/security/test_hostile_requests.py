"""No hostile request gets a server error, through the test client or from a live server.

The requests are in tests/security/hostile_requests.py; each run prints a one-line summary
("hostile suite (…): N requests, 0 server errors") at the end of the test run.
"""

import logging

from django.core.cache import cache
from django.test import override_settings

import pytest

from tests.demo_site import DemoSiteTestCase
from tests.factories import make_admin
from tests.security.hostile_requests import hostile_requests, signed_in_requests
from tests.security.live_server import live_demo_sites
from tests.security.report import record
from tests.security.runner import ClientTransport, WireTransport, run_suite
from tests.security.wire import send_raw

# The bar: at least this many hostile requests per server.
AT_LEAST = 150


def runserver_draining_overflow(traceback: str) -> bool:
    """Django's development server drains the body after answering; a Content-Length past
    2**63 makes that read overflow, and wsgiref prints the traceback itself after the visitor
    got their 403. That is the development server's own code (gunicorn answers the same
    request without it), so only this traceback is let through, and only from the development
    server."""
    return (
        "django/core/servers/basehttp.py" in traceback
        and "in close" in traceback
        and traceback.rstrip().endswith(
            "OverflowError: cannot fit 'int' into an index-sized integer"
        )
    )


def logged_errors(log: str, *, allowed=lambda traceback: False) -> list[str]:
    """Each ERROR line (Django's, or gunicorn's [ERROR]/[CRITICAL]), and each traceback (up to its exception line) that is not `allowed`."""
    found, lines, number = [], log.splitlines(), 0
    while number < len(lines):
        line = lines[number]
        if line.startswith("Traceback"):
            end = number + 1
            while end < len(lines) and lines[end].startswith((" ", "\t")):
                end += 1
            block = "\n".join(lines[number : end + 1])
            if not allowed(block):
                found.append(block)
            number = end + 1
            continue
        if " ERROR " in line or "[ERROR]" in line or "[CRITICAL]" in line:
            found.append(line)
        number += 1
    return found


PRODUCTION, DEVELOPMENT = "production settings on gunicorn", "make run's development server"


class ErrorRecords(logging.Handler):
    """Every record at ERROR or above, from any logger, while it is attached to the root."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@override_settings(ALLOWED_HOSTS=["127.0.0.1", "localhost"])
class HostileRequestsThroughTheTestClientTests(DemoSiteTestCase):
    def tearDown(self):
        # The applications sent count against the visitor's allowance in the shared cache.
        cache.clear()

    def run_suite_watching_the_log(self, *, server: str, transport, requests):
        errors = ErrorRecords()
        logging.getLogger().addHandler(errors)
        try:
            result = run_suite(server=server, transport=transport, requests=requests)
        finally:
            logging.getLogger().removeHandler(errors)
        record(result.summary)
        return result, errors

    def test_no_hostile_request_gets_a_server_error_or_an_error_in_the_log(self):
        requests = [request for request in hostile_requests() if not request.wire_only]
        result, errors = self.run_suite_watching_the_log(
            server="test client", transport=ClientTransport(host="127.0.0.1"), requests=requests
        )
        self.assertGreaterEqual(result.sent, AT_LEAST)
        self.assertEqual(result.server_errors + result.other_failures, [], result.report())
        self.assertEqual(
            [f"{item.levelname} {item.name}: {item.getMessage()}" for item in errors.records],
            [],
            "a client's fault was logged as an error",
        )

    def test_odd_filters_in_the_admin_lists_get_no_server_error(self):
        result, errors = self.run_suite_watching_the_log(
            server="test client, signed in",
            transport=ClientTransport(host="127.0.0.1", user=make_admin()),
            requests=signed_in_requests(),
        )
        self.assertEqual(result.server_errors + result.other_failures, [], result.report())
        self.assertEqual([item.getMessage() for item in errors.records], [])


@pytest.fixture(scope="module")
def live_sites():
    with live_demo_sites() as servers:
        yield servers


@pytest.fixture
def production_site(live_sites):
    return live_sites[PRODUCTION]


@pytest.fixture
def development_site(live_sites):
    return live_sites[DEVELOPMENT]


def assert_no_server_error_and_no_error_logged(server, *, allowed_traceback=lambda t: False):
    result = run_suite(
        server=server.name, transport=WireTransport(port=server.port), requests=hostile_requests()
    )
    record(result.summary)
    log = server.log_text()
    assert result.sent >= AT_LEAST, result.summary
    assert not result.server_errors + result.other_failures, f"{result.report()}\n{log[-5000:]}"
    errors = logged_errors(log, allowed=allowed_traceback)
    assert not errors, "\n\n".join(errors[:5])


def test_production_server_answers_every_hostile_request_without_a_server_error(production_site):
    assert_no_server_error_and_no_error_logged(production_site)


def test_development_server_answers_every_hostile_request_without_a_server_error(
    development_site,
):
    assert_no_server_error_and_no_error_logged(
        development_site, allowed_traceback=runserver_draining_overflow
    )


def test_development_server_keeps_paths_inside_static_and_still_serves_static(development_site):
    def status(path: str) -> int:
        request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        return send_raw(development_site.port, request.encode()).status

    # Django's own development handler answered these with a server error.
    assert status("/static/../../etc/passwd") == 404
    assert status("/static/%2e%2e/%2e%2e/etc/passwd") == 404
    assert status("/static/css/site.css") == 200
