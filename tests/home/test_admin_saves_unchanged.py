"""Editors are never stuck: every demo page and snippet saves unchanged through the admin.

Each edit form is read back from the admin's own HTML and posted as a browser would post it
untouched (see tests/admin_forms.py).
"""

from django.conf import settings
from django.contrib.admin.utils import quote
from django.urls import reverse

from wagtail.models import Page, PreviewableMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from tests.admin_forms import PAGE_FORM, SNIPPET_FORM, form_data_as_rendered, form_errors
from tests.demo_site import DemoSiteTestCase
from tests.factories import make_admin


class AdminSavesDemoUnchangedTests(DemoSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_admin()

    def setUp(self):
        self.client.force_login(self.admin)

    def english_pages(self) -> list[Page]:
        pages = Page.objects.filter(depth__gt=1, locale__language_code=settings.LANGUAGE_CODE)
        return list(pages.specific().order_by("path"))

    def test_every_english_page_saves_and_previews_unchanged(self):
        pages = self.english_pages()
        self.assertGreater(len(pages), 10)
        for page in pages:
            with self.subTest(page=f"{type(page).__name__} {page.url_path}"):
                edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
                response = self.client.get(edit_url)
                self.assertEqual(response.status_code, 200)
                data = form_data_as_rendered(
                    html=response.content.decode(), form_id=PAGE_FORM, model=type(page)
                )
                saved = self.client.post(edit_url, data)
                self.assertEqual(saved.status_code, 302, form_errors(saved))
                preview = self.client.post(
                    reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), data
                )
                self.assertEqual(preview.json(), {"is_valid": True, "is_available": True})

    def test_every_english_snippet_saves_and_previews_unchanged(self):
        checked = 0
        for model in get_snippet_models():
            objects = model.objects.all()
            if issubclass(model, TranslatableMixin):
                objects = objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            viewset = model.snippet_viewset
            for instance in objects:
                with self.subTest(snippet=f"{model.__name__} {instance}"):
                    edit_url = reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)])
                    response = self.client.get(edit_url)
                    self.assertEqual(response.status_code, 200)
                    data = form_data_as_rendered(
                        html=response.content.decode(), form_id=SNIPPET_FORM, model=model
                    )
                    if issubclass(model, PreviewableMixin):
                        preview = self.client.post(
                            reverse(
                                viewset.get_url_name("preview_on_edit"), args=[quote(instance.pk)]
                            ),
                            data,
                        )
                        self.assertEqual(preview.json(), {"is_valid": True, "is_available": True})
                    # Without an action button this saves (a draft, for snippets with drafts).
                    saved = self.client.post(edit_url, data)
                    self.assertEqual(saved.status_code, 302, form_errors(saved))
                    checked += 1
        self.assertGreaterEqual(checked, 7, "menu, footer, people, testimonial, contact, fees")

    def test_japanese_pages_and_snippets_open_in_the_translation_editor(self):
        pages = Page.objects.filter(depth__gt=1, locale__language_code="ja")
        self.assertGreater(pages.count(), 10)
        for page in pages:
            with self.subTest(page=page.url_path):
                response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                self.assertEqual(response.status_code, 200)
        for model in get_snippet_models():
            if not issubclass(model, TranslatableMixin):
                continue
            for instance in model.objects.filter(locale__language_code="ja"):
                with self.subTest(snippet=f"{model.__name__} {instance}"):
                    url = reverse(
                        model.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)]
                    )
                    self.assertEqual(self.client.get(url).status_code, 200)
