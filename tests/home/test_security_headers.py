"""Every response tells the browser what it may load and use: CSP and Permissions-Policy."""

import json
import os
import tempfile

from django.test import TestCase, override_settings

from home.embeds import Video, player_signature
from tests.csp import other_origins, parse_policy
from tests.factories import make_site, user_in_role
from tests.subprocesses import PRODUCTION_ENV, run_python
from tests.visible import soup

UNSAFE = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"}
YOUTUBE = "https://www.youtube-nocookie.com"


def policy_of(response) -> dict[str, list[str]]:
    return parse_policy(response.headers["Content-Security-Policy"])


class PublicPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site(japanese=True)

    def test_public_pages_allow_no_inline_or_evaluated_script_or_style(self):
        for path in ("/en/", "/ja/", "/en/search/?q=city", "/en/no-such-page/"):
            with self.subTest(path=path):
                policy = policy_of(self.client.get(path))
                self.assertEqual(policy["default-src"], ["'none'"])
                for directive in ("script-src", "style-src"):
                    self.assertIn("'self'", policy[directive])
                    self.assertFalse(UNSAFE & set(policy[directive]), policy[directive])
                self.assertNotIn("script-src-attr", policy)
                self.assertNotIn("style-src-attr", policy)

    def test_public_pages_cannot_be_framed_elsewhere_or_send_forms_or_plugins_away(self):
        policy = policy_of(self.client.get("/en/"))
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertEqual(policy["form-action"], ["'self'"])
        self.assertEqual(policy["base-uri"], ["'none'"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["frame-src"], ["'self'"], "no video provider before the click")
        self.assertEqual(other_origins(policy), set())

    def test_violations_are_reported_to_the_site(self):
        response = self.client.get("/en/")
        policy = policy_of(response)
        self.assertEqual(policy["report-uri"], ["/csp-report/"])
        self.assertEqual(policy["report-to"], ["csp"])
        self.assertEqual(response.headers["Reporting-Endpoints"], 'csp="/csp-report/"')

    def test_the_policy_holds_on_files_and_redirects_too(self):
        for path in ("/", "/robots.txt", "/favicon.ico"):
            with self.subTest(path=path):
                self.assertIn("object-src 'none'", self.client.get(path)["Content-Security-Policy"])


# A URLconf with a page that fails, to see the 500 page's policy.
@override_settings(ROOT_URLCONF="tests.home.test_error_pages")
class ServerErrorPolicyTests(TestCase):
    def setUp(self):
        self.client.raise_request_exception = False

    def test_the_error_page_is_styled_by_a_file_of_the_sites_own_not_inline(self):
        response = self.client.get("/en/broken/")
        self.assertEqual(response.status_code, 500)
        policy = policy_of(response)
        self.assertFalse(UNSAFE & set(policy["style-src"]))
        self.assertFalse(UNSAFE & set(policy["script-src"]))
        self.assertIsNone(soup(response).find("style"))
        self.assertTrue(
            soup(response).find("link", rel="stylesheet")["href"].startswith("/static/")
        )


class AdminPolicyTests(TestCase):
    def test_the_admin_loads_nothing_from_another_origin(self):
        self.client.force_login(user_in_role("Editors"))
        for path in ("/admin/login/", "/admin/"):
            with self.subTest(path=path):
                response = self.client.get(path, follow=True)
                policy = policy_of(response)
                self.assertEqual(other_origins(policy), set())
                self.assertNotIn("'unsafe-eval'", policy["script-src"])
                self.assertEqual(policy["script-src-attr"], ["'none'"], "no inline handlers")
                self.assertEqual(policy["object-src"], ["'none'"])
                self.assertEqual(policy["base-uri"], ["'none'"])
                self.assertEqual(policy["form-action"], ["'self'"])
                self.assertEqual(policy["frame-ancestors"], ["'self'"])

    def test_no_avatar_is_fetched_from_gravatar(self):
        self.client.force_login(user_in_role("Editors"))
        response = self.client.get("/admin/")
        self.assertNotContains(response, "gravatar")

    def test_the_admin_shows_the_site_icon(self):
        response = self.client.get("/admin/login/")
        icon = soup(response).find("link", rel="icon")
        self.assertTrue(icon["href"].endswith("icons/icon.svg"))


class PermissionsPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site()

    def test_features_the_site_never_uses_are_denied_everywhere(self):
        for path in ("/en/", "/admin/login/", "/robots.txt"):
            with self.subTest(path=path):
                header = self.client.get(path)["Permissions-Policy"]
                for denied in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
                    self.assertIn(denied, header)
                self.assertIn("browsing-topics=()", header)
                self.assertIn("fullscreen=(self)", header)


def player_path(language: str, provider: str, video_id: str) -> str:
    """The player page's address as a live page writes it (signed)."""
    signature = player_signature(Video(provider=provider, video_id=video_id))
    return f"/{language}/video-player/{provider}/{video_id}/{signature}/"


class VideoPlayerTests(TestCase):
    def test_only_the_player_page_may_frame_the_provider(self):
        response = self.client.get(player_path("en", "youtube", "abcDEF12345"))
        self.assertEqual(response.status_code, 200)
        policy = policy_of(response)
        self.assertEqual(policy["frame-src"], ["'self'", YOUTUBE])
        self.assertEqual(other_origins(policy), {YOUTUBE})
        frame = soup(response).find("iframe")
        self.assertEqual(frame["src"], f"{YOUTUBE}/embed/abcDEF12345?autoplay=1")
        self.assertIn(f'fullscreen=(self "{YOUTUBE}")', response["Permissions-Policy"])
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")

    def test_vimeo_players_do_not_track(self):
        response = self.client.get(player_path("ja", "vimeo", "123456"))
        self.assertIn("https://player.vimeo.com", policy_of(response)["frame-src"])
        self.assertEqual(
            soup(response).find("iframe")["src"],
            "https://player.vimeo.com/video/123456?dnt=1&autoplay=1",
        )

    def test_a_video_no_live_page_links_or_a_malformed_one_is_not_found(self):
        signed = player_path("en", "youtube", "abcDEF12345")
        for path in (
            # Any well-formed id with a signature the site did not write: anyone could make it.
            "/en/video-player/youtube/abcDEF12346/" + signed.rsplit("/", 2)[-2] + "/",
            "/en/video-player/youtube/abcDEF12345/forged/",
            "/en/video-player/example/abcDEF12345/x/",
            "/en/video-player/youtube/abc%22onload/x/",
            "/en/video-player/vimeo/12ab/x/",
            "/en/video-player/vimeo/%C2%B2/x/",
            "/en/video-player/youtube/" + "a" * 200 + "/x/",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 404)


class SiteIconTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site()

    def test_the_favicon_is_served_by_the_site(self):
        response = self.client.get("/favicon.ico")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content)[:4], b"\x00\x00\x01\x00")

    def test_the_favicon_is_served_with_production_settings_too(self):
        fetch = (
            "from django.test import Client; r = Client().get('/favicon.ico', secure=True); "
            "print(r.status_code, r['Content-Type'], 'object-src' in r['Content-Security-Policy'])"
        )
        with tempfile.TemporaryDirectory() as var_dir:
            env = {**os.environ, **PRODUCTION_ENV, "ALLOWED_HOSTS": "testserver"}
            env.pop("DATABASE_URL", None)
            result = run_python(
                "manage.py", "shell", "-c", fetch, env={**env, "VAR_DIR": var_dir}, timeout=120
            )
        last_line = (result.stdout.strip().splitlines() or [""])[-1]
        self.assertEqual(last_line.split(), ["200", "image/x-icon", "True"], result.stderr)

    def test_pages_name_their_icon_and_manifest(self):
        page = soup(self.client.get("/en/"))
        self.assertTrue(page.find("link", rel="icon")["href"].endswith("icons/icon.svg"))
        self.assertEqual(page.find("link", rel="manifest")["href"], "/site.webmanifest")

    def test_the_manifest_names_the_site_its_icons_and_start_page(self):
        response = self.client.get("/site.webmanifest")
        self.assertEqual(response["Content-Type"], "application/manifest+json")
        manifest = json.loads(response.content)
        self.assertEqual(manifest["name"], "ICLEI network site")
        self.assertEqual(manifest["start_url"], "/")
        self.assertEqual(
            {icon["sizes"] for icon in manifest["icons"]}, {"any", "192x192", "512x512"}
        )
        for icon in manifest["icons"]:
            with self.subTest(icon=icon["src"]):
                self.assertEqual(self.client.get(icon["src"]).status_code, 200)
