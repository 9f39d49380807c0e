"""Every main page, in English and Japanese, on desktop and phone: accessible, no sideways
scroll on a phone, nothing loaded from anywhere but the site itself."""

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/{lang}/",
    "events": "/{lang}/events/",
    "forum": "/{lang}/events/zero-carbon-city-international-forum-2022/",
    "session": "/{lang}/events/zero-carbon-city-international-forum-2022/session-1-net-zero-transition/",
    "membership": "/{lang}/membership/",
    "associates": "/{lang}/membership/associate-partnership/",
    "fees": "/{lang}/membership/rates-and-dues/",
    "testimonials": "/{lang}/membership/partner-testimonials/",
    "application": "/{lang}/membership/apply/",
    "search": "/{lang}/search/?q=network",
    "not-found": "/{lang}/no-such-page/",
}
WCAG = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
CASES = [(name, lang) for name in PAGES for lang in ("en", "ja")]


def outside_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


def leaves_the_site(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname not in (
        "127.0.0.1",
        "localhost",
    )


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_page_has_no_accessibility_violations_on_desktop(site_url, new_page, name, lang):
    page = new_page(viewport={"width": 1280, "height": 900})
    requests = outside_requests(page)
    page.goto(site_url + PAGES[name].format(lang=lang), wait_until="networkidle")
    screenshot(page, f"{name}-{lang}-desktop")
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
    assert [url for url in requests if leaves_the_site(url)] == []


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_page_fits_a_375px_phone_without_sideways_scrolling(site_url, new_page, name, lang):
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(site_url + PAGES[name].format(lang=lang), wait_until="networkidle")
    screenshot(page, f"{name}-{lang}-phone")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} ({lang}) is {overflow}px wider than the phone"


def test_the_accessibility_check_does_catch_problems(new_page):
    """Guards the harness: a page with known faults must fail the same check."""
    page = new_page()
    page.set_content('<html><body><img src="data:,"><a href="#"></a><input></body></html>')
    results = Axe().run(page, options=WCAG)
    found = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "link-name", "label"} <= found
