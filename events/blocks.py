"""Blocks for event pages: organisers, objectives, topics and session materials."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import DocumentLinkBlock


class OrganisationRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    COLLABORATOR = "collaborator", _("Collaborator")


class OrganisationBlock(blocks.StructBlock):
    """An organisation behind the event, as organiser or collaborator."""

    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.ChoiceBlock(
        label=_("Role"),
        choices=OrganisationRole.choices,
        default=OrganisationRole.ORGANISER,
    )
    url = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "group"
        label = _("Organisation")


class TopicBlock(blocks.StructBlock):
    """A topic the event covers (for example a day's parallel-session themes)."""

    title = blocks.CharBlock(label=_("Topic"), max_length=250)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "tag"
        label = _("Topic")


class MaterialBlock(DocumentLinkBlock):
    """A document from the session: slides, report, transcript (shown as a document link)."""

    class Meta:
        label = _("Material")
