"""The admin's Applications inbox: one list for every language, a detail page, the exports."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from membership import inbox
from membership.models import ApplicationSubmission
from membership.spreadsheets import ExcelSafeExportMixin

# The team reads and decides; applications come only from the form and are never deleted here.
ALLOWED_ACTIONS = {"view", "change"}
FIXED_EXPORT_COLUMNS = {
    "number": _("Number"),
    "submitted": _("Date submitted"),
    "language": _("Language"),
    "status": _("Status"),
}


def language_name(code: str) -> str:
    return translation.get_language_info(code)["name_translated"] if code else ""


def submitted_at(submission: ApplicationSubmission) -> str:
    return formats.date_format(timezone.localtime(submission.submit_time), "Y-m-d H:i")


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ALLOWED_ACTIONS and super().user_has_permission(user, action)


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ApplicationSubmission.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    language_code = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), method="filter_category", empty_label=_("All")
    )
    submit_time = django_filters.DateFromToRangeFilter(
        label=_("Date submitted"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ApplicationSubmission
        fields = ["status", "language_code", "category", "submit_time"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["category"].extra["choices"] = inbox.category_choices(
            language_code=translation.get_language()
        )

    def filter_category(self, queryset, name, value):
        return inbox.in_category(queryset, key=value)


class ApplicationIndexView(ExcelSafeExportMixin, IndexView):
    filterset_class = ApplicationFilterSet
    export_filename = "applications"
    # The answers' columns are added when exporting, from the forms the exported ones came from.
    list_export = list(FIXED_EXPORT_COLUMNS)

    @cached_property
    def reader(self) -> inbox.Reader:
        return inbox.Reader(language_code=translation.get_language())

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(inbox.matching(query=self.search_query))

    @cached_property
    def columns(self):
        field = ApplicationSubmission.ORGANISATION_FIELD
        return [
            TitleColumn(
                "organisation",
                label=_("Organisation"),
                accessor=lambda submission: self.reader.answer(submission, field) or submission,
                get_url=self.get_inspect_url,
            ),
            Column(
                "category",
                label=_("Category"),
                accessor=lambda submission: self.reader.answer(
                    submission, ApplicationSubmission.CATEGORY_FIELD
                ),
            ),
            Column("applicant_email", label=_("E-mail")),
            Column(
                "language", label=_("Language"), accessor=lambda s: language_name(s.language_code)
            ),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda s: s.status == ApplicationSubmission.Status.NEW,
                sort_key="status",
            ),
            DateColumn("submit_time", label=_("Date submitted"), sort_key="submit_time"),
        ]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        queryset = list(queryset)
        answer_columns = self.reader.columns(queryset)
        self.list_export = [
            *FIXED_EXPORT_COLUMNS,
            *(f"answer:{name}" for name, _ in answer_columns),
        ]
        self.export_headings = {
            **FIXED_EXPORT_COLUMNS,
            **{f"answer:{name}": heading for name, heading in answer_columns},
        }
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    def to_row_dict(self, item):
        answers = {f"answer:{answer.name}": answer.value for answer in self.reader.answers(item)}
        row = {
            "number": item.pk,
            "submitted": submitted_at(item),
            "language": language_name(item.language_code),
            "status": item.get_status_display(),
        }
        return {field: row.get(field, answers.get(field, "")) for field in self.list_export}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))

    def __init__(self, *args, submission: ApplicationSubmission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label) for status in inbox.next_statuses(submission=submission)
        ]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ApplicationDetailView(InspectView):
    """Every answer in full, the decision so far, the notes; changes by the forms on the page."""

    template_name = "membership/admin/application_detail.html"

    history_url_name = None

    def get_object(self, queryset=None):
        applications = ApplicationSubmission.objects.select_related("page")
        return get_object_or_404(applications.prefetch_related("notes__author"), pk=self.pk)

    @cached_property
    def header_more_buttons(self):
        return [Button(_("History"), url=self.get_history_url(), icon_name="history", priority=10)]

    def get_page_title(self):
        return str(self.object)

    def get_page_subtitle(self):
        return _("Application")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reader = inbox.Reader(language_code=translation.get_language())
        context.update(
            answers=reader.answers(self.object),
            language=language_name(self.object.language_code),
            submitted=submitted_at(self.object),
            notes=self.object.notes.all(),
            may_change=self.user_has_permission("change"),
            status_form=kwargs.get("status_form") or StatusForm(submission=self.object),
            note_form=kwargs.get("note_form") or NoteForm(),
            history_url=self.get_history_url(),
        )
        return context

    def get_history_url(self) -> str:
        return reverse(self.history_url_name, args=(self.object.pk,))

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        if "status" in request.POST:
            form = StatusForm(request.POST, submission=self.object)
            if form.is_valid():
                inbox.change_status(
                    submission=self.object, status=form.cleaned_data["status"], user=request.user
                )
                messages.success(request, _("Status changed."))
                return redirect(inbox.application_admin_url(self.object))
            return self.render_to_response(self.get_context_data(status_form=form))
        form = NoteForm(request.POST)
        if form.is_valid():
            inbox.add_note(
                submission=self.object, text=form.cleaned_data["text"], user=request.user
            )
            messages.success(request, _("Note added."))
            return redirect(inbox.application_admin_url(self.object))
        return self.render_to_response(self.get_context_data(note_form=form))


class ApplicationViewSet(ModelViewSet):
    """The membership team's one inbox for applications in every language."""

    model = ApplicationSubmission
    icon = "form"
    menu_label = _("Applications")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationDetailView
    search_fields = ["applicant_email"]  # what `matching` searches is wider; this turns search on

    @cached_property
    def permission_policy(self):
        return ApplicationPermissionPolicy(self.model)

    @cached_property
    def url_finder_class(self):
        # Log entries and reports link to the detail page: there is no edit form.
        return type(
            "ApplicationURLFinder",
            (ModelAdminURLFinder,),
            {
                "edit_url_name": self.get_url_name("inspect"),
                "permission_policy": self.permission_policy,
            },
        )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/history/", self.history_view, name="history"),
            path("<int:pk>/history/results/", self.history_results_view, name="history_results"),
        ]


def application_viewset() -> ApplicationViewSet:
    return ApplicationViewSet(inbox.INBOX_URL_NAMESPACE)
