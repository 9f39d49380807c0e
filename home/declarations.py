"""Shortcuts for what a model declares: its admin form, and the fields its translations share."""

from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField


def field_panels(*names: str) -> list[FieldPanel]:
    """One plain panel per field, in the order given: the whole form of a simple snippet."""
    return [FieldPanel(name) for name in names]


def synchronised_fields(*names: str) -> list[SynchronizedField]:
    """Fields copied from the source to every translation; translators cannot change them."""
    return [SynchronizedField(name, overridable=False) for name in names]
