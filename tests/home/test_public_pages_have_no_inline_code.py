"""Every page of the demo site, in both languages, works under a policy without inline code."""

import json

from django.http import HttpResponse
from django.test import SimpleTestCase, TestCase

from wagtail.models import Page

import wagtail_factories

from tests.csp import parse_policy
from tests.demo_site import DemoSiteTestCase
from tests.factories import StandardPageFactory, make_site
from tests.visible import soup

DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}


def inline_code(response) -> list[str]:
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


class PublicPagesHaveNoInlineCodeTests(DemoSiteTestCase):
    def test_every_live_page_in_both_languages(self):
        pages = Page.objects.live().filter(depth__gt=1).specific()
        paths = [page.url for page in pages]
        self.assertTrue(any(path.startswith("/ja/") for path in paths))
        self.assertGreater(len(paths), 20)
        for path in [*paths, "/en/search/?q=city", "/ja/search/?q=都市", "/ja/no-such-page/"]:
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertIn(response.status_code, (200, 404))
                self.assertEqual(inline_code(response), [])

    def test_the_event_page_data_block_carries_the_nonce(self):
        response = self.client.get("/en/events/zero-carbon-city-international-forum-2022/")
        block = soup(response).find("script", type="application/ld+json")
        policy = parse_policy(response.headers["Content-Security-Policy"])
        self.assertIn(f"'nonce-{block['nonce']}'", policy["script-src"])


class EveryBodyBlockHasNoInlineCodeTests(TestCase):
    def test_a_page_using_every_shared_block(self):
        image = wagtail_factories.ImageFactory()
        document = wagtail_factories.DocumentFactory()
        blocks = [
            ("heading", {"text": "Section", "level": "h2"}),
            ("paragraph", '<p>Text with <a href="https://example.org">a link</a>.</p>'),
            ("image", {"image": image.pk, "alt_text": "A tram", "caption": "Caption"}),
            ("embed", {"url": "https://youtu.be/abcDEF12345", "title": "Talk", "caption": ""}),
            ("embed", {"url": "https://example.org/talk", "title": "Elsewhere", "caption": ""}),
            ("quote", {"quote": "Together.", "attribution": "A mayor", "role": "City"}),
            (
                "call_to_action",
                {
                    "title": "Join",
                    "text": "Become a member.",
                    "link": {"label": "Apply", "page": None, "external_url": "https://example.org"},
                },
            ),
            ("document", {"document": document.pk, "label": "Report"}),
            (
                "table",
                {
                    "caption": "Members",
                    "column_headings": ["Region", "Members"],
                    "rows": [["Asia", "10"]],
                    "first_column_is_header": True,
                },
            ),
        ]
        body = json.dumps([{"type": kind, "value": value} for kind, value in blocks])
        StandardPageFactory(parent=make_site(), slug="every-block", body=body)
        response = self.client.get("/en/every-block/")
        self.assertContains(response, "data-player-url=")
        self.assertContains(response, "<table>")
        self.assertEqual(inline_code(response), [])


class InlineCodeCheckTests(SimpleTestCase):
    """Guards the check above: a page with each kind of inline code must fail it."""

    def test_each_kind_of_inline_code_is_found(self):
        response = HttpResponse(
            '<script>alert(1)</script><script type="application/ld+json" nonce="other">{}'
            '</script><style>p{}</style><p style="color:red" onclick="x()">Hi</p>'
        )
        response["Content-Security-Policy"] = "script-src 'self' 'nonce-abc'"
        self.assertEqual(len(inline_code(response)), 5)
