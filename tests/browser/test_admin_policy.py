"""The admin's main screens, and the live site seen by a signed-in editor, under the enforced
policies: the watch (conftest) fails a test on any violation or request leaving the site."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

FORUM = "/en/events/zero-carbon-city-international-forum-2022/"
ADMIN_SCREENS = (
    "/admin/",
    "/admin/pages/",
    "/admin/snippets/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/account/",
    "/admin/translation-status/",
    "/admin/reports/site-history/",
)


@pytest.fixture
def superuser_page(new_page, site_url, demo_accounts):
    page = new_page(viewport={"width": 1280, "height": 900})
    username, password = demo_accounts["Superuser"]
    sign_in(page, site_url, username, password)
    return page


def test_the_admin_screens_load_nothing_from_elsewhere_and_break_no_policy(
    superuser_page, site_url
):
    for path in ADMIN_SCREENS:
        response = superuser_page.goto(site_url + path, wait_until="networkidle")
        assert response.status < 400, path
        assert "'unsafe-eval'" not in response.headers["content-security-policy"]
    expect(superuser_page.locator("img[src*='gravatar']")).to_have_count(0)


def test_editing_an_event_with_its_preview_panel_breaks_no_policy(superuser_page, site_url):
    # The live page as a signed-in editor sees it: with Wagtail's userbar and its checks.
    superuser_page.goto(site_url + FORUM, wait_until="networkidle")
    superuser_page.get_by_role("button", name="View Wagtail quick actions").click()
    superuser_page.get_by_role("menuitem", name="Edit this page").click()
    superuser_page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    superuser_page.get_by_role("button", name="Toggle preview").click()
    preview = superuser_page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_be_visible()
