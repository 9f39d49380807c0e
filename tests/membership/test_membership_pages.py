"""Membership pages: where they go, both languages, testimonials and the contact callout."""

import base64

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from membership.models import (
    Contact,
    FeeStructurePage,
    MembershipApplicationPage,
    MembershipPage,
    PartnerTestimonialsPage,
)
from tests.demo_site import DemoSiteTestCase
from tests.factories import build_membership_section, make_site
from tests.visible import form_field_names, unseen


class MembershipPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.snippets, cls.pages = build_membership_section(cls.home)

    def test_membership_pages_go_where_they_belong(self):
        self.assertCanCreateAt(HomePage, MembershipPage)
        self.assertCanCreateAt(MembershipPage, MembershipPage)
        for child in (FeeStructurePage, PartnerTestimonialsPage, MembershipApplicationPage):
            self.assertCanCreateAt(MembershipPage, child)
            self.assertCanNotCreateAt(HomePage, child)
            self.assertCanNotCreateAt(StandardPage, child)
        self.assertCanNotCreateAt(Page, MembershipPage)

    def test_membership_pages_are_editable_and_previewable(self):
        landing = self.pages[0]
        data = nested_form_data(
            {
                "title": landing.title,
                "slug": landing.slug,
                "intro": rich_text(landing.intro),
                "body": streamfield([]),
                "comments": inline_formset([]),
            }
        )
        self.assertPageIsEditable(landing, post_data=data)
        self.assertPageIsPreviewable(landing, post_data=data)
        form_page = self.pages[-1]
        data = nested_form_data(
            {
                "title": form_page.title,
                "slug": form_page.slug,
                "intro": rich_text("<p>Apply</p>"),
                "thank_you_text": rich_text("<p>Thanks</p>"),
                "team_email": "team@example.org",
                "form_fields": inline_formset(
                    [
                        {
                            "label": "Organisation",
                            "field_type": "singleline",
                            "required": "on",
                            "choices": "",
                            "default_value": "",
                            "help_text": "",
                        }
                    ]
                ),
                "comments": inline_formset([]),
            }
        )
        self.assertPageIsEditable(form_page, post_data=data)


class DemoMembershipTests(DemoSiteTestCase):
    def test_every_membership_page_renders_in_both_languages(self):
        for page in Page.objects.live().type(
            MembershipPage, FeeStructurePage, PartnerTestimonialsPage, MembershipApplicationPage
        ):
            with self.subTest(url=page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)
        self.assertEqual(
            Page.objects.live().filter(locale__language_code="ja").type(MembershipPage).count(), 2
        )

    def test_testimonial_renders_with_its_person_in_both_languages(self):
        english = self.client.get("/en/membership/")
        self.assertEqual(
            unseen(
                english,
                "we sail the boats",
                "Philippe Joubert",
                "World Business Council for Sustainable Development",
            ),
            [],
        )
        japanese = self.client.get("/ja/membership/")
        self.assertEqual(unseen(japanese, "船を操るのです", "フィリップ・ジュベール"), [])

    def test_testimonials_page_lists_each_with_an_anchor(self):
        response = self.client.get("/en/membership/partner-testimonials/")
        self.assertContains(response, 'id="testimonial-')
        self.assertContains(response, "Philippe Joubert")

    def test_contact_callout_speaks_the_pages_language_and_hides_the_address(self):
        contact = Contact.objects.get(locale__language_code="en")
        english = self.client.get("/en/membership/").content.decode()
        self.assertIn("Got any questions? I will be happy to assist.", english)
        self.assertNotIn(contact.email, english)
        encoded = base64.b64encode(contact.email[::-1].encode()).decode()
        self.assertIn(f'data-obfuscated-email="{encoded}"', english)
        japanese = self.client.get("/ja/membership/").content.decode()
        self.assertIn("ご不明な点がありましたら、お気軽にお問い合わせください。", japanese)
        self.assertNotIn(contact.email, japanese)

    def test_without_scripts_the_button_reveals_the_address(self):
        contact = Contact.objects.get(locale__language_code="en")
        url = f"/en/contact/{contact.pk}/email/"
        self.assertNotContains(self.client.get(url), contact.email)
        self.assertContains(
            self.client.post(url),
            f'<a href="mailto:{contact.email}">{contact.email}</a>',
            html=True,
        )
        self.assertEqual(self.client.post("/en/contact/999999/email/").status_code, 404)

    def test_demo_marks_what_the_seed_lacks_as_examples(self):
        self.assertIn("example", Contact.objects.get(locale__language_code="en").person.role)
        self.assertContains(self.client.get("/en/membership/rates-and-dues/"), "Example amounts.")
        self.assertNotContains(self.client.get("/en/membership/"), "Sed ut perspiciatis")


class DemoApplicationFormTests(DemoSiteTestCase):
    def test_the_japanese_form_asks_the_same_questions_in_japanese(self):
        response = self.client.get("/ja/membership/apply/")
        for label in (
            "団体名",
            "団体の種類",
            "国",
            "人口",
            "担当者名",
            "メールアドレス",
            "電話番号",
            "メッセージ",
        ):
            self.assertContains(response, label)
        self.assertContains(response, '<option value="基礎自治体"')
        english = self.client.get("/en/membership/apply/")
        self.assertEqual(form_field_names(english), form_field_names(response))
