"""Translating an event brings its sessions; a session added later is offered, not forgotten."""

from django.test import TestCase

from wagtail.models import Locale

from events.models import SessionPage
from siteadmin.translation_status import MISSING, translation_status
from tests.factories import (
    PersonFactory,
    add_session,
    eastern,
    make_admin,
    make_event,
    translate,
    translate_strings,
)


class EventTranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.event = make_event(japanese=True)
        cls.person = PersonFactory(name="SHODA Yutaka")
        for hour in (20, 21):
            add_session(
                cls.event,
                slug=f"at-{hour}",
                start=eastern(2022, 3, 8, hour, 0),
                people=[(cls.person, "remarks")],
            )
        translate_strings(cls.person, {"SHODA Yutaka": "正田 寛"})
        cls.japanese = Locale.objects.get(language_code="ja")
        cls.admin = make_admin()

    def test_translating_an_event_with_its_subtree_translates_every_session(self):
        self.client.force_login(self.admin)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/localize/submit/page/{self.event.pk}/",
                {"locales": [self.japanese.pk], "include_subtree": "on"},
            )
        self.assertEqual(response.status_code, 302)
        sessions = SessionPage.objects.filter(locale=self.japanese)
        self.assertEqual(sessions.count(), 2)
        # People come across as their Japanese selves; times are the same instants.
        session = sessions.get(slug="at-20")
        self.assertEqual(session.people.get().person.name, "正田 寛")
        self.assertEqual(session.start, eastern(2022, 3, 8, 20, 0))

    def test_a_session_added_later_is_offered_for_translation(self):
        translate(self.event)
        for session in SessionPage.objects.child_of(self.event):
            translate(session)
        late = add_session(
            self.event,
            title="Added later",
            start=eastern(2022, 3, 8, 22, 0),
            end=eastern(2022, 3, 8, 22, 30),
        )
        rows = {row.title: row for row in translation_status(locale=self.japanese)}
        self.assertEqual(rows["Added later"].status, MISSING)
        self.assertEqual(rows["Added later"].action_url, f"/admin/localize/submit/page/{late.pk}/")
