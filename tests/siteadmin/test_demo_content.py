"""The demo site builds from the seed, in Japanese through wagtail-localize, and reruns safely."""

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from home.models import Footer, HomePage, MainMenu
from tests.demo_site import DemoSiteTestCase
from tests.factories import load_demo


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "menus": MainMenu.objects.count(),
        "footers": Footer.objects.count(),
        "translations": Translation.objects.count(),
        "images": get_image_model().objects.count(),
    }


class DemoContentTests(DemoSiteTestCase):
    def test_loading_twice_creates_nothing_new(self):
        before = counts()
        second = load_demo()
        self.assertEqual(counts(), before)
        self.assertEqual(second.translations["ja"].translated, [])

    def test_rerunning_keeps_what_an_editor_changed(self):
        home = HomePage.objects.get(locale__language_code="en")
        home.hero_heading = "Edited by an editor"
        home.save_revision().publish()
        japanese = HomePage.objects.get(locale__language_code="ja")
        japanese.hero_heading = "翻訳者が編集"
        japanese.save_revision().publish()
        load_demo()
        self.assertEqual(HomePage.objects.get(pk=home.pk).hero_heading, "Edited by an editor")
        self.assertEqual(HomePage.objects.get(pk=japanese.pk).hero_heading, "翻訳者が編集")

    def test_japanese_home_menu_and_footer_are_wagtail_localize_translations(self):
        japanese = Locale.objects.get(language_code="ja")
        for model in (HomePage, MainMenu, Footer):
            with self.subTest(model=model.__name__):
                source = model.objects.get(locale__language_code="en")
                translation = Translation.objects.get(
                    source__object_id=source.translation_key, target_locale=japanese
                )
                total, translated = translation.get_progress()
                self.assertEqual(total, translated, "every string translated")

    def test_every_demo_string_has_japanese_in_the_catalogue(self):
        self.assertEqual(self.demo_report.translations["ja"].missing_strings, [])

    def test_japanese_pages_show_japanese_not_english(self):
        response = self.client.get("/ja/")
        self.assertContains(response, "持続可能性をめざし、自治体がともに歩む")
        self.assertContains(response, "イクレイ－持続可能性をめざす自治体協議会")
        self.assertNotContains(
            response, "Local and regional governments, together for sustainability"
        )
        self.assertContains(self.client.get("/ja/about/"), "アソシエイト・パートナー")

    def test_the_site_serves_the_demo_home_page(self):
        self.assertFalse(Page.objects.filter(title="Welcome to your new Wagtail site!").exists())
        response = self.client.get("/en/")
        self.assertContains(response, "Local and regional governments, together for sustainability")

    def test_demo_quotes_only_what_the_seed_says(self):
        from django.conf import settings

        seed_files = list(settings.DEMO_SEED_DIR.glob("*.txt"))
        if not seed_files:
            self.skipTest("The seed (../shared/seed) is not next to this checkout.")
        seed = " ".join(" ".join(path.read_text() for path in seed_files).split())
        for quoted in (
            "more than 2,500 local and regional governments",
            "Subnational governments are increasingly becoming the leading actors in decarbonization",
            "we don't make the wind, we sail the boats",
            "Associate Partnership is available to non-governmental organizations, universities",
        ):
            with self.subTest(quoted=quoted[:30]):
                self.assertIn(quoted, seed)

    def test_command_reports_what_it_did(self):
        from io import StringIO

        out = StringIO()
        call_command("load_demo_content", stdout=out)
        self.assertIn("0 translated now", out.getvalue())
        self.assertIn("left as they are", out.getvalue())
