"""Editors find people in the chooser by name or organisation, and can add one in place."""

from django.test import TestCase
from django.urls import reverse

from wagtail.models import DraftStateMixin

from events.models import Person
from tests.factories import (
    PersonFactory,
    make_admin,
)

CHOOSER = "wagtailsnippetchoosers_events_person"


class PersonChooserTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.shoda = PersonFactory(name="SHODA Yutaka", organisation="MOEJ", role="Vice Minister")
        cls.joubert = PersonFactory(name="Philippe Joubert", organisation="WBCSD")
        cls.admin = make_admin()

    def setUp(self):
        self.client.force_login(self.admin)

    def search(self, query: str) -> str:
        response = self.client.get(reverse(f"{CHOOSER}:choose_results"), {"q": query})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_chooser_offers_a_search_box_and_an_add_tab(self):
        response = self.client.get(reverse(f"{CHOOSER}:choose"))
        html = response.json()["html"]
        self.assertIn('name="q"', html)
        self.assertIn("Add a new person", html)

    def test_people_are_found_by_part_of_their_name_or_organisation(self):
        self.assertIn("SHODA Yutaka", self.search("shoda"))
        self.assertNotIn("Philippe Joubert", self.search("shoda"))
        self.assertIn("Philippe Joubert", self.search("WBCSD"))
        self.assertIn("SHODA Yutaka", self.search("Vice MOEJ"))
        self.assertNotIn("SHODA Yutaka", self.search("nobody"))

    def test_a_person_created_in_the_chooser_is_chosen_at_once(self):
        response = self.client.post(
            reverse(f"{CHOOSER}:create"),
            {"name": "YAMAGUCHI Tsuyoshi", "role": "Minister", "organisation": "MOEJ"},
        )
        data = response.json()
        self.assertEqual(data["step"], "chosen")
        person = Person.objects.get(name="YAMAGUCHI Tsuyoshi")
        self.assertEqual(str(data["result"]["id"]), str(person.pk))
        self.assertEqual(person.locale.language_code, "en")
        if isinstance(person, DraftStateMixin):
            self.assertFalse(person.live, "a moderator publishes new people")

    def test_a_person_without_a_name_is_refused_in_the_chooser(self):
        response = self.client.post(reverse(f"{CHOOSER}:create"), {"name": ""})
        self.assertEqual(response.json()["step"], "reshow_creation_form")
        self.assertFalse(Person.objects.filter(name="").exists())
