"""An event and its sessions are approved as one unit, in English and in Japanese."""

from django.core.cache import cache
from django.test import TestCase

from wagtail.models import Page
from wagtail_localize.models import Translation

from events.models import EventPage, Person, SessionPage, SessionPerson
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import (
    EventPageFactory,
    SessionPageFactory,
    change_every_string,
    eastern,
    locale,
    make_events_index,
    users_in_roles,
)


def draft_session(event, *, slug: str, hour: int) -> SessionPage:
    """A session an editor has saved but not published."""
    session = SessionPageFactory.build(
        slug=slug,
        title=f"Session at {hour}",
        start=eastern(2022, 3, 8, hour, 0),
        end=eastern(2022, 3, 8, hour, 30),
        live=False,
    )
    event.add_child(instance=session)
    session.save_revision()
    return session


class EventModerationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_events_index(japanese=True)
        cls.users = users_in_roles(EDITORS, MODERATORS, TRANSLATORS)

    def setUp(self):
        cache.clear()
        self.event = EventPageFactory.build(slug="forum", title="Forum", live=False)
        self.index.add_child(instance=self.event)
        self.event.save_revision()
        self.sessions = [draft_session(self.event, slug=f"at-{h}", hour=h) for h in (20, 21, 22)]

    def approve(self, page):
        """The moderator approves the waiting request from the dashboard's action."""
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        self.client.force_login(self.users[MODERATORS])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
            )
        self.assertIn(response.status_code, (200, 302))

    def test_approving_the_event_publishes_its_sessions_together(self):
        self.event.get_workflow().start(self.event, self.users[EDITORS])
        self.approve(self.event)
        self.assertTrue(EventPage.objects.get(pk=self.event.pk).live)
        self.assertEqual(SessionPage.objects.child_of(self.event).live().count(), 3)
        self.assertEqual(self.client.get("/en/events/forum/at-21/").status_code, 200)

    def test_the_moderator_sees_one_task_naming_the_event_and_its_sessions(self):
        self.event.get_workflow().start(self.event, self.users[EDITORS])
        self.client.force_login(self.users[MODERATORS])
        dashboard = self.client.get("/admin/")
        self.assertContains(
            dashboard, "Forum, with Session at 20, Session at 21, Session at 22", count=1
        )

    def test_a_session_under_an_unpublished_event_reaches_no_visitor(self):
        session = self.sessions[0]
        session.get_latest_revision().publish()
        self.assertEqual(self.client.get("/en/events/forum/at-20/").status_code, 404)
        self.assertNotContains(self.client.get("/sitemap.xml"), "at-20")
        self.assertNotContains(self.client.get("/en/search/?q=Session"), "/en/events/forum/at-20/")

    def test_moderators_see_which_event_a_session_belongs_to(self):
        self.assertEqual(self.sessions[0].get_admin_display_title(), "Session at 20 (Forum)")

    def test_a_translator_translates_the_event_with_its_sessions_and_submits_once(self):
        self.event.get_workflow().start(self.event, self.users[EDITORS])
        self.approve(self.event)
        japanese = locale("ja")
        translator = self.users[TRANSLATORS]
        self.client.force_login(translator)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/admin/localize/submit/page/{self.event.pk}/",
                {"locales": [japanese.pk], "include_subtree": "on"},
            )
        # A session added to the English programme later is translated on its own.
        late = draft_session(self.event, slug="late", hour=23)
        late.get_latest_revision().publish()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/admin/localize/submit/page/{late.pk}/", {"locales": [japanese.pk]})
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

        event_ja = self.event.get_translation(japanese)
        for source in [self.event, *self.sessions, late]:
            change_every_string(
                Translation.objects.get(
                    source__object_id=source.translation_key, target_locale=japanese
                ),
                prefix="日本語: ",
            )
        translation = Translation.objects.get(
            source__object_id=self.event.translation_key, target_locale=japanese
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/translations/{translation.pk}/submit-for-approval/"
            )
        self.assertEqual(response.status_code, 302)
        event_ja.refresh_from_db()
        self.assertTrue(event_ja.workflow_in_progress)
        self.assertFalse(event_ja.live)
        # Until a moderator approves, Japanese visitors get the "not translated yet" page.
        self.assertNotContains(
            self.client.get("/ja/events/forum/"), "日本語: Forum", status_code=404
        )

        self.approve(event_ja)
        self.client.logout()
        for slug in ("at-20", "at-21", "at-22", "late"):
            response = self.client.get(f"/ja/events/forum/{slug}/")
            self.assertContains(response, "日本語: ", msg_prefix=slug)
        self.assertContains(self.client.get("/ja/events/forum/"), "日本語: Forum")


class NewPersonApprovedWithTheEventTests(TestCase):
    """A speaker created in the chooser goes live with the event that names them, not before."""

    @classmethod
    def setUpTestData(cls):
        cls.index = make_events_index()
        cls.moderator, cls.editor = users_in_roles(MODERATORS, EDITORS).values()

    def test_the_new_person_is_published_with_the_event(self):
        person = Person(name="TESTER Aiko", role="Mayor", organisation="Example City", live=False)
        person.save()
        person.save_revision(user=self.editor)
        event = EventPageFactory.build(slug="forum", title="Forum", live=False)
        self.index.add_child(instance=event)
        event.save_revision()
        session = draft_session(event, slug="opening", hour=20)
        session.people = [SessionPerson(person=person, role="speaker", sort_order=0)]
        session.save_revision()
        event.get_workflow().start(event, self.editor)
        self.assertFalse(Person.objects.get(pk=person.pk).live)

        event.refresh_from_db()
        task_state = event.current_workflow_task_state
        self.client.force_login(self.moderator)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/admin/pages/workflow/action/{event.pk}/approve/{task_state.pk}/", {"comment": ""}
            )
        self.client.logout()
        self.assertTrue(Person.objects.get(pk=person.pk).live)
        self.assertContains(self.client.get("/en/events/forum/opening/"), "TESTER Aiko")
