"""Visitors reach their language, switch to the same page in the other one, and never hit a 500."""

from django.test import TestCase

from tests.factories import StandardPageFactory, make_site, translate


class RootRedirectTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)

    def test_root_sends_japanese_browsers_to_japanese(self):
        response = self.client.get("/", headers={"accept-language": "ja-JP,ja;q=0.9,en;q=0.5"})
        self.assertRedirects(response, "/ja/", fetch_redirect_response=False)

    def test_root_sends_english_and_other_browsers_to_english(self):
        for header in ("en-US,en;q=0.9", "fr-FR,fr;q=0.9", ""):
            with self.subTest(header=header):
                response = self.client.get("/", headers={"accept-language": header})
                self.assertRedirects(response, "/en/", fetch_redirect_response=False)

    def test_malformed_accept_language_falls_back_to_english(self):
        for header in ("ja;q=abc", ";;;,,,", "x" * 5000, "*;q=0.5, ja;q=2", "日本語"):
            with self.subTest(header=header[:20]):
                response = self.client.get("/", headers={"accept-language": header})
                self.assertEqual(response.status_code, 302)
                self.assertIn(response["Location"], {"/en/", "/ja/"})

    def test_unknown_or_odd_prefixes_give_a_not_found_page(self):
        for path in (
            "/xx/",
            "/en-US/",
            "/EN/",
            "/ja-JP/about/",
            "/en/" + "a" * 3000 + "/",
            "/en/%00/",
            "/en/..%2f..%2fetc/passwd",
        ):
            with self.subTest(path=path[:30]):
                response = self.client.get(path, follow=True)
                self.assertEqual(response.status_code, 404)


class LanguageSwitcherTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.about = StandardPageFactory(parent=cls.home, title="About")
        cls.only_english = StandardPageFactory(parent=cls.about, title="News")
        translate(cls.about, title="概要")

    def test_switcher_leads_to_the_same_page_in_the_other_language(self):
        response = self.client.get("/en/about/")
        self.assertContains(response, 'href="http://testserver/ja/about/" hreflang="ja" lang="ja"')
        response = self.client.get("/ja/about/")
        self.assertContains(response, 'href="http://testserver/en/about/" hreflang="en" lang="en"')

    def test_hreflang_alternates_name_each_language_and_a_default(self):
        response = self.client.get("/ja/about/")
        self.assertContains(
            response, '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">'
        )
        self.assertContains(
            response, '<link rel="alternate" hreflang="ja" href="http://testserver/ja/about/">'
        )
        self.assertContains(
            response,
            '<link rel="alternate" hreflang="x-default" href="http://testserver/en/about/">',
        )

    def test_untranslated_page_switches_to_its_nearest_translated_ancestor(self):
        response = self.client.get("/en/about/news/")
        self.assertContains(response, 'href="http://testserver/ja/about/" hreflang="ja"')
        # No hreflang promise for a translation that does not exist.
        self.assertNotContains(response, 'hreflang="ja" href=')

    def test_pages_carry_a_description_and_open_graph_tags(self):
        self.about.search_description = "What the network does."
        self.about.save_revision().publish()
        response = self.client.get("/en/about/")
        self.assertContains(response, '<meta name="description" content="What the network does.">')
        self.assertContains(response, '<meta property="og:title" content="About">')
        self.assertContains(
            response, '<meta property="og:url" content="http://testserver/en/about/">'
        )
        self.assertContains(response, '<meta property="og:locale" content="en_GB">')
        self.assertContains(response, '<meta property="og:locale:alternate" content="ja_JP">')
