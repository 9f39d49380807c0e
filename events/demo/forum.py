"""The Zero Carbon City International Forum (9–10 March 2022, Japan time), from the seed.

The scrape gives the programme in US Eastern Standard Time; the README's verified facts give
the organisers, language and day-2 topics. Stream and recording links were lost in the scrape,
so they are left empty (the pages then say the recording will follow). Nothing is invented:
which day-2 topics ran in which parallel slot is unknown, and the sessions say so.
"""

import zoneinfo
from datetime import date, datetime

from wagtail.models import Page

from events.models import EventIndexPage, EventPage, Person, SessionPage, SessionPerson
from home.demo.sections import DemoSection
from home.demo.snippets import create_published

ZONE = zoneinfo.ZoneInfo("America/New_York")

EVENTS_INDEX = {
    "title": "Events",
    "slug": "events",
    "intro": "<p>Forums, conferences and webinars of the network, with their programmes, live streams and recordings.</p>",
}

FORUM = {
    "title": "Zero Carbon City International Forum",
    "slug": "zero-carbon-city-international-forum-2022",
    "summary": (
        "An online forum on the leading role of subnational governments in decarbonization, "
        "organised by the Ministry of the Environment, Japan and the Office of the Special "
        "Presidential Envoy for Climate, United States of America."
    ),
    "start_date": date(2022, 3, 8),
    "end_date": date(2022, 3, 10),
    "time_zone": "America/New_York",
    "format": EventPage.Format.ONLINE,
    "streaming_platform": "YouTube Live",
    "spoken_language": "English",
    "interpretation": "English–Japanese simultaneous interpretation",
    "intro": (
        "<p>Subnational governments are increasingly becoming the leading actors in "
        "decarbonization. Subnational governments have an important role to play in pursuing the "
        "net-zero target, raising ambitions at local level and strengthening urban resilience.</p>"
        "<p>The impacts of climate change are now evident all over the world, and immediate "
        "climate actions are necessary to address this urgent global challenge. The 26th "
        "Conference of the Parties (COP26) to the United Nations Framework Convention on Climate "
        "Change (UNFCCC), held in Glasgow, UK, adopted the Glasgow Climate Pact, which calls for "
        "countries to accelerate their reduction efforts to keep the global average temperature "
        "increase below 1.5 degrees Celsius. The Paris Agreement and the Glasgow Climate Pact "
        "recognize the important role of non-state actors in climate actions, including local and "
        "regional governments.</p>"
        "<p>Enhanced cooperation between subnational and national governments will be crucial in "
        "helping countries achieve ambitious 2030 goals and net-zero emissions no later than "
        "2050. As of the end of January 2022, 1115 cities and regions have registered themselves "
        "in the Race to Zero, a global campaign of non-state actors.</p>"
        "<p>In Japan, as of 31 January 2022, 534 local and regional governments announced their "
        "intention to pursue a net-zero emissions target by 2050, which accounts for about 89% of "
        "the total population. The Japanese government developed the Regional Decarbonization "
        "Roadmap in cooperation with subregional governments in June 2021, setting out priority "
        "measures and actions to achieve zero carbon such as the creation of at least 100 "
        "“leading decarbonized regions” by fiscal 2030.</p>"
        "<p>The net-zero emission target requires bold measures to transform our social systems. "
        "While this will not be an easy task, it will give us opportunities to build back better "
        "from the unprecedented Covid-19 pandemic.</p>"
    ),
    "organisers": [
        ("Ministry of the Environment, Japan (MOEJ)", "organiser"),
        (
            "Office of the Special Presidential Envoy for Climate, United States of America",
            "organiser",
        ),
        ("ICLEI – Local Governments for Sustainability", "collaborator"),
        ("Institute for Global Environmental Strategies (IGES)", "collaborator"),
    ],
    "topics": [
        "City-to-city collaboration to accelerate the decarbonization dominoes",
        "Transport and building measures for transitions",
        "Pursuing resilient cities",
        "Zero carbon urban development",
    ],
}

PEOPLE = {
    "yamaguchi": {
        "name": "YAMAGUCHI Tsuyoshi",
        "role": "Minister of the Environment",
        "organisation": "Ministry of the Environment, Japan",
    },
    "shoda": {
        "name": "SHODA Yutaka",
        "role": "Vice Minister for Global Environmental Affairs",
        "organisation": "Ministry of the Environment, Japan (MOEJ)",
    },
}

PARALLEL_NOTE = (
    "<p>Parallel sessions introduced specific actions on the day-2 topics listed on the forum "
    "page. The source does not record which topics ran in this slot.</p>"
)

