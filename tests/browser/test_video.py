"""Videos load nothing from the provider until the visitor asks for them."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_pages import WCAG, leaves_the_site
from tests.csp import parse_policy

pytestmark = pytest.mark.browser

PLAYER = "https://www.youtube-nocookie.com"
SESSION = "/en/events/zero-carbon-city-international-forum-2022/day-2-closing-remarks/"
SET_RECORDING = (
    "from events.models import SessionPage\n"
    "for session in SessionPage.objects.filter(slug='day-2-closing-remarks'):\n"
    "    session.recording_url = 'https://www.youtube.com/watch?v=EXAMPLE1234'\n"
    "    session.save_revision().publish()\n"
)


@pytest.mark.allow_requests_to(PLAYER)
def test_a_recording_loads_the_privacy_enhanced_player_only_on_request(
    site_url, site_manage, new_page
):
    site_manage("shell", "-c", SET_RECORDING)
    page = new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # Offline: the provider is never reached; the frame and its address are what is checked.
    page.route(f"{PLAYER}/**", lambda route: route.abort())
    response = page.goto(site_url + SESSION, wait_until="networkidle")
    assert parse_policy(response.headers["content-security-policy"])["frame-src"] == ["'self'"]
    assert [url for url in requests if leaves_the_site(url)] == []
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()

    with page.expect_request(lambda request: request.url.startswith(PLAYER)):
        page.get_by_role("button", name="Play the video").click()
    frame = page.locator(".video-preview iframe")
    # The site's own player page, at the signed address the live page wrote.
    assert frame.get_attribute("src").startswith("/en/video-player/youtube/EXAMPLE1234/")
    player = page.frame_locator(".video-preview iframe").locator("iframe")
    assert player.get_attribute("src") == f"{PLAYER}/embed/EXAMPLE1234?autoplay=1"
    outside = [url for url in requests if leaves_the_site(url)]
    assert outside and all(url.startswith(PLAYER) for url in outside)
