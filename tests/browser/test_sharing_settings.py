"""The superuser names the network's profiles in Settings → Sharing; shared links and search
engines see them on the home page at once (the organisation's JSON-LD)."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

PROFILE = "https://www.youtube.com/@example-network"


def organisation_data(page) -> dict:
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    items = [
        item for block in blocks for item in json.loads(block).get("@graph", [json.loads(block)])
    ]
    return next(item for item in items if item.get("@type") == "Organization")


def test_the_superuser_adds_a_profile_link_and_the_home_page_names_it(
    site_url, new_page, demo_accounts
):
    admin = new_page(viewport={"width": 1280, "height": 900})
    sign_in(admin, site_url, *demo_accounts["Superuser"])
    admin.goto(site_url + "/admin/settings/home/sharingsettings/")
    profiles = admin.get_by_role("textbox", name="The network's profiles elsewhere")
    profiles.fill("youtube example network")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Save").click()
    # A line that is not an address is named, and nothing is saved.
    expect(admin.locator("main")).to_contain_text("is not a web address")
    admin.get_by_role("textbox", name="The network's profiles elsewhere").fill(PROFILE)
    screenshot(admin, "sharing-settings-profiles")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Save").click()
    expect(admin.locator(".messages")).to_contain_text("updated")

    visitor = new_page()
    for language in ("en", "ja"):
        visitor.goto(f"{site_url}/{language}/")
        assert organisation_data(visitor).get("sameAs") == [PROFILE]
