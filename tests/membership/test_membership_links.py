"""The membership landing page leads to every page of its section; its card links are optional."""

from django.test import SimpleTestCase

from wagtail.blocks.struct_block import StructBlockValidationError

from membership.blocks import BenefitCardBlock
from membership.models import MembershipPage
from tests.demo_site import DemoSiteTestCase
from tests.factories import load_demo


class MembershipLandingLinksTests(DemoSiteTestCase):
    def test_the_landing_page_links_every_page_of_its_section_in_english_and_japanese(self):
        for language_code in ("en", "ja"):
            landing = MembershipPage.objects.get(
                locale__language_code=language_code, slug="membership", depth=3
            )
            children = landing.get_children().live().specific()
            self.assertEqual(
                {type(child).__name__ for child in children},
                {
                    "MembershipPage",
                    "FeeStructurePage",
                    "PartnerTestimonialsPage",
                    "MembershipApplicationPage",
                },
            )
            response = self.client.get(landing.url)
            self.assertEqual(response.status_code, 200)
            for child in children:
                with self.subTest(language=language_code, page=child.slug):
                    self.assertContains(response, f'href="{child.url}"')

    def test_rerunning_the_loader_keeps_one_landing_page_with_its_links(self):
        load_demo()
        landing = MembershipPage.objects.get(locale__language_code="en", depth=3)
        linked = [
            block.value["link"]["page"].pk
            for block in landing.body
            if block.block_type == "call_to_action"
        ]
        self.assertEqual(len(linked), len(set(linked)), "no link added twice")
        self.assertEqual(MembershipPage.objects.filter(depth=3).count(), 2, "en and ja")


class BenefitCardLinkTests(SimpleTestCase):
    def card(self, **link) -> dict:
        block = BenefitCardBlock()
        value = {"title": "Learn from peers", "text": "Members meet.", "icon": "event"}
        value["link"] = {"label": "", "page": None, "external_url": ""} | link
        return block.clean(block.to_python(value))

    def test_a_card_without_a_link_is_valid(self):
        self.assertIsNotNone(self.card())

    def test_a_card_link_must_still_be_complete_once_started(self):
        with self.assertRaises(StructBlockValidationError):
            self.card(label="Read more")
        with self.assertRaises(StructBlockValidationError):
            self.card(external_url="https://example.org/")
        self.assertIsNotNone(self.card(external_url="https://example.org/", label="Example"))
