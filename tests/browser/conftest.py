"""Browser tests: a real server with the demo content, driven by Playwright in Debian's Chromium.

The server is a separate `manage.py runserver` process on its own database (a fresh SQLite file,
or a throwaway PostgreSQL database when the suite runs on PostgreSQL), built the way `make run`
builds it: migrate, roles, demo content.
"""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.live_servers import free_port, server_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "artifacts" / "screenshots"))


@pytest.fixture(scope="session")
def site_url(site_server):
    return site_server["url"]


@pytest.fixture(scope="session")
def site_manage(site_server):
    """Run a management command against the live site's database (to arrange a scenario)."""

    def manage(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=site_server["env"],
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
        return result.stdout

    return manage


@pytest.fixture(scope="session")
def demo_accounts(site_server):
    """The live site's development accounts, one per role: {"Editors": (username, password)}.

    Made by `create_demo_accounts` as a developer would; it runs only with DEBUG on, so this one
    command gets DEBUG=true (the server itself keeps showing the real error pages).
    """
    result = subprocess.run(
        [sys.executable, "manage.py", "create_demo_accounts"],
        cwd=ROOT,
        env={**site_server["env"], "DEBUG": "true"},
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = re.finditer(r"^\s+(\S+)\s+user: (\S+)\s+password: (\S+)$", result.stdout, re.M)
    return {role: (username, password) for role, username, password in map(re.Match.groups, lines)}


@pytest.fixture(scope="session")
def site_server():
    """A live demo site for the whole browser test session: its URL and environment."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: run `make browser` (apt-get install chromium)."
        )
    var_dir = Path(tempfile.mkdtemp(prefix="browser-site-"))
    database_url, drop_database = server_database(var_dir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        # Several tests send applications from 127.0.0.1; the limit itself is tested elsewhere.
        "APPLICATION_RATE_LIMIT": "1000",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for command in (["migrate", "--noinput", "-v0"], ["setup_roles"], ["load_demo_content"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=600,
        )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/robots.txt", timeout=2)  # noqa: S310 (our own server)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("The demo server did not start.")
        yield {"url": url, "env": env}
    finally:
        server.terminate()
        server.wait(timeout=20)
        drop_database()
        shutil.rmtree(var_dir, ignore_errors=True)


# Runs in every frame before its own scripts: hands each CSP violation to the test.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolation({
    directive: event.effectiveDirective, blocked: event.blockedURI,
    page: event.documentURI, source: event.sourceFile, line: event.lineNumber,
    sample: event.sample,
  });
}, true);
"""


class Watch:
    """What the browser did that the site promises never happens: CSP violations, and requests
    to any origin but the live site's own (no third party, no gravatar, in the admin too)."""

    def __init__(self, origin: str):
        self.origin = origin
        self.contexts: list = []
        self.violations: list[dict] = []
        self.outside: list[str] = []

    def context(self, context):
        context.expose_binding(
            "__cspViolation", lambda _source, found: self.violations.append(found)
        )
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("request", self._request)
        context.on("close", lambda closed: self.contexts.remove(closed))
        self.contexts.append(context)
        return context

    def _request(self, request) -> None:
        parsed = urlparse(request.url)
        origin = f"{parsed.scheme}://{parsed.netloc}"
        if parsed.scheme in ("http", "https", "ws", "wss") and origin != self.origin:
            self.outside.append(request.url)

    def settle(self) -> None:
        """Take in reports still on their way from open pages (a round trip to each)."""
        for context in list(self.contexts):
            for page in context.pages:
                # A page closing or navigating away has nothing left to report.
                with contextlib.suppress(Exception):
                    page.evaluate("0")

    def take(self) -> tuple[list[dict], list[str]]:
        self.settle()
        found = (self.violations[:], self.outside[:])
        self.violations.clear()
        self.outside.clear()
        return found


class WatchedBrowser:
    """The browser, with every new context watched (the journeys open their own contexts)."""

    def __init__(self, browser, watch: Watch):
        self._browser, self.watch = browser, watch

    def new_context(self, **options):
        return self.watch.context(self._browser.new_context(**options))

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser(site_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield WatchedBrowser(chromium, Watch(site_url))
        chromium.close()


@pytest.fixture(autouse=True)
def no_csp_violation_and_no_request_elsewhere(request):
    """Every browser test fails on a CSP violation or a request leaving the site's own origin
    (a test may allow named origins with @pytest.mark.allow_requests_to(...))."""
    watch = request.getfixturevalue("browser").watch
    # Set up first so that its pages are still open when the reports are taken in.
    request.getfixturevalue("new_page")
    watch.take()
    yield
    violations, outside = watch.take()
    marker = request.node.get_closest_marker("allow_requests_to")
    allowed = tuple(marker.args) if marker else ()
    assert violations == [], f"Content-Security-Policy violations: {violations}"
    assert [url for url in outside if not url.startswith(allowed)] == [], "left the site"


@pytest.fixture
def new_page(browser):
    """A fresh browser page; pass Playwright context options (viewport, timezone_id…)."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def sign_in(page, site_url: str, username: str, password: str) -> None:
    """Sign in to the admin on the login page, as a person would, and land on the dashboard."""
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site_url + "/admin/")


def screenshot(page, name: str) -> None:
    """Keep a picture of what the visitor saw, for a person to look at (CI keeps the folder)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
