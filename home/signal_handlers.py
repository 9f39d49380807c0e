"""Keep the cached header and footer in step with the pages and snippets they show."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home.selectors import forget_site_chrome


def _forget(**kwargs):
    forget_site_chrome()


def register_signal_handlers() -> None:
    from wagtail.models import Page

    from home.models import Footer, MainMenu

    for model in (MainMenu, Footer):
        post_save.connect(
            _forget, sender=model, dispatch_uid=f"forget-chrome-save-{model.__name__}"
        )
        post_delete.connect(
            _forget, sender=model, dispatch_uid=f"forget-chrome-del-{model.__name__}"
        )
    # Menus show page titles and URLs: any publish, unpublish, move or rename may change them.
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_forget, dispatch_uid=f"forget-chrome-{id(signal)}")
    post_delete.connect(_forget, sender=Page, dispatch_uid="forget-chrome-page-delete")
