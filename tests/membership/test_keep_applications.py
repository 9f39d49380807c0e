"""Deleting a page never deletes the membership applications its form has received."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Page

from membership.models import ApplicationSubmission, PartnerTestimonialsPage
from tests.factories import build_membership_section, make_site


class KeepApplicationsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _snippets, cls.pages = build_membership_section(make_site())
        cls.landing, cls.form_page = cls.pages[0], cls.pages[-1]
        cls.application = ApplicationSubmission.objects.create(
            page=cls.form_page, form_data={"organisation": "City of Example"}
        )
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.admin)

    def assert_refused(self, response, page):
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Page.objects.filter(pk=page.pk).exists())
        self.assertTrue(ApplicationSubmission.objects.filter(pk=self.application.pk).exists())
        messages = [str(m) for m in response.wsgi_request._messages]
        self.assertIn("holds 1 membership application", " ".join(messages))

    def test_deleting_the_form_page_or_a_page_above_it_is_refused_with_the_reason(self):
        for page in (self.form_page, self.landing):
            with self.subTest(page=page.title):
                url = reverse("wagtailadmin_pages:delete", args=[page.pk])
                self.assert_refused(self.client.get(url), page)
                self.assert_refused(self.client.post(url), page)

    def test_bulk_deleting_the_form_page_is_refused(self):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        response = self.client.post(f"{url}?id={self.form_page.pk}")
        self.assert_refused(response, self.form_page)

    def test_a_page_without_applications_is_deleted_as_usual(self):
        testimonials = Page.objects.type(PartnerTestimonialsPage).get()
        self.client.post(reverse("wagtailadmin_pages:delete", args=[testimonials.pk]))
        self.assertFalse(Page.objects.filter(pk=testimonials.pk).exists())
