"""Video links become privacy-enhanced players; other links stay links."""

from django.test import SimpleTestCase

from home.embeds import checked_video, privacy_embed_url


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


class PlayerPageAddressTests(SimpleTestCase):
    """The player page takes a provider and an id from its address: only well-formed ones."""

    def test_known_providers_with_well_formed_ids_are_accepted(self):
        video = checked_video(provider="youtube", video_id="abcDEF12345")
        self.assertEqual(video.player_origin, "https://www.youtube-nocookie.com")
        self.assertEqual(
            checked_video(provider="vimeo", video_id="123456").embed_url,
            "https://player.vimeo.com/video/123456?dnt=1",
        )

    def test_anything_else_is_refused(self):
        for provider, video_id in (
            ("dailymotion", "abcDEF12345"),
            ("youtube", "abc"),
            ("youtube", "abc/DEF12345"),
            ("youtube", "abcDEF12345\n"),
            ("vimeo", "²"),
            ("vimeo", "12a"),
            ("vimeo", ""),
        ):
            with self.subTest(provider=provider, video_id=video_id):
                self.assertIsNone(checked_video(provider=provider, video_id=video_id))
