"""A moderator steers search through the real admin; visitors in both languages see the result.

The moderator (the demo's Moderators account) promotes the fees page for a term, adds an English
synonym group, and reads the search terms report after visitors searched. Screenshots go to
artifacts/screenshots/search-steering-*.png.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

TERM = "subscription"


def promote_fees_page(page, site_url: str) -> None:
    page.goto(site_url + "/admin/searchpicks/add/")
    expect(page.locator("[data-search-promotion-help]")).to_contain_text("Japanese translation")
    page.get_by_label("Search term(s)/phrase").fill(TERM)
    page.get_by_role("button", name="Add a recommended result").click()
    page.get_by_role("button", name="Choose a page").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox", name="Search term").fill("Rates")
    modal.get_by_role("link", name="Rates and dues").first.click()
    expect(modal).to_be_hidden()
    expect(page.locator(".chooser__title")).to_contain_text("Rates and dues")
    page.get_by_label("Description").fill("Fees for each kind of member.")
    screenshot(page, "search-steering-promotion")
    with page.expect_navigation():
        page.get_by_role("button", name="Create").click()
    expect(page.locator(".messages")).to_contain_text(TERM)


def add_synonyms(page, site_url: str) -> None:
    page.goto(site_url + "/admin/snippets/home/searchsynonymgroup/add/")
    page.get_by_role("combobox", name="Language").select_option("en")
    page.get_by_role("textbox", name="Words that mean the same").fill("levy")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("Enter at least two words or phrases")
    page.get_by_role("textbox", name="Words that mean the same").fill("levy, dues")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("created")


def test_a_moderator_promotes_a_page_adds_synonyms_and_reads_what_visitors_searched(
    site_url, new_page, demo_accounts
):
    moderator = new_page(viewport={"width": 1280, "height": 900})
    sign_in(moderator, site_url, *demo_accounts["Moderators"])
    promote_fees_page(moderator, site_url)
    add_synonyms(moderator, site_url)

    visitor = new_page()
    visitor.goto(f"{site_url}/ja/search/?q={TERM}")
    promoted = visitor.locator(".search-promoted")
    expect(promoted.get_by_role("link", name="会費")).to_have_attribute(
        "href", "/ja/membership/rates-and-dues/"
    )
    screenshot(visitor, "search-steering-japanese-results")
    visitor.goto(f"{site_url}/en/search/?q=levy")
    expect(visitor.locator(".search-promoted")).to_have_count(0)
    expect(
        visitor.locator(".search-results").get_by_role("link", name="Rates and dues")
    ).to_be_visible()
    visitor.goto(f"{site_url}/en/search/?q=zzzunfound")

    moderator.get_by_role("button", name="Reports").click()
    moderator.get_by_role("link", name="Search terms").click()
    expect(moderator.locator("[data-report=found-nothing]")).to_contain_text("zzzunfound")
    expect(moderator.locator("[data-report=popular]")).to_contain_text("levy")
    moderator.get_by_label("Language").select_option("ja")
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Show").click()
    expect(moderator.locator("[data-report=popular]")).to_contain_text(TERM)
    screenshot(moderator, "search-steering-report")
