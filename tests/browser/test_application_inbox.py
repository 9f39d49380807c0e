"""The membership team's journey through the Applications inbox in the real admin.

A visitor applies on the Japanese form; the team member (the demo's Membership account) finds
the application among every language's, opens it, moves it on, notes why, and exports the list.
Screenshots go to artifacts/screenshots/inbox-*.png.
"""

import codecs
import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

ORGANISATION = "ブラウザ市"
NOTE = "Spoke to the mayor's office: papers follow by post."


def apply_in_japanese(page, site_url: str) -> None:
    page.goto(site_url + "/ja/membership/apply/")
    page.locator("[name=organisation]").fill(ORGANISATION)
    page.locator("[name=type_of_organisation]").select_option(label="基礎自治体")
    page.locator("[name=country]").fill("日本")
    page.locator("[name=contact_person]").fill("山田太郎")
    page.locator("[name=e_mail]").fill("yamada@example.jp")
    page.locator("input[type=checkbox]").check()
    with page.expect_navigation():
        page.locator(".application-form [type=submit]").click()


def test_the_team_finds_opens_decides_notes_and_exports_an_application(
    site_url, new_page, demo_accounts
):
    apply_in_japanese(new_page(), site_url)

    page = new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    username, password = demo_accounts["Membership"]
    sign_in(page, site_url, username, password)

    page.get_by_role("link", name="Applications").click()
    page.get_by_role("textbox", name="Search").fill("ブラウザ")
    row = page.get_by_role("row").filter(has_text=ORGANISATION)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Local government")
    expect(row).to_contain_text("Japanese")
    screenshot(page, "inbox-list")

    row.get_by_role("link", name=ORGANISATION).click()
    expect(page.locator("main")).to_contain_text("Local government")
    expect(page.locator("main")).to_contain_text("Yes, on")
    page.get_by_label("New status").select_option(label="In review")
    with page.expect_navigation():
        page.get_by_role("button", name="Change status").click()
    expect(page.locator(".messages")).to_contain_text("Status changed.")
    expect(page.locator("[data-application-status]")).to_have_text("In review")

    page.get_by_role("textbox", name=re.compile(r"^Note")).fill(NOTE)
    with page.expect_navigation():
        page.get_by_role("button", name="Add note").click()
    expect(page.locator("main")).to_contain_text(NOTE)
    screenshot(page, "inbox-detail")

    page.get_by_role("link", name="History").first.click()
    expect(page.locator("main")).to_contain_text("Status changed from “New” to “In review”")
    expect(page.locator("main")).to_contain_text(f"Note added: {NOTE}")
    screenshot(page, "inbox-history")

    page.goto(site_url + "/admin/applications/")
    page.get_by_role("button", name=re.compile("More|Actions")).first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(codecs.BOM_UTF8)
    heading, *rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    mine = next(row for row in rows if ORGANISATION in row)
    assert mine[heading.index("Type of organisation")] == "Local government"
    assert mine[heading.index("Status")] == "In review"


def test_deleting_the_form_page_in_the_admin_keeps_its_applications(
    site_url, new_page, demo_accounts
):
    # Only superusers may delete pages; the page's own "Delete" action is Wagtail's view.
    apply_in_japanese(new_page(), site_url)
    page = new_page(viewport={"width": 1280, "height": 900})
    username, password = demo_accounts["Superuser"]
    sign_in(page, site_url, username, password)

    page.goto(site_url + "/admin/pages/search/?q=Application+form")
    page.get_by_role("link", name="Application form", exact=True).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    delete_url = re.sub(r"/edit/$", "/delete/", page.url)
    page.goto(delete_url)
    expect(page.locator(".messages")).to_contain_text("membership application")
    screenshot(page, "inbox-delete-refused")
    page.goto(site_url + "/ja/membership/apply/")
    expect(page.locator("h1")).to_be_visible()
