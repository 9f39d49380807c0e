"""The application form as applicants get it: the editors' questions plus abuse protection."""

import re
import uuid

import django.forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

# A name no browser or password manager autofills, so people never trip it by accident.
HONEYPOT_FIELD = "hp_leave_empty"
TOKEN_FIELD = "submission_token"  # noqa: S105 (a form field name)
MULTILINE_MAX_LENGTH = 5000
# Control characters other than tab and line breaks: invisible, and they break exports.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def plain_text(value):
    """Strip characters that have no place in a form answer; text stays as typed otherwise."""
    if isinstance(value, str):
        return _CONTROL_CHARACTERS.sub("", value)
    if isinstance(value, list):
        return [plain_text(item) for item in value]
    return value


class ApplicationForm(BaseForm):
    """Adds a honeypot and a one-time token (against double submission) to any editor's form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and hasattr(self.data, "lists"):
            # Invisible control characters are dropped before validation, not refused.
            data = self.data.copy()
            for key, values in self.data.lists():
                data.setlist(key, [plain_text(value) for value in values])
            self.data = data
        self.fields[HONEYPOT_FIELD] = django.forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TOKEN_FIELD] = django.forms.UUIDField(
            required=False, widget=django.forms.HiddenInput, initial=uuid.uuid4
        )

    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def submission_token(self) -> uuid.UUID | None:
        return self.cleaned_data.get(TOKEN_FIELD)

    def answers(self) -> dict:
        """The applicant's answers only (no honeypot, no token), as stored."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (HONEYPOT_FIELD, TOKEN_FIELD)
        }


class ApplicationFormBuilder(FormBuilder):
    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        return type("ApplicationForm", (ApplicationForm,), self.formfields)
