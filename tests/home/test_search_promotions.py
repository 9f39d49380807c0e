"""Moderators promote pages for a search term; visitors see them first, in their own language."""

import re

from django.core.cache import cache
from django.test import TestCase

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home.page_cache import GENERATION_KEY
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import StandardPageFactory, make_site, translate, users_in_roles

ADD_URL = "/admin/searchpicks/add/"


def promotion_form(term: str, *picks: tuple[int, str]) -> dict:
    """What the promoted results form posts: the term and each page with its description."""
    data = {
        "query_string": term,
        "editors_picks-TOTAL_FORMS": len(picks),
        "editors_picks-INITIAL_FORMS": 0,
        "editors_picks-MAX_NUM_FORMS": 1000,
    }
    for index, (page_id, description) in enumerate(picks):
        data |= {
            f"editors_picks-{index}-DELETE": "",
            f"editors_picks-{index}-ORDER": index,
            f"editors_picks-{index}-page": page_id,
            f"editors_picks-{index}-description": description,
        }
    return data


def promoted_titles(response) -> list[str]:
    section = re.search(r'<section class="search-promoted".*?</section>', response.text, re.S)
    return re.findall(r"<h3><a [^>]*>([^<]*)</a></h3>", section.group(0)) if section else []


class SearchPromotionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.fees = StandardPageFactory(
            parent=cls.home, title="Membership fees", slug="fees", search_description="Fees."
        )
        cls.fees_ja = translate(cls.fees, title="会費", search_description="会員の種類ごとの会費。")
        cls.apply = StandardPageFactory(parent=cls.home, title="How to apply", slug="apply")
        # Mentions the term, so it is a result of its own, below the promoted pages.
        cls.news = StandardPageFactory(parent=cls.home, title="Joining news", slug="news")
        cls.users = users_in_roles(EDITORS, MODERATORS, TRANSLATORS)

    def promote(self, term: str, *picks: tuple[int, str]):
        self.client.force_login(self.users[MODERATORS])
        response = self.client.post(ADD_URL, promotion_form(term, *picks))
        self.assertEqual(response.status_code, 302, response.content[:2000])
        self.client.logout()

    def test_promoted_pages_come_first_in_the_order_given_with_their_description(self):
        self.promote("Joining", (self.apply.pk, "Apply in ten minutes."), (self.fees.pk, ""))
        response = self.client.get("/en/search/", {"q": "joining"})
        self.assertEqual(promoted_titles(response), ["How to apply", "Membership fees"])
        self.assertContains(response, "Apply in ten minutes.")
        # Without a description of its own, the page's search description.
        self.assertContains(response, "<p>Fees.</p>", html=True)
        text = response.text
        self.assertLess(text.index('href="/en/apply/"'), text.index('href="/en/news/"'))

    def test_the_term_matches_whatever_the_case_width_or_punctuation(self):
        self.promote("Joining!", (self.apply.pk, ""))
        for typed in ("JOINING", "ｊｏｉｎｉｎｇ", "joining?", "“joining”"):
            with self.subTest(typed=typed):
                response = self.client.get("/en/search/", {"q": typed})
                self.assertEqual(promoted_titles(response), ["How to apply"])

    def test_other_terms_show_no_promotion(self):
        self.promote("joining", (self.apply.pk, ""))
        response = self.client.get("/en/search/", {"q": "joining news"})
        self.assertEqual(promoted_titles(response), [])

    def test_japanese_visitors_see_the_japanese_translation_or_nothing(self):
        self.promote("membership", (self.fees.pk, "Fees by kind of member."), (self.apply.pk, ""))
        response = self.client.get("/ja/search/", {"q": "membership"})
        # The fees page as its translation; the application page has none and is left out.
        self.assertEqual(promoted_titles(response), ["会費"])
        self.assertContains(response, 'href="/ja/fees/"')
        self.assertNotContains(response, 'href="/en/')
        # Described in Japanese by the translation, not with the editor's English words.
        self.assertContains(response, "会員の種類ごとの会費。")
        self.assertNotContains(response, "Fees by kind of member.")

    def test_a_japanese_page_promoted_is_shown_to_english_visitors_as_its_english_original(self):
        self.promote("membership", (self.fees_ja.pk, ""))
        response = self.client.get("/en/search/", {"q": "membership"})
        self.assertEqual(promoted_titles(response), ["Membership fees"])

    def test_unpublished_private_and_hidden_pages_are_never_promoted(self):
        draft = StandardPageFactory(parent=self.home, title="Draft", slug="draft", live=False)
        private = StandardPageFactory(parent=self.home, title="Private", slug="private")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        parent = StandardPageFactory(parent=self.home, title="Hidden parent", slug="hidden")
        below = StandardPageFactory(parent=parent, title="Below hidden", slug="below")
        parent.unpublish()
        self.promote("joining", *((page.pk, "") for page in (draft, private, below, self.apply)))
        response = self.client.get("/en/search/", {"q": "joining"})
        self.assertEqual(promoted_titles(response), ["How to apply"])
        # Unpublishing the promoted page takes it off at once.
        self.apply.unpublish()
        response = self.client.get("/en/search/", {"q": "joining"})
        self.assertEqual(promoted_titles(response), [])

    def test_promotions_show_on_the_first_page_of_results_only(self):
        for number in range(10):
            StandardPageFactory(parent=self.home, title=f"Joining story {number}")
        self.promote("joining", (self.apply.pk, ""))
        self.assertEqual(
            promoted_titles(self.client.get("/en/search/", {"q": "joining"})), ["How to apply"]
        )
        response = self.client.get("/en/search/", {"q": "joining", "page": "2"})
        self.assertEqual(promoted_titles(response), [])

    def test_only_moderators_may_manage_promotions(self):
        for role, allowed in ((MODERATORS, True), (EDITORS, False), (TRANSLATORS, False)):
            with self.subTest(role=role):
                self.client.force_login(self.users[role])
                self.assertEqual(self.client.get(ADD_URL).status_code == 200, allowed)
                response = self.client.post(ADD_URL, promotion_form(role, (self.apply.pk, "")))
                self.assertEqual(Query.objects.filter(query_string=role.lower()).exists(), allowed)
                self.assertEqual(response.status_code, 302)

    def test_only_those_who_promote_may_read_the_terms_visitors_searched_for(self):
        Query.get("secret plans").add_hit()
        for url in (
            "/admin/searchpicks/queries/chooser/",
            "/admin/searchpicks/queries/chooser/results/",
        ):
            for role, allowed in ((MODERATORS, True), (EDITORS, False), (TRANSLATORS, False)):
                with self.subTest(url=url, role=role):
                    self.client.force_login(self.users[role])
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200 if allowed else 302)
                    self.assertEqual("secret plans" in response.text, allowed)
        self.client.logout()
        response = self.client.get("/admin/searchpicks/queries/chooser/")
        self.assertRedirects(
            response, "/admin/login/?next=/admin/searchpicks/queries/chooser/", 302, 200
        )

    def test_the_form_explains_how_promotions_reach_visitors(self):
        self.client.force_login(self.users[MODERATORS])
        response = self.client.get(ADD_URL)
        self.assertContains(response, "data-search-promotion-help")
        self.assertContains(response, "appears as its Japanese translation")

    def test_saving_or_deleting_a_promotion_renders_every_page_afresh(self):
        self.client.get("/en/")
        self.assertEqual(self.client.get("/en/")["X-Page-Cache"], "hit")
        generation = cache.get(GENERATION_KEY)
        self.promote("joining", (self.apply.pk, ""))
        self.assertNotEqual(cache.get(GENERATION_KEY), generation)
        self.assertEqual(self.client.get("/en/")["X-Page-Cache"], "miss")
        generation = cache.get(GENERATION_KEY)
        query = Query.objects.get(query_string="joining")
        self.client.force_login(self.users[MODERATORS])
        response = self.client.post(f"/admin/searchpicks/{query.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(SearchPromotion.objects.exists())
        self.assertNotEqual(cache.get(GENERATION_KEY), generation)