# (slug, title, kind, start EST, end EST, description, [(person key, role)])
SESSIONS = [
    (
        "day-1-opening-remarks",
        "Opening Remarks",
        "opening",
        (2022, 3, 8, 20, 0),
        (2022, 3, 8, 20, 15),
        "<p>Opening remarks by YAMAGUCHI Tsuyoshi, Minister of the Environment, Japan, and a "
        "representative of the United States.</p>",
        [("yamaguchi", "remarks")],
    ),
    (
        "framing-session",
        "Framing Session: Role of Subnational Government",
        "framing",
        (2022, 3, 8, 20, 15),
        (2022, 3, 8, 20, 25),
        "",
        [],
    ),
    (
        "session-1-net-zero-transition",
        "Session 1: Net Zero Transition: how cities are moving towards zero carbon",
        "plenary",
        (2022, 3, 8, 20, 25),
        (2022, 3, 8, 21, 5),
        "<p>Local climate action is critical to achieve the zero carbon emission target by 2050, and "
        "it is important to encourage more sub-regional governments to raise ambitions and ensure "
        "proactive policy planning and implementation. This session aims to share commitments and "
        "lessons of leaders of subnational governments towards the zero-carbon goal.</p>",
        [],
    ),
    (
        "session-2-working-together",
        "Session 2: Working Together for Zero Carbon Society – national-subnational and "
        "city-to-city cooperation",
        "plenary",
        (2022, 3, 8, 21, 5),
        (2022, 3, 8, 22, 10),
        "<p>Cooperation of actors is key to achieving zero carbon goals. Local and regional "
        "governments got together at COP26 to emphasize that cooperation between national and "
        "subnational governments is essential to pursue the 1.5 degree C target. Such multilevel "
        "cooperation includes policy alignment of national and local climate policies as well as "
        "appropriate national support to local and regional governments. At COP26, it was reported "
        "that mutual learning through city-to-city collaboration could be a key driver to raise "
        "ambitions and accelerate actions. This session will provide snapshots of national "
        "governments’ actions to facilitate cooperation with and support actions of subnational "
        "governments and city-to-city cooperation towards zero carbon society.</p>",
        [],
    ),
    (
        "day-1-closing-remarks",
        "Closing Remarks",
        "closing",
        (2022, 3, 8, 22, 10),
        (2022, 3, 8, 22, 15),
        "<p>Closing remarks by SHODA Yutaka, Vice Minister for Global Environmental Affairs, MOEJ. "
        "Day 1 closes at 22:15 EST.</p>",
        [("shoda", "remarks")],
    ),
    (
        "day-2-opening-remarks",
        "Opening Remarks (Day 2)",
        "opening",
        (2022, 3, 10, 7, 0),
        (2022, 3, 10, 7, 10),
        "",
        [],
    ),
    (
        "parallel-sessions-first-slot",
        "Parallel Sessions (first slot)",
        "parallel",
        (2022, 3, 10, 7, 10),
        (2022, 3, 10, 8, 0),
        PARALLEL_NOTE,
        [],
    ),
    (
        "parallel-sessions-second-slot",
        "Parallel Sessions (second slot)",
        "parallel",
        (2022, 3, 10, 8, 0),
        (2022, 3, 10, 9, 0),
        PARALLEL_NOTE,
        [],
    ),
    (
        "closing-plenary",
        "Closing Plenary: review of the forum from Rapporteurs",
        "closing_plenary",
        (2022, 3, 10, 9, 0),
        (2022, 3, 10, 9, 10),
        "",
        [],
    ),
    (
        "day-2-closing-remarks",
        "Closing Remarks (Day 2)",
        "closing",
        (2022, 3, 10, 9, 10),
        (2022, 3, 10, 9, 15),
        "<p>The forum closes at 09:15 EST.</p>",
        [],
    ),
]


def _at(parts: tuple[int, int, int, int, int]) -> datetime:
    return datetime(*parts, tzinfo=ZONE)


def build_events(*, home: Page, locale) -> tuple[list[Person], list[Page]]:
    """The events index, the forum, its people and sessions in English; only what is missing."""
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(
            title=EVENTS_INDEX["title"], slug=EVENTS_INDEX["slug"], intro=EVENTS_INDEX["intro"]
        )
        home.add_child(instance=index)
        index.save_revision().publish()

    people = {}
    for key, fields in PEOPLE.items():
        person = Person.objects.filter(locale=locale, name=fields["name"]).first()
        people[key] = person or create_published(Person(locale=locale, **fields))

    forum = EventPage.objects.child_of(index).filter(slug=FORUM["slug"]).first()
    if forum is None:
        forum = EventPage(
            **{
                key: FORUM[key]
                for key in (
                    "title",
                    "slug",
                    "summary",
                    "start_date",
                    "end_date",
                    "time_zone",
                    "format",
                    "streaming_platform",
                    "spoken_language",
                    "interpretation",
                    "intro",
                )
            },
            search_description=FORUM["summary"],
            organisers=[
                {"type": "organisation", "value": {"name": name, "role": role, "url": ""}}
                for name, role in FORUM["organisers"]
            ],
            topics=[
                {"type": "topic", "value": {"title": title, "description": ""}}
                for title in FORUM["topics"]
            ],
        )
        index.add_child(instance=forum)
        forum.save_revision().publish()

    sessions = []
    for slug, title, kind, start, end, description, parts in SESSIONS:
        session = SessionPage.objects.child_of(forum).filter(slug=slug).first()
        if session is None:
            session = SessionPage(
                title=title,
                slug=slug,
                kind=kind,
                start=_at(start),
                end=_at(end),
                description=description,
            )
            session.people = [
                SessionPerson(person=people[key], role=role, sort_order=order)
                for order, (key, role) in enumerate(parts)
            ]
            forum.add_child(instance=session)
            session.save_revision().publish()
        sessions.append(session)
    return list(people.values()), [index, forum, *sessions]


def build_demo_section(*, home: Page, locale) -> DemoSection:
    """The events part of the demo site; the main menu links to the events index."""
    people, pages = build_events(home=home, locale=locale)
    return DemoSection(snippets=people, pages=pages, menu_links=pages[:1])
