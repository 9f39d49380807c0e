"""The person chooser on sessions and testimonials: search by name or organisation, or add one."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetCreateView,
)

from events.models import Person

SEARCHED_FIELDS = ("name", "role", "organisation")


class PersonSearchMixin(forms.Form):
    """Finds people by any part of their name, role or organisation, in any script.

    A substring match, not the search index: people are few, and Japanese names have no word
    breaks for a full-text search to work with.
    """

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name or organisation")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            for term in query.split():
                matches = Q()
                for name in SEARCHED_FIELDS:
                    matches |= Q(**{f"{name}__icontains": term})
                objects = objects.filter(matches)
            self.is_searching = True
            self.search_query = query
        return objects


class PersonFilterForm(PersonSearchMixin, LocaleFilterMixin, BaseFilterForm):
    pass


class PersonCreationForm(WagtailAdminModelForm):
    """The few details needed to add someone while building a session; the rest can follow."""

    class Meta:
        model = Person
        fields = ["name", "role", "organisation"]


class PersonChooseView(ChooseView):
    filter_form_class = PersonFilterForm


class PersonChooseResultsView(ChooseResultsView):
    filter_form_class = PersonFilterForm


class PersonCreateView(SnippetCreateView):
    def save_form(self, form):
        person = form.save(commit=False)
        if isinstance(person, DraftStateMixin):
            # Like any new snippet with drafts: visitors see it once a moderator publishes it.
            person.live = False
            person.has_unpublished_changes = True
        person.save()
        log(instance=person, action="wagtail.create", user=self.request.user)
        if isinstance(person, RevisionMixin):
            person.save_revision(user=self.request.user, log_action=True)
        return person


class PersonChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    create_view_class = PersonCreateView
    creation_form_class = PersonCreationForm
    create_action_label = _("Add this person")
    creation_tab_label = _("Add a new person")
