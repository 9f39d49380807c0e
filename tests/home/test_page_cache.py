"""Anonymous visitors get pages from the shared cache; nobody ever sees a stale or personal copy."""

import time
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings

from wagtail.models import Page

import wagtail_factories

from home.models import SharingSettings
from home.page_cache import PageCacheMiddleware, forget_cached_pages
from membership.models import MembershipApplicationPage
from tests.demo_site import DemoSiteTestCase
from tests.factories import (
    FooterFactory,
    StandardPageFactory,
    make_admin,
    make_site,
    translate,
)
from tests.live_services import redis_cache, require_redis


class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site(japanese=True)
        cls.about = StandardPageFactory(parent=cls.home, title="About us", slug="about")
        cls.about_ja = translate(cls.about, title="概要")
        cls.footer = FooterFactory(organisation_name="Test Network")

    def publish(self, page, **changes):
        """A moderator's publish, committed (the page cache hears of it once visible to all)."""
        for name, value in changes.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()

    def test_the_second_anonymous_visit_is_served_from_the_cache_without_the_database(self):
        first = self.client.get("/en/about/")
        self.assertEqual(first["X-Page-Cache"], "miss")
        with self.assertNumQueries(0):
            second = self.client.get("/en/about/")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Language"], "en")
        self.assertEqual(second.cookies, {})

    def test_after_a_deploy_clear_page_cache_makes_the_next_visit_render_afresh(self):
        self.client.get("/en/about/")
        self.assertEqual(self.client.get("/en/about/")["X-Page-Cache"], "hit")
        out = StringIO()
        call_command("clear_page_cache", stdout=out)
        self.assertIn("every server renders each page afresh", out.getvalue())
        self.assertEqual(self.client.get("/en/about/")["X-Page-Cache"], "miss")

    def test_a_cdn_may_keep_an_anonymous_page_and_browsers_ask_again(self):
        response = self.client.get("/en/about/")
        self.assertEqual(response["Cache-Control"], "public, max-age=0, s-maxage=300")
        # Logged-in people get another page at this address.
        self.assertIn("Cookie", response["Vary"])

    def test_each_language_is_kept_apart(self):
        self.client.get("/en/about/")
        self.assertContains(self.client.get("/ja/about/"), "概要")
        self.assertContains(self.client.get("/en/about/"), "About us")

    def test_head_is_answered_from_the_copy_a_get_made(self):
        self.client.get("/en/about/")
        self.assertEqual(self.client.head("/en/about/")["X-Page-Cache"], "hit")

    def test_logged_in_people_never_get_the_cached_copy_nor_leave_theirs(self):
        self.client.get("/en/about/")
        self.client.force_login(make_admin())
        response = self.client.get("/en/about/")
        self.assertNotIn("X-Page-Cache", response)
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertNotIn("public", response["Cache-Control"])

    def test_the_admin_is_never_kept_by_anyone(self):
        self.client.force_login(make_admin())
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])

    def test_previews_are_never_kept(self):
        self.client.force_login(make_admin())
        response = self.client.get(f"/admin/pages/{self.about.pk}/view_draft/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("public", response.get("Cache-Control", ""))
        self.assertNotIn("X-Page-Cache", response)

    def test_search_results_are_rendered_for_each_query(self):
        response = self.client.get("/en/search/?q=about")
        self.assertNotIn("X-Page-Cache", response)
        self.assertNotIn("public", response.get("Cache-Control", ""))

    def test_a_published_change_is_served_at_once(self):
        self.client.get("/en/about/")
        self.publish(self.about, title="About the network")
        response = self.client.get("/en/about/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "About the network")

    def test_a_published_translation_is_served_at_once(self):
        self.client.get("/ja/about/")
        self.publish(self.about_ja, title="ネットワークについて")
        self.assertContains(self.client.get("/ja/about/"), "ネットワークについて")

    def test_an_unpublished_page_is_gone_at_once(self):
        self.client.get("/en/about/")
        with self.captureOnCommitCallbacks(execute=True):
            self.about.unpublish()
        self.assertEqual(self.client.get("/en/about/").status_code, 404)

    def test_a_deleted_page_is_gone_at_once(self):
        self.client.get("/en/about/")
        with self.captureOnCommitCallbacks(execute=True):
            Page.objects.get(pk=self.about.pk).delete()
        self.assertEqual(self.client.get("/en/about/").status_code, 404)

    def test_a_moved_page_leaves_its_old_address_at_once(self):
        other = StandardPageFactory(parent=self.home, title="Network", slug="network")
        self.client.get("/en/about/")
        with self.captureOnCommitCallbacks(execute=True):
            self.about.move(other, pos="last-child")
        # Wagtail leaves a redirect at the old address (never the cached page).
        self.assertRedirects(self.client.get("/en/about/"), "/en/network/about/", status_code=301)

    def test_a_published_footer_reaches_every_cached_page_at_once(self):
        self.assertContains(self.client.get("/en/about/"), "Test Network")
        self.footer.organisation_name = "Renamed Network"
        with self.captureOnCommitCallbacks(execute=True):
            self.footer.save_revision().publish()
        self.assertContains(self.client.get("/en/about/"), "Renamed Network")

    def test_a_saved_draft_keeps_the_cached_copy(self):
        self.client.get("/en/about/")
        self.about.title = "Draft title"
        with self.captureOnCommitCallbacks(execute=True):
            self.about.save_revision()
        response = self.client.get("/en/about/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertNotContains(response, "Draft title")

    def test_a_changed_image_reaches_every_cached_page_but_wagtails_bookkeeping_does_not(self):
        image = wagtail_factories.ImageFactory()
        self.client.get("/en/about/")
        image.save(update_fields=["file_size"])  # as Wagtail does while a page renders
        self.assertEqual(self.client.get("/en/about/")["X-Page-Cache"], "hit")
        image.title = "Forum hall"
        with self.captureOnCommitCallbacks(execute=True):
            image.save()
        self.assertEqual(self.client.get("/en/about/")["X-Page-Cache"], "miss")

    def test_a_changed_site_setting_reaches_every_cached_page_at_once(self):
        self.client.get("/en/about/")
        SharingSettings.load()  # made with its defaults when a page first reads it
        self.client.get("/en/about/")
        with self.captureOnCommitCallbacks(execute=True):
            SharingSettings.load().save()
        self.assertEqual(self.client.get("/en/about/")["X-Page-Cache"], "miss")


def respond(response: HttpResponse, path: str = "/en/page/", **request_options) -> HttpResponse:
    """The middleware's answer to an anonymous GET whose page answered `response`."""
    request = RequestFactory().get(path, **request_options)
    return PageCacheMiddleware(lambda _request: response)(request)


def kept(response: HttpResponse, **request_options) -> bool:
    cache.clear()
    respond(response, **request_options)
    return respond(HttpResponse("other"), **request_options)["X-Page-Cache"] == "hit"


class WhatIsKeptTests(SimpleTestCase):
    def setUp(self):
        cache.clear()

    def test_a_plain_page_is_kept(self):
        self.assertTrue(kept(HttpResponse("page")))

    def test_a_response_setting_a_cookie_is_never_kept(self):
        response = HttpResponse("form with a token")
        response.set_cookie("csrftoken", "secret")
        self.assertFalse(kept(response))

    def test_private_or_no_store_responses_are_never_kept(self):
        for value in ("private", "no-store", "no-cache", "max-age=0, no-cache, no-store, private"):
            with self.subTest(cache_control=value):
                response = HttpResponse("page")
                response["Cache-Control"] = value
                self.assertFalse(kept(response))

    def test_a_response_varying_on_what_the_key_lacks_is_never_kept(self):
        # Compressed pages too: the app compresses nothing, nginx does after this cache.
        for vary in ("Accept-Language", "Accept-Encoding"):
            with self.subTest(vary=vary):
                response = HttpResponse("page")
                response["Vary"] = vary
                self.assertFalse(kept(response, headers={"accept-encoding": "gzip, br"}))

    def test_browsers_that_take_gzip_and_those_that_do_not_share_one_copy(self):
        respond(HttpResponse("page"), headers={"accept-encoding": "gzip, br"})
        plain = respond(HttpResponse("other"))
        self.assertEqual(plain["X-Page-Cache"], "hit")
        self.assertEqual(plain.content, b"page")

    def test_errors_and_redirects_are_never_kept(self):
        for status in (301, 302, 404, 500):
            with self.subTest(status=status):
                self.assertFalse(kept(HttpResponse("page", status=status)))

    def test_visitors_with_a_session_or_a_waiting_message_get_their_own_page(self):
        for cookie in ("sessionid", "messages"):
            with self.subTest(cookie=cookie):
                respond(HttpResponse("anonymous page"))
                self.client.cookies.clear()
                request = RequestFactory().get("/en/page/")
                request.COOKIES[cookie] = "x"
                response = PageCacheMiddleware(lambda _r: HttpResponse("own page"))(request)
                self.assertEqual(response.content, b"own page")
                self.assertIn("private", response["Cache-Control"])


@override_settings(CACHES=redis_cache(database=10))
class RedisPageCacheTests(TestCase):
    """The same, in the Redis cache every worker and server shares (a database of its own)."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.about = StandardPageFactory(parent=cls.home, title="About us", slug="about")

    def setUp(self):
        require_redis(self)
        cache.clear()

    def test_a_page_kept_in_redis_is_served_until_a_publish_replaces_it(self):
        self.assertEqual(self.client.get("/en/about/")["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get("/en/about/")["X-Page-Cache"], "hit")
        self.about.title = "About the network"
        with self.captureOnCommitCallbacks(execute=True):
            self.about.save_revision().publish()
        self.assertContains(self.client.get("/en/about/"), "About the network")
        self.assertEqual(self.client.get("/en/about/")["X-Page-Cache"], "hit")


class DemoPagesCacheTests(DemoSiteTestCase):
    def test_every_public_page_is_kept_for_anonymous_visitors_except_the_application_form(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            url = page.url
            with self.subTest(url=url):
                self.client.get(url)
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                if isinstance(page, MembershipApplicationPage):
                    self.assertEqual(response["X-Page-Cache"], "skip")
                    self.assertIn("no-store", response["Cache-Control"])
                    self.assertIn("csrftoken", response.cookies)
                else:
                    self.assertEqual(response["X-Page-Cache"], "hit")
                    self.assertEqual(response.cookies, {})


class CrowdAfterAChangeTests(SimpleTestCase):
    """Many visitors opening a page the moment it changed cost one render, not one each."""

    def setUp(self):
        cache.clear()

    def crowd(self, page, *, visitors: int = 8) -> list[HttpResponse]:
        middleware = PageCacheMiddleware(page)
        with ThreadPoolExecutor(max_workers=visitors) as pool:
            requests = [RequestFactory().get("/en/forum/") for _ in range(visitors)]
            return list(pool.map(middleware, requests))

    def test_one_render_serves_everyone_who_came_while_it_ran(self):
        renders = []

        def slow_page(_request):
            renders.append(1)
            time.sleep(0.3)
            return HttpResponse("programme")

        responses = self.crowd(slow_page)
        self.assertEqual(len(renders), 1)
        self.assertEqual({r.content for r in responses}, {b"programme"})
        seen = sorted(r["X-Page-Cache"] for r in responses)
        self.assertEqual(seen.count("miss"), 1)
        # Those who came during the render waited for it ("hit": a latecomer found the copy).
        self.assertIn("wait", seen)
        self.assertLessEqual(set(seen), {"miss", "wait", "hit"})
        # Those who waited get the same shared-cache headers as any copy.
        self.assertTrue(all("s-maxage" in r["Cache-Control"] for r in responses))

    def test_a_page_that_cannot_be_kept_is_rendered_for_each_visitor_without_a_long_wait(self):
        renders = []

        def missing_page(_request):
            renders.append(1)
            time.sleep(0.1)
            return HttpResponse("not found", status=404)

        started = time.monotonic()
        responses = self.crowd(missing_page, visitors=4)
        self.assertEqual(len(renders), 4)
        self.assertEqual({r.status_code for r in responses}, {404})
        # Each waited for one render at most, not for the whole wait allowance.
        self.assertLess(time.monotonic() - started, 1.5)

    def overlapping_renders(self, status: int, methods: list[str]) -> int:
        """How many renders of the page ran at the same time, for requests sent at once."""
        running, most = [], []

        def page(_request):
            running.append(1)
            most.append(len(running))
            time.sleep(0.3)
            running.pop()
            return HttpResponse("page", status=status)

        middleware = PageCacheMiddleware(page)
        requests = [RequestFactory().generic(method, "/en/forum/") for method in methods]
        with ThreadPoolExecutor(max_workers=len(requests)) as pool:
            list(pool.map(middleware, requests))
        return max(most)

    def test_once_an_address_could_not_be_kept_its_visitors_no_longer_wait_for_each_other(self):
        self.overlapping_renders(404, ["GET"])
        self.assertGreater(self.overlapping_renders(404, ["GET"] * 4), 1)

    def test_a_head_request_does_not_make_the_visitors_behind_it_wait(self):
        # Its answer is not kept, so waiting for it would only delay their own render.
        self.assertEqual(self.overlapping_renders(200, ["HEAD", "GET"]), 2)
        # GETs still wait for one another.
        cache.clear()
        self.assertEqual(self.overlapping_renders(200, ["GET", "GET"]), 1)

    @override_settings(PAGE_CACHE_WAIT_SECONDS=0.2)
    def test_a_render_that_takes_too_long_does_not_hold_the_others(self):
        renders = []
        started = time.monotonic()

        def stuck_page(_request):
            renders.append(1)
            time.sleep(1.5 if len(renders) == 1 else 0)
            return HttpResponse("programme")

        def visit(middleware, request):
            response = middleware(request)
            return response, time.monotonic() - started

        middleware = PageCacheMiddleware(stuck_page)
        with ThreadPoolExecutor(max_workers=3) as pool:
            requests = [RequestFactory().get("/en/forum/") for _ in range(3)]
            answers = list(pool.map(lambda request: visit(middleware, request), requests))
        self.assertEqual({response.status_code for response, _ in answers}, {200})
        # The two others were answered long before the stuck render ended.
        answered = sorted(seconds for _, seconds in answers)
        self.assertLess(answered[1], 1.0)
        self.assertGreaterEqual(answered[2], 1.5)

    def test_a_publish_during_the_render_is_not_hidden_by_the_wait(self):
        # The waiting requests look for a copy of the generation they saw: a copy kept under
        # an older one is never handed out after a change.
        renders = []

        def page(_request):
            renders.append(1)
            if len(renders) == 1:
                forget_cached_pages()
                time.sleep(0.2)
            return HttpResponse(f"render {len(renders)}")

        first = PageCacheMiddleware(page)(RequestFactory().get("/en/forum/"))
        second = PageCacheMiddleware(page)(RequestFactory().get("/en/forum/"))
        self.assertEqual(first.content, b"render 1")
        self.assertEqual(second.content, b"render 2")
