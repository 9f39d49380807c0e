"""The demo's home page, about page, menu and footer in English, drawn from the former site.

Every statement here is from ../shared/seed (the former pages and the README's verified facts);
nothing is invented. Japanese lives in home/demo/ja.po and is applied through wagtail-localize.
"""

from wagtail.models import Locale, Page, Site

from home.demo.snippets import create_published
from home.models import Footer, HomePage, MainMenu, StandardPage

NETWORK_NAME = "ICLEI – Local Governments for Sustainability"
DEFAULT_WELCOME_TITLE = "Welcome to your new Wagtail site!"

HOME = {
    "title": "Home",
    "slug": "home",
    "seo_title": "Local and regional governments for sustainability",
    "search_description": (
        "A network of more than 2,500 local and regional governments, technical experts "
        "and partners working together towards zero carbon, resilient cities."
    ),
    "hero_heading": "Local and regional governments, together for sustainability",
    "hero_text": (
        "Subnational governments are increasingly becoming the leading actors in "
        "decarbonization. Our network connects more than 2,500 local and regional "
        "governments with technical experts and partners worldwide."
    ),
    "intro": (
        "<p>Subnational governments have an important role to play in pursuing the net-zero "
        "target, raising ambitions at local level and strengthening urban resilience.</p>"
        "<p>Joining ICLEI means connecting to more than 2,500 local and regional governments "
        "as well as technical experts and a diverse community of partners worldwide.</p>"
    ),
}

ABOUT = {
    "title": "About the network",
    "slug": "about",
    "intro": (
        "<p>ICLEI – Local Governments for Sustainability connects local and regional "
        "governments with technical experts and partners worldwide.</p>"
    ),
    "search_description": (
        "What the network of more than 2,500 local and regional governments offers its "
        "members and associate partners."
    ),
    "body": [
        ("heading", {"text": "Members", "level": "h2"}),
        (
            "paragraph",
            "<p>ICLEI Members actively engage with their peers through conferences, workshops, "
            "webinars and online platforms and take advantage of our connections with "
            "businesses, financial institutions and other implementation partners that help "
            "strengthen innovation and resourcing.</p>",
        ),
        ("heading", {"text": "Associate partners", "level": "h2"}),
        (
            "paragraph",
            "<p>Associate Partnership is available to non-governmental organizations, "
            "universities, state and national government agencies and not-for-profit research "
            "institutions. Its purpose is to facilitate dialogues between local governments "
            "and these partners, to provide knowledge transfer in line with ICLEI's Mission "
            "and Charter, and an avenue for which partners can support ICLEI's work and "
            "mandate.</p>",
        ),
        (
            "quote",
            {
                "quote": (
                    "Governments need to give (the sense of) direction, as Business leaders we "
                    "don't make the wind, we sail the boats. So policy should set the winds in "
                    "the right directions if you want the boat going fast to the right harbor."
                ),
                "attribution": "Philippe Joubert",
                "role": "Senior Advisor, World Business Council for Sustainable Development",
            },
        ),
    ],
}

FOOTER = {
    "organisation_name": NETWORK_NAME,
    "about": (
        "A network of more than 2,500 local and regional governments. This demonstration "
        "site is built from the network's former public pages."
    ),
    "copyright_notice": f"© {NETWORK_NAME}",
}


def _stream(items: list[tuple[str, object]]) -> list[dict]:
    return [{"type": block_type, "value": value} for block_type, value in items]


def _link(page: Page, label: str = "") -> dict:
    return {"label": label, "page": page.pk, "external_url": ""}


def build_english_home(*, locale: Locale) -> tuple[HomePage, list[Page]]:
    """The English home page and its children, created once; returns what was there or made."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        _remove_untouched_starter_page(root=root)
        home = HomePage(
            locale=locale,
            **{key: HOME[key] for key in ("title", "seo_title", "search_description")},
            slug=_free_root_slug(HOME["slug"]),
            hero_heading=HOME["hero_heading"],
            hero_text=HOME["hero_text"],
            intro=HOME["intro"],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        _point_default_site_at(home)

    about = StandardPage.objects.child_of(home).filter(slug=ABOUT["slug"]).first()
    if about is None:
        about = StandardPage(
            title=ABOUT["title"],
            slug=ABOUT["slug"],
            intro=ABOUT["intro"],
            search_description=ABOUT["search_description"],
            body=_stream(ABOUT["body"]),
        )
        home.add_child(instance=about)
        about.save_revision().publish()

    if not home.featured:
        home.featured = _stream(
            [
                (
                    "card",
                    {
                        "title": "Join the network",
                        "text": (
                            "Members connect with more than 2,500 local and regional "
                            "governments, technical experts and partners worldwide."
                        ),
                        "image": None,
                        "image_alt_text": "",
                        "link": _link(about, "About the network"),
                    },
                )
            ]
        )
        home.save_revision().publish()
    return home, [home, about]


def _free_root_slug(slug: str) -> str:
    """Wagtail's starter page may already use "home" at the top of the tree."""
    taken = set(Page.objects.filter(depth=2).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _remove_untouched_starter_page(*, root: Page) -> None:
    """Wagtail's "Welcome" placeholder goes, but only if nobody has touched it."""
    starter = Page.objects.filter(depth=2, title=DEFAULT_WELCOME_TITLE).first()
    if (
        starter is None
        or starter.content_type.model != "page"
        or starter.get_children().exists()
        or starter.revisions.exists()
    ):
        return
    # The site must not point at the page while it is deleted (that would delete the site).
    Site.objects.filter(root_page=starter).update(root_page=root)
    starter.delete()


def _point_default_site_at(home: HomePage) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()


def build_english_chrome(*, locale: Locale, links: list[Page], footer_links: list[Page]) -> list:
    """The English header menu and footer, created once; the first menu link reads "Home"."""
    menu = MainMenu.objects.filter(locale=locale).first()
    if menu is None:
        menu_links = [("link", _link(links[0], "Home"))] + [
            ("link", _link(page)) for page in links[1:]
        ]
        menu = create_published(
            MainMenu(locale=locale, name="Main menu", links=_stream(menu_links))
        )
    footer = Footer.objects.filter(locale=locale).first()
    if footer is None:
        footer = create_published(
            Footer(
                locale=locale,
                links=_stream([("link", _link(page)) for page in footer_links]),
                **FOOTER,
            )
        )
    return [menu, footer]
