"""Visitors' searches are counted per language; editors read the popular and fruitless ones."""

import datetime
import io
import re
from unittest import mock

from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from home.models import SearchTermDailyHits
from membership.roles import MEMBERSHIP
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import (
    StandardPageFactory,
    make_admin,
    make_site,
    translate,
    users_in_roles,
)

REPORT_URL = "/admin/reports/search-terms-by-language/"


def report_rows(response, table: str) -> list[tuple[str, ...]]:
    """Each row of one of the report's tables: term, searches, found nothing."""
    html = re.search(rf'data-report="{table}".*?</table>', response.text, re.S).group(0)
    return [
        tuple(re.sub(r"<[^>]+>", "", cell).strip() for cell in cells[:3])
        for cells in (
            re.findall(r"<td>(.*?)</td>", row, re.S)
            for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)
        )
        if len(cells) == 4
    ]


class SearchTermsReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        page = StandardPageFactory(parent=cls.home, title="Climate resilience", slug="resilience")
        translate(page, title="気候 レジリエンス")
        cls.users = users_in_roles(EDITORS, MODERATORS, TRANSLATORS, MEMBERSHIP)

    def setUp(self):
        cache.clear()  # each address's allowance of counted searches starts afresh

    def visitor_searches(self, language: str, *queries: str, **headers):
        for query in queries:
            response = self.client.get(f"/{language}/search/", {"q": query}, **headers)
            self.assertEqual(response.status_code, 200)

    def report(self, user, **params):
        self.client.force_login(user)
        response = self.client.get(REPORT_URL, params)
        self.client.logout()
        return response

    def test_popular_and_fruitless_searches_are_listed_per_language(self):
        self.visitor_searches(
            "en", "Resilience", "resilience ", "ＲＥＳＩＬＩＥＮＣＥ", "zebra", "zebra"
        )
        self.visitor_searches("en", "unicorn")
        self.visitor_searches("ja", "気候", "zebra")
        english = self.report(self.users[EDITORS])
        self.assertEqual(
            report_rows(english, "popular"),
            [("resilience", "3", "0"), ("zebra", "2", "2"), ("unicorn", "1", "1")],
        )
        self.assertEqual(
            report_rows(english, "found-nothing"), [("zebra", "2", "2"), ("unicorn", "1", "1")]
        )
        japanese = self.report(self.users[MODERATORS], language="ja")
        self.assertEqual(
            report_rows(japanese, "popular"), [("zebra", "1", "1"), ("気候", "1", "0")]
        )
        self.assertEqual(report_rows(japanese, "found-nothing"), [("zebra", "1", "1")])
        # Each term links to what visitors of that language find for it now.
        self.assertContains(japanese, 'href="/ja/search/?q=%E6%B0%97%E5%80%99"')
        # Wagtail's own count (all languages) ranks terms in the promoted results screen.
        self.assertEqual(Query.objects.get(query_string="zebra").hits, 3)

    def test_a_search_answered_only_by_a_promoted_page_did_find_something(self):
        page = StandardPageFactory(parent=self.home, title="Fees", slug="fees")
        query = Query.objects.create(query_string="subscription")
        query.editors_picks.create(page=page, sort_order=0)
        self.visitor_searches("en", "subscription")
        self.assertEqual(
            report_rows(self.report(self.users[EDITORS]), "popular"),
            [("subscription", "1", "0")],
        )

    def test_only_the_last_thirty_days_are_counted(self):
        query = Query.objects.create(query_string="old news")
        today = timezone.localdate()
        for days_ago, hits in ((29, 2), (30, 5)):
            SearchTermDailyHits.objects.create(
                query=query,
                language="en",
                date=today - datetime.timedelta(days=days_ago),
                hits=hits,
                zero_result_hits=hits,
            )
        rows = report_rows(self.report(self.users[EDITORS]), "popular")
        self.assertEqual(rows, [("old news", "2", "2")])

    def test_signed_in_users_robots_and_further_result_pages_are_not_counted(self):
        self.client.force_login(self.users[EDITORS])
        self.visitor_searches("en", "resilience")
        self.client.logout()
        self.visitor_searches(
            "en", "resilience", HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)"
        )
        self.client.get("/en/search/", {"q": "resilience", "page": "2"})
        self.visitor_searches("en", "", "   ", "!!!")
        self.assertFalse(SearchTermDailyHits.objects.exists())
        self.assertFalse(QueryDailyHits.objects.exists())

    @override_settings(SEARCH_COUNTS_PER_HOUR=3)
    def test_one_address_counts_at_most_its_hourly_allowance_and_still_gets_results(self):
        self.visitor_searches("en", "resilience", "resilience", "resilience")
        flood = self.client.get("/en/search/", {"q": "resilience"})
        self.assertContains(flood, 'href="/en/resilience/"')
        self.visitor_searches("en", "spam term", REMOTE_ADDR="127.0.0.1")
        self.assertEqual(SearchTermDailyHits.objects.get().hits, 3)
        # Another address is counted.
        self.visitor_searches("en", "resilience", REMOTE_ADDR="192.0.2.7")
        self.assertEqual(SearchTermDailyHits.objects.get().hits, 4)

    def test_a_search_still_answers_when_counting_fails(self):
        with (
            mock.patch("home.search_log._add_one", side_effect=DatabaseError("disk full")),
            self.assertLogs("home.search_log", "ERROR"),
        ):
            response = self.client.get("/en/search/", {"q": "resilience"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'href="/en/resilience/"')
        self.assertFalse(SearchTermDailyHits.objects.exists())
        # The failed count left the request's transaction usable.
        self.assertEqual(self.client.get("/en/search/", {"q": "resilience"}).status_code, 200)
        self.assertEqual(SearchTermDailyHits.objects.get().hits, 1)

    def test_counting_a_search_costs_three_queries_once_the_day_has_begun(self):
        self.visitor_searches("en", "resilience")  # the term's rows exist: the usual case
        robot = {"HTTP_USER_AGENT": "ExampleBot/1.0"}
        with CaptureQueriesContext(connection) as uncounted:
            self.visitor_searches("en", "resilience", **robot)
        with CaptureQueriesContext(connection) as counted:
            self.visitor_searches("en", "resilience")
        added = [query["sql"] for query in counted.captured_queries[len(uncounted) :]]
        # The term looked up, then one UPDATE per count (Wagtail's, and ours per language),
        # inside a savepoint (two statements) so that a failure cannot spoil the request.
        self.assertEqual(len(added), 5, added)
        self.assertEqual(SearchTermDailyHits.objects.get().hits, 2)

    def test_editors_and_moderators_read_the_report_others_are_refused(self):
        for role, allowed in (
            (EDITORS, True),
            (MODERATORS, True),
            (TRANSLATORS, False),
            (MEMBERSHIP, False),
        ):
            with self.subTest(role=role):
                response = self.report(self.users[role])
                if allowed:
                    self.assertEqual(response.status_code, 200)
                else:  # Wagtail's refusal: back to the dashboard, with a message
                    self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
                self.client.force_login(self.users[role])
                menu = self.client.get("/admin/").text
                self.assertEqual(REPORT_URL in menu, allowed)
        self.client.logout()
        response = self.client.get(REPORT_URL)
        self.assertRedirects(
            response, f"/admin/login/?next={REPORT_URL}", fetch_redirect_response=False
        )

    def test_wagtails_all_language_report_gives_way_to_this_one(self):
        self.client.force_login(make_admin())
        menu = self.client.get("/admin/").text
        self.assertIn(REPORT_URL, menu)
        self.assertNotIn("/admin/searchpicks/reports/search-terms/", menu)

    def test_a_language_not_offered_falls_back_to_the_default(self):
        response = self.report(self.users[EDITORS], language="<script>")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<option value="en" selected>', html=False)


class SearchCountCleanUpTests(TestCase):
    def test_counts_older_than_the_report_go_and_promoted_terms_stay(self):
        today = timezone.localdate()
        old, recent, promoted = (
            Query.objects.create(query_string=text) for text in ("old", "recent", "promoted")
        )
        page = StandardPageFactory(parent=make_site(), title="Fees", slug="fees")
        promoted.editors_picks.create(page=page, sort_order=0)
        for query, days_ago in ((old, 31), (recent, 30), (promoted, 40)):
            date = today - datetime.timedelta(days=days_ago)
            QueryDailyHits.objects.create(query=query, date=date, hits=1)
            SearchTermDailyHits.objects.create(query=query, language="en", date=date, hits=1)
        call_command("searchpromotions_garbage_collect", stdout=io.StringIO())
        self.assertEqual(
            sorted(Query.objects.values_list("query_string", flat=True)), ["promoted", "recent"]
        )
        self.assertEqual(
            list(SearchTermDailyHits.objects.values_list("query__query_string", flat=True)),
            ["recent"],
        )
        self.assertEqual(QueryDailyHits.objects.get().query, recent)
