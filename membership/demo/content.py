"""The membership section of the demo, from the former site's pages (../shared/seed).

The old theme's lorem-ipsum benefit cards are replaced by short statements taken from the
seed's own text. The seed has no fee amounts and the contact's address was cut off, so the fee
table and the contact are clearly marked as examples in the content itself.
"""

import uuid
from datetime import date
from decimal import Decimal

from wagtail.models import Page

from events.models import Person
from home.demo.sections import DemoSection
from home.demo.snippets import create_published
from membership.models import (
    ApplicationFormField,
    Contact,
    FeeRow,
    FeeStructurePage,
    FeeTable,
    MembershipApplicationPage,
    MembershipPage,
    PartnerTestimonialsPage,
    Testimonial,
)

JOUBERT = {
    "name": "Philippe Joubert",
    "role": "Senior Advisor",
    "organisation": "World Business Council for Sustainable Development",
}
JOUBERT_QUOTE = (
    "Governments need to give (the sense of) direction, as Business leaders we don't make the "
    "wind, we sail the boats. So policy should set the winds in the right directions if you want "
    "the boat going fast to the right harbor."
)
EXAMPLE_CONTACT = {
    "name": "EXAMPLE Contact",
    "role": "Membership team (example contact, not a real person)",
    "organisation": "",
}
EXAMPLE_EMAIL = "membership@example.org"

JOINING = (
    "Joining ICLEI means connecting to more than 2,500 local and regional governments as well as "
    "technical experts and a diverse community of partners worldwide."
)
ASSOCIATES = (
    "Associate Partnership is available to non-governmental organizations, universities, state and "
    "national government agencies and not-for-profit research institutions."
)
ASSOCIATES_PURPOSE = (
    "<p>The purpose of Associate Partnership is to facilitate dialogues between local governments "
    "and these partners, to provide knowledge transfer in line with ICLEI’s Mission and Charter, and "
    "an avenue for which partners can support ICLEI’s work and mandate.</p>"
)

RATES_INTRO = "Annual membership fees by category of organisation."
TESTIMONIALS_INTRO = "What partners say about working with the network."

FEES = [
    ("local_government", "Fewer than 100,000 inhabitants", None, 99_999, "1000"),
    ("local_government", "100,000 to 999,999 inhabitants", 100_000, 999_999, "3000"),
    ("local_government", "1,000,000 inhabitants or more", 1_000_000, None, "6000"),
    ("regional_government", "All sizes", None, None, "8000"),
    ("associate_ngo", "All sizes", None, None, "1500"),
    ("associate_university", "All sizes", None, None, "1500"),
    ("associate_agency", "All sizes", None, None, "3000"),
    ("associate_research", "All sizes", None, None, "1500"),
]

ORGANISATION_TYPES = "\n".join(
    [
        "Local government",
        "Regional government",
        "Non-governmental organization",
        "University",
        "State or national government agency",
        "Not-for-profit research institution",
    ]
)

# (label, type, required, help text, choices)
FORM_FIELDS = [
    ("Organisation", "singleline", True, "", ""),
    ("Type of organisation", "dropdown", True, "", ORGANISATION_TYPES),
    ("Country", "singleline", True, "", ""),
    (
        "Population",
        "number",
        False,
        "For local and regional governments: the number of inhabitants.",
        "",
    ),
    ("Contact person", "singleline", True, "", ""),
    ("E-mail", "email", True, "We send a confirmation to this address.", ""),
    ("Phone", "singleline", False, "", ""),
    ("Message", "multiline", False, "", ""),
    (
        "I agree that the network stores the data in this form to handle my application.",
        "checkbox",
        True,
        "",
        "",
    ),
]


def _person(locale, fields) -> Person:
    return Person.objects.filter(locale=locale, name=fields["name"]).first() or create_published(
        Person(locale=locale, **fields)
    )


