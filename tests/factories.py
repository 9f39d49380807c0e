"""Test data for every app, in one place."""

import datetime
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.operations import TranslationCreator

import factory
import wagtail_factories

from home.models import Footer, HomePage, MainMenu, StandardPage
from siteadmin.roles import ensure_roles


def locale(language_code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=language_code)[0]


# What an editor's new page or snippet is in: the site's default language.
IN_DEFAULT_LANGUAGE = factory.LazyFunction(lambda: locale(settings.LANGUAGE_CODE))
# Pages are found at an address made from their title, as Wagtail's editor suggests.
SLUG_FROM_TITLE = factory.LazyAttribute(lambda page: slugify(page.title))


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "Local governments for sustainability"
    hero_text = "A network of local and regional governments."
    intro = "<p>Welcome to the network.</p>"
    locale = IN_DEFAULT_LANGUAGE

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    slug = SLUG_FROM_TITLE
    intro = "<p>An introduction.</p>"

    class Meta:
        model = StandardPage


class MainMenuFactory(factory.django.DjangoModelFactory):
    name = "Main menu"
    locale = IN_DEFAULT_LANGUAGE

    class Meta:
        model = MainMenu


class FooterFactory(factory.django.DjangoModelFactory):
    organisation_name = "Test Network"
    about = "About the test network."
    copyright_notice = "© Test Network"
    locale = IN_DEFAULT_LANGUAGE

    class Meta:
        model = Footer


def make_admin():
    """A superuser, who may open every admin page."""
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")


def user_in_role(role: str, *, username: str | None = None):
    """A user in one of the groups `setup_roles` makes (named after it unless told), password "pw"."""
    user = get_user_model().objects.create_user(username=username or role.lower(), password="pw")
    user.groups.add(Group.objects.get(name=role))
    return user


def users_in_roles(*roles: str) -> dict:
    """The site's roles set up, and one user in each of `roles`, keyed by role."""
    ensure_roles()
    return {role: user_in_role(role) for role in roles}


def load_demo():
    """The demo site as `make run` builds it, with its translations published."""
    from siteadmin.demo import load_demo_content

    with TestCase.captureOnCommitCallbacks(execute=True):
        return load_demo_content()


def make_site(*, japanese: bool = False) -> HomePage:
    """An English home page that the default site serves (and its Japanese one, if asked)."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    if japanese:
        translate(home)
    return home


def translate(instance, language_code: str = "ja", **changes):
    """Translate with wagtail-localize, publish as a moderator would, then apply `changes`."""
    target_locale = locale(language_code)
    # wagtail-localize publishes translations when the transaction commits; tests never commit.
    with TestCase.captureOnCommitCallbacks(execute=True):
        creator = TranslationCreator(user=None, target_locales=[target_locale])
        creator.create_translations(instance, include_related_objects=False)
        for translations in creator.mappings.values():
            for translation in translations:
                translation.save_target(publish=True)
    translated = instance.get_translation(target_locale)
    if changes:
        for field_name, value in changes.items():
            setattr(translated, field_name, value)
        if isinstance(translated, Page):
            translated.save_revision().publish()
        else:
            translated.save()
    return translated


def page_form_data(page, **fields) -> dict:
    """What the page editor posts for `page`: its own values plus any `fields` given."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = {"title": page.title, "slug": page.slug, "comments": inline_formset([])}
    specific = page.specific
    if isinstance(specific, HomePage):
        data.update(
            hero_heading=specific.hero_heading,
            hero_text=specific.hero_text,
            intro=rich_text(specific.intro),
            featured=streamfield([]),
            body=streamfield([]),
        )
    elif isinstance(specific, StandardPage):
        data.update(intro=rich_text(specific.intro), body=streamfield([]))
    data.update(fields)
    return nested_form_data(data)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = factory.Sequence(lambda n: f"events-{n}")

    class Meta:
        model = "events.EventIndexPage"


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    summary = "A forum of local governments."
    start_date = datetime.date(2022, 3, 8)
    end_date = datetime.date(2022, 3, 10)
    time_zone = "America/New_York"
    format = "online"

    class Meta:
        model = "events.EventPage"


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"SPEAKER Number{n}")
    role = "Mayor"
    organisation = "A City"
    locale = IN_DEFAULT_LANGUAGE

    class Meta:
        model = "events.Person"


def eastern(*parts) -> datetime.datetime:
    """A wall-clock time in US Eastern time, as the seed's programme gives them."""
    return datetime.datetime(*parts, tzinfo=zoneinfo.ZoneInfo("America/New_York"))


class SessionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Session {n}")
    slug = SLUG_FROM_TITLE
    start = factory.LazyFunction(lambda: eastern(2022, 3, 8, 20, 0))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(minutes=30))
    kind = "plenary"

    class Meta:
        model = "events.SessionPage"


def make_events_index(*, japanese: bool = False, **fields):
    """The events index at /events/ on a fresh site; with `japanese`, both translated too."""
    index = EventIndexPageFactory(parent=make_site(japanese=japanese), slug="events", **fields)
    if japanese:
        translate(index)
    return index


def make_event(
    *,
    index=None,
    japanese: bool = False,
    slug: str = "forum",
    on: datetime.date | None = None,
    days: int = 1,
    **fields,
):
    """An event at /events/<slug>/, `days` long from `on`.

    Site and events index are built unless `index` is given (and translated with `japanese`).
    """
    if on is not None:
        fields.update(start_date=on, end_date=on + datetime.timedelta(days=days - 1))
    parent = index or make_events_index(japanese=japanese)
    return EventPageFactory(parent=parent, slug=slug, **fields)


def add_session(event, *, people=(), minutes: int | None = None, **fields):
    """A session under `event`, with (person, role) pairs, published; `minutes` long if given."""
    from events.models import SessionPerson

    if minutes is not None:
        fields["end"] = fields["start"] + datetime.timedelta(minutes=minutes)
    session = SessionPageFactory.build(**fields)
    session.people = [
        SessionPerson(person=person, role=role, sort_order=order)
        for order, (person, role) in enumerate(people)
    ]
    event.add_child(instance=session)
    session.save_revision().publish()
    return session


def build_membership_section(home):
    """The demo's membership pages and snippets, built the way `load_demo_content` builds them."""
    from membership.demo.content import build_membership

    return build_membership(home=home, locale=locale(settings.LANGUAGE_CODE))


class _Strings:
    def __init__(self, strings: dict[str, str]):
        self.strings = strings

    def lookup(self, *, text: str, context: str | None) -> str | None:
        return self.strings.get(text)


def translate_strings(instance, strings: dict[str, str], language_code: str = "ja"):
    """Translate as a translator does, string by string (kept when the source is synced again)."""
    from home.demo.translation import translate_objects

    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_objects(
            objects=[instance], locale=locale(language_code), catalogue=_Strings(strings)
        )
    return instance.get_translation(locale(language_code))


def change_every_string(translation, *, prefix: str) -> None:
    """What a translator typing in the translation editor stores: new wording for each string."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": prefix + segment.string.data, "translation_type": "manual"},
        )
