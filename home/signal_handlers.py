"""What each change a visitor could see sets going: caches, the search index, children published with their parent."""

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.signals import (
    page_published,
)

from home.cache_invalidation import forget_everything, register_cache_invalidation
from home.models import ModeratedSnippet, SearchSynonymGroup
from home.moderation import on_page_published
from home.search_index import connect_search_index
from home.search_synonyms import forget_synonyms


def register_signal_handlers() -> None:
    # The page cache, the cached header and footer (home/navigation.py) and the CDN follow
    # every change a visitor could see.
    register_cache_invalidation(snippet_base=ModeratedSnippet)
    # Promotions and synonyms change search results as soon as they are saved (no drafts).
    # Search results are never kept (they have a query string), but the generation is bumped
    # anyway so that no page showing search steering can outlive a change.
    for model in (SearchPromotion, SearchSynonymGroup):
        for signal in (post_save, post_delete):
            signal.connect(
                _search_steering_changed,
                sender=model,
                dispatch_uid=f"search-steering-{id(signal)}-{model.__name__}",
            )
    # Children approved with their parent (an event's sessions) are published with it.
    page_published.connect(on_page_published, dispatch_uid="publish-children-with-parent")
    # Site search reads its own index of live pages (home.search_index).
    connect_search_index()


def _search_steering_changed(*, sender, **kwargs):
    if sender is SearchSynonymGroup:
        forget_synonyms()
    forget_everything()
