"""Shared links and search engines: every page describes itself, shows a picture and its place."""

import json
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import RequestFactory, TestCase
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import Page

import wagtail_factories

from home.demo.sharing_image import TITLE as DEMO_IMAGE_TITLE
from home.demo.sharing_image import build_default_sharing_image
from home.models import SharingSettings
from home.sharing_image import SHARING_RENDITION
from home.structured_data import breadcrumb_list
from tests.demo_site import DemoSiteTestCase
from tests.factories import FooterFactory, StandardPageFactory, make_site, translate
from tests.visible import soup


def meta(page, name: str) -> str | None:
    """The content of a <meta> named by `name` or `property`, or None when the page has none."""
    tag = page.find("meta", attrs={"name": name}) or page.find("meta", attrs={"property": name})
    return tag["content"] if tag else None


def json_ld_objects(page) -> list[dict]:
    """Every schema.org object in the page's JSON-LD blocks (graphs unpacked); each must parse."""
    objects = []
    for script in page.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        objects += data.get("@graph", [data])
    return objects


def of_type(page, schema_type: str) -> list[dict]:
    return [item for item in json_ld_objects(page) if item.get("@type") == schema_type]


def shared_rendition_url(image) -> str:
    return "http://testserver" + image.get_rendition(SHARING_RENDITION).url


def truncate_file(image) -> None:
    """Cut the image's stored file short, as a partial upload leaves it: it opens, but no
    rendition can be made of it."""
    with image.file.storage.open(image.file.name, "rb") as stored:
        head = stored.read(200)
    image.file.storage.delete(image.file.name)
    image.file.storage.save(image.file.name, ContentFile(head))


def hreflang_urls(page) -> list[str]:
    return [link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)]


class EveryDemoPageIsReadyToShareTests(DemoSiteTestCase):
    """The issue's proof: every live page in both languages, as `make run` builds them."""

    def test_every_live_page_has_a_description_a_picture_and_structured_data(self):
        pages = list(Page.objects.live().filter(depth__gt=1).specific())
        default_description = SharingSettings.load().default_social_image.description
        self.assertTrue(any(page.locale.language_code == "ja" for page in pages))
        self.assertGreater(len(pages), 30)
        for page in pages:
            with self.subTest(path=page.url):
                html = soup(self.client.get(page.url))
                self.assertTrue(meta(html, "description"))
                self.assertTrue(meta(html, "og:title"))
                self.assertTrue(meta(html, "og:image").startswith("http://testserver/"))
                self.assertEqual(meta(html, "og:image:width"), "1200")
                self.assertEqual(meta(html, "og:image:height"), "630")
                alt = meta(html, "og:image:alt")
                if page.locale.language_code == "en":
                    self.assertTrue(alt)
                else:
                    # Only an alt text translated with the page: the image's is English.
                    self.assertNotEqual(alt, default_description)
                self.assertEqual(meta(html, "twitter:card"), "summary_large_image")
                self.assertEqual(meta(html, "twitter:image"), meta(html, "og:image"))
                self.assertIsNone(meta(html, "robots"))
                (breadcrumbs,) = of_type(html, "BreadcrumbList")
                crumbs = breadcrumbs["itemListElement"]
                self.assertEqual(crumbs[-1]["item"], f"http://testserver{page.url}")
                self.assertEqual(crumbs[0]["item"], f"http://testserver/{page.url[1:4]}")
                self.assertEqual([c["position"] for c in crumbs], list(range(1, len(crumbs) + 1)))

    def test_descriptions_are_in_the_pages_language(self):
        for path, words in [
            ("/en/events/zero-carbon-city-international-forum-2022/framing-session/", "part of"),
            (
                "/ja/events/zero-carbon-city-international-forum-2022/framing-session/",
                "のセッション",
            ),
        ]:
            with self.subTest(path=path):
                self.assertIn(words, meta(soup(self.client.get(path)), "description"))

    def test_home_pages_name_the_organisation(self):
        for path, name in [
            ("/en/", "ICLEI – Local Governments for Sustainability"),
            ("/ja/", "イクレイ－持続可能性をめざす自治体協議会"),
        ]:
            with self.subTest(path=path):
                html = soup(self.client.get(path))
                (organisation,) = of_type(html, "Organization")
                self.assertEqual(organisation["name"], name)
                self.assertEqual(organisation["url"], f"http://testserver{path}")
                # The seed names no logo and no profiles: none is made up.
                self.assertNotIn("logo", organisation)
                self.assertNotIn("sameAs", organisation)
        self.assertEqual(of_type(soup(self.client.get("/en/about/")), "Organization"), [])

    def test_search_and_missing_pages_are_not_indexed_and_offer_no_query_strings(self):
        for path, robots in [
            ("/en/search/?q=city", "noindex, follow"),
            ("/ja/search/?q=都市&page=2", "noindex, follow"),
            ("/en/no-such-page/?utm_source=x", "noindex"),
            ("/ja/no-such-page/", "noindex"),
        ]:
            with self.subTest(path=path):
                response = self.client.get(path)
                html = soup(response)
                self.assertEqual(meta(html, "robots"), robots)
                self.assertTrue(meta(html, "og:title"))
                self.assertTrue(meta(html, "og:image"))
                for url in hreflang_urls(html):
                    self.assertEqual(urlsplit(url).query, "", url)
                canonical = html.find("link", rel="canonical")
                self.assertTrue(canonical is None or "?" not in canonical["href"])

    def test_search_pages_name_each_languages_search_without_the_words(self):
        html = soup(self.client.get("/ja/search/?q=都市"))
        self.assertEqual(
            hreflang_urls(html),
            [
                "http://testserver/en/search/",
                "http://testserver/en/search/",
                "http://testserver/ja/search/",
            ],
        )
        # The language switcher still carries the visitor's words to the other language.
        switcher = html.find("nav", class_="language-switcher")
        self.assertIn("q=", switcher.find("a", hreflang="en")["href"])


class SharingImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.default = wagtail_factories.ImageFactory(
            file__width=2400, file__height=1260, description="The network's emblem"
        )
        sharing = SharingSettings.load()
        sharing.default_social_image = cls.default
        sharing.save()

    def image_tags(self, path: str) -> dict:
        html = soup(self.client.get(path))
        names = ("og:image", "og:image:width", "og:image:height", "og:image:alt", "twitter:card")
        return {name: meta(html, name) for name in names}

    def test_a_page_without_its_own_image_shows_the_sites_default(self):
        StandardPageFactory(parent=self.home, slug="plain")
        tags = self.image_tags("/en/plain/")
        self.assertEqual(tags["og:image"], shared_rendition_url(self.default))
        self.assertEqual((tags["og:image:width"], tags["og:image:height"]), ("1200", "630"))
        self.assertEqual(tags["og:image:alt"], "The network's emblem")
        self.assertEqual(tags["twitter:card"], "summary_large_image")

    def test_the_pages_sharing_image_comes_first_with_the_size_it_really_has(self):
        small = wagtail_factories.ImageFactory(
            file__width=640, file__height=480, description="A tram"
        )
        StandardPageFactory(parent=self.home, slug="tram", social_image=small)
        tags = self.image_tags("/en/tram/")
        self.assertEqual(tags["og:image"], shared_rendition_url(small))
        # A small picture is cropped to the shape, not enlarged: its real size is given.
        self.assertEqual((tags["og:image:width"], tags["og:image:height"]), ("640", "336"))
        self.assertEqual(tags["og:image:alt"], "A tram")

    def test_the_hero_image_stands_in_with_the_pages_own_alt_text(self):
        hero = wagtail_factories.ImageFactory(file__width=1600, file__height=900, description="")
        self.home.hero_image = hero
        self.home.hero_image_alt_text = "Mayors on a stage"
        self.home.save_revision().publish()
        tags = self.image_tags("/en/")
        self.assertEqual(tags["og:image"], shared_rendition_url(hero))
        self.assertEqual(tags["og:image:alt"], "Mayors on a stage")

    def test_an_image_whose_file_is_lost_costs_the_preview_not_the_page(self):
        lost = wagtail_factories.ImageFactory()
        lost.file.storage.delete(lost.file.name)
        StandardPageFactory(parent=self.home, slug="lost", social_image=lost)
        response = self.client.get("/en/lost/")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(meta(soup(response), "og:image"))

    def test_a_truncated_default_image_costs_the_preview_not_the_page(self):
        truncate_file(self.default)
        StandardPageFactory(parent=self.home, slug="plain")
        with self.assertLogs("home.sharing_image", "WARNING") as logs:
            response = self.client.get("/en/plain/")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(meta(soup(response), "og:image"))
        self.assertEqual(meta(soup(response), "twitter:card"), "summary")
        self.assertEqual(len(logs.records), 1)

    def test_a_truncated_page_image_costs_the_preview_not_the_page(self):
        broken = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
        truncate_file(broken)
        StandardPageFactory(parent=self.home, slug="broken", social_image=broken)
        with self.assertLogs("home.sharing_image", "WARNING"):
            response = self.client.get("/en/broken/")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(meta(soup(response), "og:image"))

    def test_without_any_image_the_card_is_a_summary(self):
        sharing = SharingSettings.load()
        sharing.default_social_image = None
        sharing.save()
        StandardPageFactory(parent=self.home, slug="bare")
        tags = self.image_tags("/en/bare/")
        self.assertIsNone(tags["og:image"])
        self.assertEqual(tags["twitter:card"], "summary")


class SharingImageAltInJapaneseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        sharing = SharingSettings.load()
        sharing.default_social_image = wagtail_factories.ImageFactory(
            description="The network's emblem"
        )
        sharing.save()

    def alt(self, path: str) -> tuple[str | None, str | None]:
        html = soup(self.client.get(path))
        return meta(html, "og:image:alt"), meta(html, "twitter:image:alt")

    def test_the_default_images_english_description_is_not_read_out_on_japanese_pages(self):
        about = StandardPageFactory(parent=self.home, title="About", slug="about")
        translate(about, title="概要")
        self.assertEqual(self.alt("/en/about/"), ("The network's emblem",) * 2)
        self.assertIsNotNone(meta(soup(self.client.get("/ja/about/")), "og:image"))
        self.assertEqual(self.alt("/ja/about/"), (None, None))

    def test_a_translated_hero_alt_text_is_used_on_japanese_pages(self):
        hero = wagtail_factories.ImageFactory(description="Mayors on a stage")
        japanese = Page.objects.get(depth=2, locale__language_code="ja").specific
        for alt, shown in (("壇上の市長たち", "壇上の市長たち"), ("", None)):
            japanese.hero_image, japanese.hero_image_alt_text = hero, alt
            japanese.save_revision().publish()
            with self.subTest(alt=alt):
                self.assertEqual(self.alt("/ja/"), (shown, shown))


class StructuredDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        translate(FooterFactory(organisation_name="Test Network"), organisation_name="テスト")

    def test_breadcrumbs_follow_the_pages_ancestors_in_its_language(self):
        about = StandardPageFactory(parent=self.home, title="About", slug="about")
        team = StandardPageFactory(parent=about, title="Team", slug="team")
        translate(about, title="概要")
        translate(team, title="チーム")
        japanese_home = Page.objects.get(depth=2, locale__language_code="ja")
        for path, names in [
            ("/en/about/team/", ["Home", "About", "Team"]),
            ("/ja/about/team/", [japanese_home.title, "概要", "チーム"]),
        ]:
            with self.subTest(path=path):
                (breadcrumbs,) = of_type(soup(self.client.get(path)), "BreadcrumbList")
                self.assertEqual([c["name"] for c in breadcrumbs["itemListElement"]], names)

    def test_breadcrumbs_leave_out_a_section_taken_offline(self):
        about = StandardPageFactory(parent=self.home, title="About", slug="about")
        team = StandardPageFactory(parent=about, title="Team", slug="team")
        board = StandardPageFactory(parent=team, title="Board", slug="board")
        # Wagtail's unpublish leaves the subpages live. This site answers 404 below an
        # unpublished page (BasePage.route), but a preview of one, or any other way of showing
        # it, must not name a page that answers 404.
        about.unpublish()
        board.refresh_from_db()
        crumbs = breadcrumb_list(page=board, request=RequestFactory().get("/"))["itemListElement"]
        self.assertEqual([c["name"] for c in crumbs], ["Home", "Team", "Board"])
        self.assertEqual([c["position"] for c in crumbs], [1, 2, 3])
        self.assertNotIn("http://testserver/en/about/", [c["item"] for c in crumbs])

    def test_breadcrumbs_cost_one_query_however_deep_the_page(self):
        parent, pages = self.home, []
        for depth in range(6):
            parent = StandardPageFactory(parent=parent, slug=f"level-{depth}")
            pages.append(parent)
        request = RequestFactory().get("/")
        breadcrumb_list(page=pages[0], request=request)  # the site's root paths, once
        for page in (pages[1], pages[-1]):
            with self.subTest(depth=page.depth), self.assertNumQueries(1):
                crumbs = breadcrumb_list(page=page, request=request)["itemListElement"]
            self.assertEqual(len(crumbs), page.depth - 1)

    def test_a_title_cannot_end_the_script_element(self):
        StandardPageFactory(parent=self.home, title="</script><script>alert(1)</script>", slug="x")
        response = self.client.get("/en/x/")
        self.assertNotIn(b"<script>alert(1)", response.content)
        (breadcrumbs,) = of_type(soup(response), "BreadcrumbList")
        self.assertEqual(
            breadcrumbs["itemListElement"][-1]["name"], "</script><script>alert(1)</script>"
        )

    def test_the_organisation_shows_the_logo_and_profiles_editors_set(self):
        sharing = SharingSettings.load()
        sharing.organisation_logo = wagtail_factories.ImageFactory(
            file__width=300, file__height=300
        )
        sharing.organisation_profiles = (
            "https://www.youtube.com/@example\n\nhttps://example.org/x\n"
        )
        sharing.save()
        (organisation,) = of_type(soup(self.client.get("/en/")), "Organization")
        self.assertEqual(organisation["name"], "Test Network")
        self.assertTrue(organisation["logo"].startswith("http://testserver/"))
        self.assertEqual(
            organisation["sameAs"], ["https://www.youtube.com/@example", "https://example.org/x"]
        )
        (organisation,) = of_type(soup(self.client.get("/ja/")), "Organization")
        self.assertEqual(organisation["name"], "テスト")

    def test_a_truncated_logo_costs_the_data_its_logo_not_the_home_page(self):
        sharing = SharingSettings.load()
        sharing.organisation_logo = wagtail_factories.ImageFactory(
            file__width=300, file__height=300
        )
        sharing.save()
        truncate_file(sharing.organisation_logo)
        with self.assertLogs("home.sharing_image", "WARNING") as logs:
            response = self.client.get("/en/")
        self.assertEqual(response.status_code, 200)
        (organisation,) = of_type(soup(response), "Organization")
        self.assertNotIn("logo", organisation)
        self.assertEqual(len(logs.records), 1)

    def test_a_profile_that_is_not_a_web_address_is_refused_with_the_line_named(self):
        sharing = SharingSettings.load()
        sharing.organisation_profiles = "https://example.org/ok\njavascript:alert(1)"
        # In the admin's language, whichever page a previous test asked for last.
        with (
            translation.override("en"),
            self.assertRaisesMessage(ValidationError, "“javascript:alert(1)” is not a web"),
        ):
            sharing.full_clean()


class DemoSharingImageTests(TestCase):
    def test_the_demo_image_is_made_once_and_an_editors_choice_is_kept(self):
        build_default_sharing_image()
        made = get_image_model().objects.get(title=DEMO_IMAGE_TITLE)
        self.assertEqual((made.width, made.height), (1200, 630))
        self.assertTrue(made.description)
        self.assertEqual(SharingSettings.load().default_social_image, made)

        chosen = wagtail_factories.ImageFactory()
        sharing = SharingSettings.load()
        sharing.default_social_image = chosen
        sharing.save()
        build_default_sharing_image()
        self.assertEqual(get_image_model().objects.filter(title=DEMO_IMAGE_TITLE).count(), 1)
        self.assertEqual(SharingSettings.load().default_social_image, chosen)
