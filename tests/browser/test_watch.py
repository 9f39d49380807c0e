"""Guards the harness: the watch every browser test runs under does see what it must forbid."""

import pytest

pytestmark = pytest.mark.browser


def test_an_inline_script_on_a_public_page_is_blocked_and_seen(site_url, new_page, browser):
    page = new_page()
    page.goto(site_url + "/en/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.body.append(s); }"
    )
    violations, _outside = browser.watch.take()
    assert page.evaluate("window.injected === undefined"), "the policy blocked it"
    assert [found["directive"] for found in violations] == ["script-src-elem"]


def test_a_request_to_another_origin_is_seen(new_page, browser):
    page = new_page()
    page.route("http://192.0.2.1/**", lambda route: route.abort())
    with page.expect_request("http://192.0.2.1/**"):
        page.set_content('<img alt="" src="http://192.0.2.1/pixel.png">')
    _violations, outside = browser.watch.take()
    assert outside == ["http://192.0.2.1/pixel.png"]
