"""The events feed of one language (Atom), made with Django's syndication framework."""

import uuid
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext, override

from events.feeds import entry_updated, feed_entries
from events.listing import EventCard
from events.models import EventIndexPage
from home.navigation import site_chrome


def atom_id(translation_key: uuid.UUID, *, kind: str, language_code: str) -> str:
    """A permanent id for the feed or an entry: from the page's translation key, not the host.

    Each language's entry is its own (another text, another link), so the language is part of it.
    """
    return f"urn:uuid:{uuid.uuid5(translation_key, f'atom-{kind}:{language_code}')}"


class EventsFeed(Feed):
    """New and changed events of one events index, for feed readers."""

    feed_type = Atom1Feed
    description_template = "events/feeds/entry_summary.html"

    def __init__(self, *, index: EventIndexPage, now: datetime | None = None):
        super().__init__()
        self.index = index
        self.now = now or timezone.now()
        self.language = index.locale.language_code
        with override(self.language):
            # The footer of the feed's language names the organisation.
            self.organisation = site_chrome().organisation_name or settings.WAGTAIL_SITE_NAME

    def __call__(self, request: HttpRequest, *args, **kwargs):
        # The feed speaks its index's language, whatever the request's language.
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index: EventIndexPage) -> str:
        # Translators: the title of the events feed in a feed reader, e.g. "Events of ICLEI".
        return gettext("Events of %(organisation)s") % {"organisation": self.organisation}

    def subtitle(self, index: EventIndexPage) -> str:
        return gettext("New and changed events, the latest change first.")

    def link(self, index: EventIndexPage) -> str:
        return index.get_url(self.request)

    def feed_url(self, index: EventIndexPage) -> str:
        return index.get_url(self.request) + index.reverse_subpage("events_feed")

    def feed_guid(self, index: EventIndexPage) -> str:
        return atom_id(index.translation_key, kind="feed", language_code=self.language)

    def author_name(self) -> str:
        return self.organisation

    def item_author_name(self, card: EventCard) -> str:
        return self.organisation

    def items(self, index: EventIndexPage) -> list[EventCard]:
        return feed_entries(index=index, now=self.now)

    def item_title(self, card: EventCard) -> str:
        return card.event.title

    def item_link(self, card: EventCard) -> str:
        return card.url

    def item_guid(self, card: EventCard) -> str:
        return atom_id(card.event.translation_key, kind="event", language_code=self.language)

    def item_pubdate(self, card: EventCard) -> datetime | None:
        return card.event.first_published_at

    def item_updateddate(self, card: EventCard) -> datetime:
        return entry_updated(card)

    def get_context_data(self, **kwargs):
        return {"card": kwargs["item"]}
