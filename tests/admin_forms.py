"""Admin edit forms as a browser posts them untouched, for tests that save through the admin.

Plain inputs are read from the rendered HTML; each StreamField from the JSON state the admin
hands its block editor (what the editor's script turns into form fields).
"""

import json
from html.parser import HTMLParser

from django.http import QueryDict

from wagtail import blocks
from wagtail.blocks.base import get_error_json_data
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

PAGE_FORM = "page-edit-form"
SNIPPET_FORM = "w-editor-form"


class _StreamStates(HTMLParser):
    """Collects the block editor's initial state for each StreamField in a form, by field name."""

    def __init__(self):
        super().__init__()
        self.states: dict[str, object] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and "data-w-block-arguments-value" in attributes:
            value, _errors = json.loads(attributes["data-w-block-arguments-value"])
            self.states[attributes["id"]] = value


def _block_data(block: blocks.Block, state, prefix: str) -> dict[str, str | list[str]]:
    """The form fields the block editor's script posts for one block's state."""
    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": str(len(state))}
        for index, child in enumerate(state):
            item = f"{prefix}-{index}"
            data |= {
                f"{item}-type": child["type"],
                f"{item}-id": child.get("id") or "",
                f"{item}-order": str(index),
                f"{item}-deleted": "",
            }
            data |= _block_data(block.child_blocks[child["type"]], child["value"], f"{item}-value")
        return data
    if isinstance(block, blocks.ListBlock):
        data = {f"{prefix}-count": str(len(state))}
        for index, child in enumerate(state):
            item = f"{prefix}-{index}"
            data |= {f"{item}-id": child.get("id") or "", f"{item}-order": str(index)}
            data[f"{item}-deleted"] = ""
            data |= _block_data(block.child_block, child["value"], f"{item}-value")
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            data |= _block_data(child_block, (state or {}).get(name), f"{prefix}-{name}")
        return data
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if state else {}
    if isinstance(state, dict):  # a chooser: the chosen object's id
        return {prefix: str(state["id"])}
    if isinstance(state, list):  # a select: its chosen option(s)
        return {prefix: [str(value) for value in state]}
    return {prefix: "" if state is None else str(state)}


def form_data_as_rendered(*, html: str, form_id: str, model) -> QueryDict:
    """What the admin form posts when the editor changes nothing and saves."""
    data = querydict_from_html(html, form_id=form_id)
    parser = _StreamStates()
    parser.feed(html)
    for name, state in parser.states.items():
        field = model._meta.get_field(name)
        assert isinstance(field, StreamField), name
        for key, value in _block_data(field.stream_block, state, name).items():
            data.setlist(key, value if isinstance(value, list) else [value])
    return data


def form_errors(response) -> str:
    """The admin's validation messages, for a readable failure."""
    context = response.context or {}
    form = context.get("form")
    if form is None:
        return response.content.decode()[:500]
    messages = [
        f"{name}: {[get_error_json_data(error) for error in errors.as_data()]}"
        for name, errors in form.errors.items()
    ]
    for name, formset in getattr(form, "formsets", {}).items():
        messages += [f"{name}: {errors}" for errors in formset.errors if errors]
        messages += [f"{name}: {error}" for error in formset.non_form_errors()]
    return "\n".join(messages)
