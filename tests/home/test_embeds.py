"""Video links become privacy-enhanced players; other links stay links."""

from django.test import SimpleTestCase

from home.embeds import privacy_embed_url


class PrivacyEmbedTests(SimpleTestCase):
    def test_youtube_links_use_the_no_cookie_player(self):
        for url in (
            "https://www.youtube.com/watch?v=abcDEF12345",
            "https://youtu.be/abcDEF12345",
            "https://m.youtube.com/watch?v=abcDEF12345&t=30",
            "https://www.youtube.com/live/abcDEF12345",
        ):
            with self.subTest(url=url):
                self.assertEqual(
                    privacy_embed_url(url), "https://www.youtube-nocookie.com/embed/abcDEF12345"
                )

    def test_vimeo_links_do_not_track(self):
        self.assertEqual(
            privacy_embed_url("https://vimeo.com/123456"),
            "https://player.vimeo.com/video/123456?dnt=1",
        )

    def test_other_or_odd_links_stay_links(self):
        for url in (
            "https://example.org/video",
            "",
            "not a url",
            "https://www.youtube.com/watch?v=<script>",
            "http://[::1",
        ):
            with self.subTest(url=url):
                self.assertIsNone(privacy_embed_url(url))
