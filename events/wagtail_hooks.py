"""Admin registration of people (the snippet sessions, testimonials and contacts name), and the
events section's part of the home page."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.listing import featured_event
from events.models import Person
from events.person_chooser import PersonChooserViewSet
from home.models import HOME_PAGE_CONTEXT_HOOK


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organisation", "locale"]
    search_fields = ["name", "organisation"]
    chooser_viewset_class = PersonChooserViewSet


@hooks.register("before_publish_page")
@hooks.register("after_edit_page")
def say_how_many_sessions_moved(request, page):
    """After an event's time zone changed, tell the editor which sessions kept their times."""
    # Publishing reloads the page before after_edit_page, so the count is read (once) earlier.
    moved = page.__dict__.pop("moved_sessions", 0)
    if moved:
        messages.info(
            request,
            ngettext(
                "%(count)s session was moved to keep its local time in the new time zone "
                "(10:00 stays 10:00); it has a new revision.",
                "%(count)s sessions were moved to keep their local times in the new time zone "
                "(10:00 stays 10:00); each has a new revision.",
                moved,
            )
            % {"count": moved},
        )


register_snippet(PersonViewSet)


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def featured_event_on_home_page(*, page):
    """The home page shows the next event (or the latest, when none is coming)."""
    return {"featured_event": featured_event(locale=page.locale)}
