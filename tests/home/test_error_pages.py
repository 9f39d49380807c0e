"""Missing pages and server errors get a friendly page in the visitor's language."""

from django.test import TestCase, override_settings
from django.urls import path

from tests.factories import FooterFactory, make_site, translate
from tests.visible import soup


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("<str:lang>/broken/", broken_view)]
handler500 = "home.views.server_error"


class NotFoundPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        translate(
            FooterFactory(organisation_name="Test Network"), organisation_name="テストネットワーク"
        )

    def test_not_found_page_speaks_english_under_en(self):
        response = self.client.get("/en/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)
        self.assertContains(response, '<html lang="en">', status_code=404)
        self.assertContains(response, '<meta name="robots" content="noindex">', status_code=404)

    def test_not_found_page_speaks_japanese_under_ja(self):
        response = self.client.get("/ja/no-such-page/")
        self.assertContains(response, '<html lang="ja">', status_code=404)
        self.assertContains(response, "ページが見つかりません", status_code=404)
        self.assertContains(response, "テストネットワーク", status_code=404)


@override_settings(ROOT_URLCONF="tests.home.test_error_pages")
class ServerErrorPageTests(TestCase):
    def setUp(self):
        self.client.raise_request_exception = False

    def test_server_error_page_is_friendly_in_both_languages(self):
        from django.utils import translation

        for language, text in (("en", "Something went wrong"), ("ja", "問題が発生しました")):
            with self.subTest(language=language), translation.override(language):
                response = self.client.get(
                    f"/{language}/broken/", headers={"accept-language": language}
                )
                self.assertEqual(response.status_code, 500)
                self.assertContains(response, text, status_code=500)


class UntranslatedPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from tests.factories import StandardPageFactory

        cls.home = make_site(japanese=True)
        StandardPageFactory(parent=cls.home, slug="only-english", title="Only in English")

    def test_an_english_only_page_asked_for_in_japanese_points_to_the_english(self):
        response = self.client.get("/ja/only-english/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "このページはまだ翻訳されていません", status_code=404)
        link = soup(response).find("a", hreflang="en", href="/en/only-english/")
        self.assertEqual(link.get_text(strip=True), "Only in English")
        self.assertEqual(link.find_parent(lang=True)["lang"], "en", "read as English")

    def test_a_page_missing_in_every_language_is_a_plain_not_found(self):
        response = self.client.get("/ja/nowhere/")
        self.assertContains(response, "ページが見つかりません", status_code=404)


class BadRequestPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site(japanese=True)

    @override_settings(ALLOWED_HOSTS=["network.example"])
    def test_a_bad_host_gets_a_400_in_the_visitors_language_not_a_server_error(self):
        for language, text in (("en", "The request could not be read"), ("ja", "読み取れません")):
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/", headers={"host": "evil.example"})
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, text, status_code=400)
                self.assertContains(response, f'<html lang="{language}">', status_code=400)

    def test_a_page_the_visitor_may_not_see_says_so_plainly(self):
        from django.test import RequestFactory
        from django.utils import translation

        from home.views import permission_denied

        with translation.override("ja"):
            response = permission_denied(RequestFactory().get("/ja/"))
        self.assertEqual(response.status_code, 403)
        self.assertIn("閲覧する権限がありません", response.content.decode())


class ExpiredFormTests(TestCase):
    """A form sent without a valid CSRF token: a page in the visitor's language, never a 500."""

    @classmethod
    def setUpTestData(cls):
        make_site(japanese=True)

    def test_a_form_that_fails_its_check_is_explained_in_the_visitors_language(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        for language, text in (
            ("en", "The form could not be sent"),
            ("ja", "送信できませんでした"),
        ):
            with self.subTest(language=language):
                response = client.post(f"/{language}/search/", {"q": "x"})
                self.assertEqual(response.status_code, 403)
                self.assertContains(response, text, status_code=403)
                self.assertEqual(soup(response).html["lang"], language)
