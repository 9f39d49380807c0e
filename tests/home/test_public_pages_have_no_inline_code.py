"""Every page of the demo site, in both languages, works under a policy without inline code."""

from wagtail.models import Page

from tests.csp import parse_policy
from tests.demo_site import DemoSiteTestCase
from tests.visible import soup

DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}


class PublicPagesHaveNoInlineCodeTests(DemoSiteTestCase):
    def inline_code(self, response) -> list[str]:
        """What on the page a policy without 'unsafe-inline' would block, or an unmarked data block."""
        nonce = "'nonce-{}'"
        sources = parse_policy(response.headers["Content-Security-Policy"])["script-src"]
        page = soup(response)
        found = []
        for script in page.find_all("script"):
            if script.get("src"):
                continue
            if script.get("type") not in DATA_BLOCK_TYPES:
                found.append(f"inline script: {str(script)[:80]}")
            elif nonce.format(script.get("nonce")) not in sources:
                found.append(f"data block without the response's nonce: {str(script)[:80]}")
        found += [f"<style>: {str(style)[:80]}" for style in page.find_all("style")]
        for element in page.find_all(True):
            for attribute in element.attrs:
                if attribute == "style" or attribute.lower().startswith("on"):
                    found.append(f"{attribute} attribute on <{element.name}>")
        return found

    def test_every_live_page_in_both_languages(self):
        pages = Page.objects.live().filter(depth__gt=1).specific()
        paths = [page.url for page in pages]
        self.assertTrue(any(path.startswith("/ja/") for path in paths))
        self.assertGreater(len(paths), 20)
        for path in [*paths, "/en/search/?q=city", "/ja/search/?q=都市", "/ja/no-such-page/"]:
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertIn(response.status_code, (200, 404))
                self.assertEqual(self.inline_code(response), [])

    def test_the_event_page_data_block_carries_the_nonce(self):
        response = self.client.get("/en/events/zero-carbon-city-international-forum-2022/")
        block = soup(response).find("script", type="application/ld+json")
        policy = parse_policy(response.headers["Content-Security-Policy"])
        self.assertIn(f"'nonce-{block['nonce']}'", policy["script-src"])