def _child(parent: Page, model, slug: str, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _link(page: Page, label: str = "") -> dict:
    return {"label": label, "page": page.pk, "external_url": ""}


def build_membership(*, home: Page, locale) -> tuple[list, list[Page]]:
    """People and snippets, then the membership pages, in English; only what is missing."""
    joubert = _person(locale, JOUBERT)
    contact_person = _person(locale, EXAMPLE_CONTACT)
    testimonial = Testimonial.objects.filter(
        locale=locale, person=joubert
    ).first() or create_published(Testimonial(locale=locale, person=joubert, quote=JOUBERT_QUOTE))
    contact = Contact.objects.filter(
        locale=locale, person=contact_person
    ).first() or create_published(
        Contact(locale=locale, person=contact_person, email=EXAMPLE_EMAIL)
    )
    fee_table = FeeTable.objects.filter(locale=locale, title="Example fee table").first()
    if fee_table is None:
        fee_table = FeeTable(
            locale=locale,
            title="Example fee table",
            currency="EUR",
            valid_from=date(2025, 1, 1),
            amounts_are_examples=True,
            note=(
                "Example amounts only: the former site's fee figures were not published with its "
                "pages, so these are placeholders, not the network's fees."
            ),
        )
        fee_table.rows = [
            FeeRow(
                category=category,
                label=label,
                population_min=low,
                population_max=high,
                annual_amount=Decimal(amount),
                sort_order=order,
            )
            for order, (category, label, low, high, amount) in enumerate(FEES)
        ]
        create_published(fee_table)

    landing = _child(
        home,
        MembershipPage,
        "membership",
        title="Join the network",
        intro=f"<p>{JOINING}</p>",
        search_description="What membership of the network offers, its fees, and how to apply.",
    )
    associates = _child(
        landing,
        MembershipPage,
        "associate-partnership",
        title="Associate partnership",
        intro=f"<p>{ASSOCIATES}</p>",
        body=[
            {"type": "paragraph", "value": ASSOCIATES_PURPOSE},
            {"type": "contact_callout", "value": {"contact": contact.pk}},
        ],
    )
    rates = _child(
        landing,
        FeeStructurePage,
        "rates-and-dues",
        title="Rates and dues",
        intro=f"<p>{RATES_INTRO}</p>",
        fee_table=fee_table,
        body=[{"type": "contact_callout", "value": {"contact": contact.pk}}],
    )
    testimonials = _child(
        landing,
        PartnerTestimonialsPage,
        "partner-testimonials",
        title="Partner testimonials",
        intro=f"<p>{TESTIMONIALS_INTRO}</p>",
    )
    application = MembershipApplicationPage.objects.child_of(landing).filter(slug="apply").first()
    if application is None:
        application = MembershipApplicationPage(
            slug="apply",
            title="Application form",
            intro="<p>Apply to join the network. We reply to every application.</p>",
            thank_you_text="<p>Thank you: we have received your application and sent you a confirmation by e-mail.</p>",
            team_email=EXAMPLE_EMAIL,
        )
        application.form_fields = [
            ApplicationFormField(
                label=label,
                field_type=kind,
                required=required,
                help_text=help_text,
                choices=choices,
                sort_order=order,
            )
            for order, (label, kind, required, help_text, choices) in enumerate(FORM_FIELDS)
        ]
        landing.add_child(instance=application)
        application.save_revision().publish()

    if not landing.body:
        landing.body = [
            {
                "type": "key_figures",
                "value": {
                    "figures": _items(
                        [{"figure": "2,500+", "label": "local and regional governments connected"}]
                    )
                },
            },
            {
                "type": "benefit_cards",
                "value": {
                    "heading": "What membership offers",
                    "cards": _items(
                        [
                            _card(
                                "Learn from peers",
                                "Members engage with their peers through conferences, workshops, webinars and online platforms.",
                                "event",
                            ),
                            _card(
                                "Work with implementation partners",
                                "Members take advantage of the network's connections with businesses, financial institutions and other implementation partners that help strengthen innovation and resourcing.",
                                "partners",
                            ),
                            _card(
                                "Technical expertise",
                                "Members connect with technical experts and a diverse community of partners worldwide.",
                                "expertise",
                            ),
                            _card(
                                "Associate partnership",
                                "Non-governmental organizations, universities, state and national government agencies and not-for-profit research institutions can join as associate partners.",
                                "network",
                                link=_link(associates),
                            ),
                        ]
                    ),
                },
            },
            # Every page of the section is linked from its landing page; the button reads the
            # linked page's title, so the Japanese page shows the Japanese title.
            _call_to_action(rates, "Rates and dues", RATES_INTRO),
            {"type": "testimonial", "value": {"testimonial": testimonial.pk}},
            _call_to_action(testimonials, "Partner testimonials", TESTIMONIALS_INTRO),
            {
                "type": "call_to_action",
                "value": {
                    "title": "Apply to join",
                    "text": "See the rates and dues, then send us the application form.",
                    "link": _link(application, "Application form"),
                },
            },
            {"type": "contact_callout", "value": {"contact": contact.pk}},
        ]
        landing.save_revision().publish()

    snippets = [joubert, contact_person, testimonial, contact, fee_table]
    return snippets, [landing, associates, rates, testimonials, application]


def _items(values: list) -> list[dict]:
    """List-block items with ids, the form Wagtail and wagtail-localize track them by."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _card(title: str, text: str, icon: str, link: dict | None = None) -> dict:
    return {
        "title": title,
        "text": text,
        "icon": icon,
        "image": None,
        "link": link or {"label": "", "page": None, "external_url": ""},
    }


def _call_to_action(page: Page, title: str, text: str) -> dict:
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": text, "link": _link(page)},
    }


def build_demo_section(*, home: Page, locale) -> DemoSection:
    """The membership part: the menu links to its landing page, the footer also to the form."""
    snippets, pages = build_membership(home=home, locale=locale)
    landing, application = pages[0], pages[-1]
    return DemoSection(
        snippets=snippets, pages=pages, menu_links=[landing], footer_links=[landing, application]
    )
