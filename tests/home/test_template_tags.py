"""Template tags and filters that pages are built from."""

import base64

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils import translation

from home.embeds import Video, player_signature
from membership.templatetags.membership_tags import obfuscate_email


class VideoPreviewTagTests(SimpleTestCase):
    def render(self, url: str) -> str:
        with translation.override("en"):
            return Template("{% load video_tags %}{% video_preview url title %}").render(
                Context({"url": url, "title": "Session 1 <recording>"})
            )

    def test_a_youtube_link_becomes_a_click_to_load_preview(self):
        html = self.render("https://www.youtube.com/watch?v=abcDEF12345")
        # The site's own player page, which alone may frame the provider (home/video_player.py).
        signature = player_signature(Video(provider="youtube", video_id="abcDEF12345"))
        self.assertIn(f'data-player-url="/en/video-player/youtube/abcDEF12345/{signature}/"', html)
        self.assertIn('href="https://www.youtube.com/watch?v=abcDEF12345"', html)
        self.assertIn("Session 1 &lt;recording&gt;", html)
        self.assertNotIn("<iframe", html)

    def test_a_preview_offers_the_plain_link_so_unpublished_videos_get_no_player_address(self):
        preview = type("Request", (), {"is_preview": True})()
        with translation.override("en"):
            html = Template("{% load video_tags %}{% video_preview url title %}").render(
                Context(
                    {"url": "https://youtu.be/abcDEF12345", "title": "Draft", "request": preview}
                )
            )
        self.assertNotIn("data-player-url", html)
        self.assertIn('href="https://youtu.be/abcDEF12345"', html)

    def test_other_links_stay_plain_links(self):
        html = self.render("https://example.org/talk")
        self.assertNotIn("data-player-url", html)
        self.assertIn('href="https://example.org/talk"', html)


class ObfuscateEmailTests(SimpleTestCase):
    def test_the_address_is_reversed_and_encoded(self):
        encoded = obfuscate_email("team@example.org")
        self.assertNotIn("@", encoded)
        self.assertEqual(base64.b64decode(encoded).decode()[::-1], "team@example.org")

    def test_an_empty_address_gives_an_empty_value(self):
        self.assertEqual(obfuscate_email(""), "")
