"""The header menu and footer: one snippet per language, resolved, cached and previewed."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Model
from django.utils.translation import get_language

from wagtail.models import Locale

from home.page_cache import current_generation


def snippet_for_active_language(*, model: type[Model]) -> Model | None:
    """The active language's published menu or footer, else the source language's published one."""
    active = Locale.get_active()
    # The row holds the published content (drafts wait in revisions); a copy never
    # published is not shown at all.
    copies = {
        item.locale_id: item
        for item in model.objects.filter(live=True, locale__in=[active, Locale.get_default()])
    }
    return copies.get(active.pk) or copies.get(Locale.get_default().pk)


@dataclass(frozen=True)
class ChromeLink:
    """A resolved menu or footer link: its text and address, ready to render."""

    text: str
    url: str


@dataclass(frozen=True)
class SiteChrome:
    """What the header and footer show in one language, cached between requests."""

    menu_links: tuple[ChromeLink, ...] = ()
    organisation_name: str = ""
    about: str = ""
    footer_links: tuple[ChromeLink, ...] = ()
    copyright_notice: str = ""


CHROME_CACHE_SECONDS = 300


def site_chrome() -> SiteChrome:
    """The active language's menu and footer, resolved to text and URLs and cached."""
    # Kept under the page cache's generation, which every change a visitor could see replaces
    # (home/cache_invalidation.py): a page, menu or footer published, moved or deleted.
    key = f"site-chrome:{get_language()}:{current_generation()}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _resolve_site_chrome()
        cache.set(key, chrome, CHROME_CACHE_SECONDS)
    return chrome


def _links(stream) -> tuple[ChromeLink, ...]:
    links = []
    for block in stream:
        url = block.value.url()
        if url:
            links.append(ChromeLink(text=block.value.text(), url=url))
    return tuple(links)


def preview_site_chrome(*, menu=None, footer=None) -> SiteChrome:
    """The header and footer with a draft menu or footer in place of the live one (previews)."""
    return _resolve_site_chrome(menu=menu, footer=footer)


def _resolve_site_chrome(*, menu=None, footer=None) -> SiteChrome:
    # home.models imports this module at app loading, so its models are imported on use.
    from home.models import Footer, MainMenu

    menu = menu or snippet_for_active_language(model=MainMenu)
    footer = footer or snippet_for_active_language(model=Footer)
    return SiteChrome(
        menu_links=_links(menu.links) if menu else (),
        organisation_name=footer.organisation_name if footer else "",
        about=footer.about if footer else "",
        footer_links=_links(footer.links) if footer else (),
        copyright_notice=footer.copyright_notice if footer else "",
    )
