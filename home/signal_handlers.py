"""Keep the cached header and footer in step with the pages and snippets they show."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from home.cache_invalidation import forget_everything, register_cache_invalidation
from home.models import Footer, MainMenu, ModeratedSnippet, SearchSynonymGroup
from home.moderation import on_page_published
from home.navigation import forget_site_chrome
from home.search_index import connect_search_index
from home.search_synonyms import forget_synonyms


def _forget(**kwargs):
    forget_site_chrome()
    # Publishing commits later than the save; a request in between could cache the old
    # menu again, so forget once more when the change is visible to every worker.
    transaction.on_commit(forget_site_chrome)


def register_signal_handlers() -> None:
    for model in (MainMenu, Footer):
        post_save.connect(
            _forget, sender=model, dispatch_uid=f"forget-chrome-save-{model.__name__}"
        )
        post_delete.connect(
            _forget, sender=model, dispatch_uid=f"forget-chrome-del-{model.__name__}"
        )
        # Publishing or unpublishing a menu or footer changes what visitors see.
        for signal in (published, unpublished):
            signal.connect(
                _forget, sender=model, dispatch_uid=f"forget-chrome-{id(signal)}-{model.__name__}"
            )
    # Menus show page titles and URLs: any publish, unpublish, move or rename may change them.
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_forget, dispatch_uid=f"forget-chrome-{id(signal)}")
    post_delete.connect(_forget, sender=Page, dispatch_uid="forget-chrome-page-delete")
    # The page cache and the CDN follow every change a visitor could see.
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
