"""Every change a visitor could see reaches them at once: the page cache and the CDN are told."""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from home.page_cache import forget_cached_pages

# Old addresses of a page being moved, read before the move and purged once it is done.
_urls_before_move: dict[int, set[str]] = {}


def purging_configured() -> bool:
    """A CDN or proxy to purge is configured (FRONTEND_CACHE_* variables)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def forget_everything() -> None:
    """Every server renders afresh: now, and again once the change is committed."""
    forget_cached_pages()
    # A request rendered between the save and the commit read the old rows under the new
    # generation; a second bump once the change is visible to every worker drops that copy.
    transaction.on_commit(forget_cached_pages)


def pages_showing(page: Page) -> list[Page]:
    """The page, the pages that list it (its ancestors up to the home page), in every language."""
    listing = page.get_ancestors().filter(depth__gt=1).live().specific(defer=True)
    # The page itself even when just unpublished: its address must stop being served.
    shown = [page.specific_deferred, *listing]
    return shown + [
        translation
        for each in shown
        for translation in each.get_translations().live().specific(defer=True)
    ]


def _page_urls(pages: list[Page]) -> set[str]:
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def _purge_later(urls: set[str]) -> None:
    # The CDN asked for the page again before the commit would keep the old version.
    if urls:
        transaction.on_commit(lambda: purge_urls_from_cache(urls))


def on_page_changed(*, instance: Page, **kwargs) -> None:
    """Published, unpublished: the page and every page listing it, in both languages."""
    forget_everything()
    if purging_configured():
        _purge_later(_page_urls(pages_showing(instance)))


def before_page_move(*, instance: Page, **kwargs) -> None:
    if purging_configured():
        moved = [instance, *instance.get_descendants().live()]
        _urls_before_move[instance.pk] = _page_urls(pages_showing(instance)) | _page_urls(moved)


def after_page_move(*, instance: Page, **kwargs) -> None:
    """Moved: its old and new addresses, those of its subpages, and the old and new listings."""
    forget_everything()
    if purging_configured():
        urls = _urls_before_move.pop(instance.pk, set())
        moved = [instance, *instance.get_descendants().live()]
        _purge_later(urls | _page_urls(pages_showing(instance)) | _page_urls(moved))


def on_slug_changed(*, instance: Page, instance_before: Page, **kwargs) -> None:
    """Renamed: the old address of the page and of everything below it no longer holds."""
    forget_everything()
    if purging_configured():
        old, new = instance_before.get_full_url(), instance.get_full_url()
        if old and new:
            below = _page_urls(list(instance.get_descendants().live()))
            _purge_later({old} | {url.replace(new, old, 1) for url in below})


def before_page_delete(*, instance: Model, **kwargs) -> None:
    """Deleted (with its subpages, each sent here): its address and the pages that listed it."""
    forget_everything()
    if purging_configured():
        _purge_later(_page_urls([instance.specific_deferred]) | _page_urls(pages_showing(instance)))


def on_shared_content_changed(*, instance: Model, **kwargs) -> None:
    """A snippet or setting changed: any page may show it, so all are purged."""
    if isinstance(instance, Page):
        return  # pages have their own, precise handlers (published is sent for pages too)
    forget_everything()
    if purging_configured():
        _purge_later(every_live_page_url())


def every_live_page_url() -> set[str]:
    """The address of every live page (what a CDN may hold), each language and site."""
    return _page_urls(list(Page.objects.live().filter(depth__gt=1).specific(defer=True)))


def on_media_changed(*, update_fields=None, **kwargs) -> None:
    """An image or document saved or deleted: pages showing it render afresh."""
    # Named fields are Wagtail's own bookkeeping (file size and hash, filled in while a page
    # renders), which changes nothing visitors see.
    if update_fields is not None:
        return
    # Not purged from the CDN: editors upload often and most uploads are in no page yet; a
    # CDN's copy (with the old rendition's address) expires within PAGE_CACHE_SECONDS.
    forget_everything()


def on_row_saved(*, instance: Model, update_fields=None, **kwargs) -> None:
    """A page or snippet row saved whole (by code, not a draft): its live content may differ."""
    # Drafts and locks save named fields only; publishing has its own signal with the purge.
    if update_fields is None:
        forget_everything()


def on_setting_saved(*, instance: Model, created: bool = False, **kwargs) -> None:
    """A site setting saved: every page may show it."""
    # A setting's row is made with its defaults the first time a page reads it (the admin
    # form, too, edits a row made so), which changes nothing visitors see.
    if not created:
        on_shared_content_changed(instance=instance)


def _is_setting(model: type[Model]) -> bool:
    return issubclass(model, BaseGenericSetting | BaseSiteSetting)


def register_cache_invalidation(*, snippet_base: type[Model]) -> None:
    """Connect every visible change to the page cache and the CDN."""
    uid = "page-cache-"
    for signal in (page_published, page_unpublished):
        signal.connect(on_page_changed, dispatch_uid=f"{uid}{id(signal)}")
    pre_page_move.connect(before_page_move, dispatch_uid=f"{uid}pre-move")
    post_page_move.connect(after_page_move, dispatch_uid=f"{uid}post-move")
    page_slug_changed.connect(on_slug_changed, dispatch_uid=f"{uid}slug")
    # Sent for the Page row of every deleted page, once (not again for its page type's row).
    pre_delete.connect(before_page_delete, sender=Page, dispatch_uid=f"{uid}page-delete")
    # Snippets visitors see change when published or unpublished (a saved draft changes nothing).
    for signal in (published, unpublished):
        signal.connect(on_shared_content_changed, dispatch_uid=f"{uid}{id(signal)}")
    for model in [m for m in apps.get_models() if issubclass(m, snippet_base | Page)]:
        post_save.connect(on_row_saved, sender=model, dispatch_uid=f"{uid}save-{model}")
    for model in [m for m in apps.get_models() if issubclass(m, snippet_base)]:
        post_delete.connect(on_shared_content_changed, sender=model, dispatch_uid=f"{uid}{model}")
    # Settings, images and documents have no drafts: every save is visible.
    for model in [m for m in apps.get_models() if _is_setting(m)]:
        post_save.connect(on_setting_saved, sender=model, dispatch_uid=f"{uid}setting-{model}")
        post_delete.connect(on_shared_content_changed, sender=model, dispatch_uid=f"{uid}{model}")
    for model in [get_image_model(), get_document_model()]:
        for signal in (post_save, post_delete):
            signal.connect(
                on_media_changed,
                sender=model,
                dispatch_uid=f"{uid}{id(signal)}-{model._meta.label}",
            )
