"""Application answers stored the same in every language, and shown in the reader's language.

A choice is stored as its wording on the form in the site's source language (the key): a
translated form lists the same choices in the same order, so a Japanese answer maps to its key by
position. Keys survive an editor reordering the choices, which positions would not. A ticked box
(the consent) is stored as the time it was sent.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext

from wagtail.contrib.forms.forms import FormBuilder
from wagtail.models import Locale

from home.bidi_controls import visible_bidi_controls
from membership.models import ApplicationFormField

CHOICE_TYPES = {"dropdown", "radio", "checkboxes", "multiselect"}
TICK_TYPE = "checkbox"


def choice_list(form_field) -> list[str]:
    """The field's choices, split the way Wagtail's form builder splits them."""
    return [value for value, _label in FormBuilder([]).get_formatted_field_choices(form_field)]


def _choice_key(value, *, choices: list[str], keys: list[str]):
    if isinstance(value, list):
        return [_choice_key(item, choices=choices, keys=keys) for item in value]
    # A translation with a different number of choices cannot be matched by position.
    if value in choices and len(choices) == len(keys):
        return keys[choices.index(value)]
    return value


def language_independent_answers(
    *, fields: list, source_fields: list, answers: dict, received_at: datetime.datetime
) -> dict:
    """The answers as stored: choices as keys, a ticked box as the time it was received.

    `fields` are the questions the applicant saw; `source_fields` the same questions in the
    source language (any objects with clean_name, field_type and choices, so migrations can
    pass their historical models).
    """
    stored = dict(answers)
    source_by_name = {source.clean_name: source for source in source_fields}
    for question in fields:
        name = question.clean_name
        if name not in stored:
            continue
        value = stored[name]
        if question.field_type in CHOICE_TYPES:
            source = source_by_name.get(name, question)
            stored[name] = _choice_key(
                value, choices=choice_list(question), keys=choice_list(source)
            )
        elif question.field_type == TICK_TYPE and isinstance(value, bool):
            stored[name] = received_at.isoformat() if value else ""
    return stored


def stored_answers(*, page, answers: dict) -> dict:
    """What is kept of an application sent on `page` (a form in any language)."""
    source = page.get_translation_or_none(Locale.get_default()) or page
    return language_independent_answers(
        fields=list(page.get_form_fields()),
        source_fields=list(source.get_form_fields()),
        answers=answers,
        received_at=timezone.now(),
    )


@dataclass(frozen=True)
class Question:
    """A question as the reader reads it: its label and its choices' labels by key."""

    name: str
    label: str
    field_type: str
    choice_labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    name: str
    label: str
    value: str


def questionnaires(*, language_code: str) -> dict[str, list[Question]]:
    """Every application form's questions in the reader's language, by the form's translation key."""
    by_form: dict = defaultdict(lambda: defaultdict(dict))
    for question in ApplicationFormField.objects.select_related("locale", "page").order_by(
        "sort_order", "pk"
    ):
        form = by_form[str(question.page.translation_key)]
        form[question.locale.language_code][str(question.translation_key)] = question
    return {
        form_key: _questions_in(languages, language_code=language_code)
        for form_key, languages in by_form.items()
    }


def _questions_in(languages: dict, *, language_code: str) -> list[Question]:
    source = languages.get(settings.LANGUAGE_CODE) or next(iter(languages.values()))
    shown = languages.get(language_code, {})
    questions = []
    for key, source_question in source.items():
        reader_question = shown.get(key, source_question)
        keys, labels = choice_list(source_question), choice_list(reader_question)
        questions.append(
            Question(
                name=source_question.clean_name,
                label=reader_question.label,
                field_type=source_question.field_type,
                choice_labels=dict(zip(keys, labels, strict=True))
                if len(keys) == len(labels)
                else {},
            )
        )
    return questions


def shown_value(value, *, question: Question | None) -> str:
    """One stored answer as the reader reads it: choice labels, the consent's time, plain text
    (with any text-direction control written out, home/bidi_controls.py)."""
    if isinstance(value, list):
        return ", ".join(shown_value(item, question=question) for item in value)
    if question is not None and question.field_type == TICK_TYPE:
        return _ticked(value)
    if question is not None and value in question.choice_labels:
        return question.choice_labels[value]
    if value is None:
        return ""
    return visible_bidi_controls(str(value))


def _ticked(value) -> str:
    if value is True:
        return gettext("Yes")
    moment = parse_datetime(value) if isinstance(value, str) and value else None
    if moment is None:
        return gettext("No")
    when = formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    return gettext("Yes, on %(time)s") % {"time": when}


def shown_answers(*, form_data: dict, questions: list[Question]) -> list[Answer]:
    """Every answer in the form's order, then any whose question was removed from the form."""
    answers = [
        Answer(question.name, question.label, shown_value(form_data.get(q), question=question))
        for question in questions
        if (q := question.name) in form_data
    ]
    asked = {question.name for question in questions}
    answers += [
        Answer(name, name, shown_value(value, question=None))
        for name, value in form_data.items()
        if name not in asked
    ]
    return answers
