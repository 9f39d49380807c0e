"""Every main task works with scripts off."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(new_page):
    return new_page(java_script_enabled=False)


def test_the_programme_reads_without_scripts(site_url, page):
    page.goto(site_url + "/ja/events/zero-carbon-city-international-forum-2022/")
    assert "10:00 JST" in page.inner_text(".programme")
    assert page.locator(".local-time").count() == 0


def test_the_fee_finder_answers_without_scripts(site_url, page):
    page.goto(site_url + "/en/membership/rates-and-dues/")
    page.select_option("#fee-category", "local_government")
    page.fill("#fee-population", "250000")
    with page.expect_navigation():
        page.click("text=Show my fee")
    assert "€3,000" in page.inner_text(".fee-finder__result")


def test_the_contact_address_is_one_button_away(site_url, page):
    page.goto(site_url + "/en/membership/associate-partnership/")
    assert "membership@example.org" not in page.content()
    with page.expect_navigation():
        page.click("text=Show the e-mail address")
    assert page.locator("a[href='mailto:membership@example.org']").count() == 1


def test_the_application_form_sends_without_scripts(site_url, page):
    page.goto(site_url + "/en/membership/apply/")
    page.fill("#id_organisation", "City without scripts")
    page.fill("#id_country", "Germany")
    page.fill("#id_contact_person", "NOSCRIPT Nora")
    page.fill("#id_e_mail", "nora@example.org")
    page.check("input[type=checkbox]")
    with page.expect_navigation():
        page.click("text=Send the application")
    assert page.locator("h1").inner_text() == "Thank you for your application"
