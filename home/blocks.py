"""The content blocks every page type shares: editors build pages from these."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingLevel(models.TextChoices):
    H2 = "h2", _("Section (h2)")
    H3 = "h3", _("Subsection (h3)")
    H4 = "h4", _("Minor (h4)")


class HeadingBlock(blocks.StructBlock):
    """A section heading; pages keep one h1, so blocks start at h2."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=HeadingLevel.choices,
        default=HeadingLevel.H2,
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen-reader users hear."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")


class MediaEmbedBlock(blocks.StructBlock):
    """A video or other media from YouTube, Vimeo…, shown as a link until the visitor asks."""

    url = EmbedBlock(label=_("Media URL"), help_text=_("For example a YouTube or Vimeo address."))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("What the media is, for every visitor.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "blocks/media_embed_block.html"
        label = _("Embedded media")


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person who said it."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Name"), required=False, max_length=200)
    role = blocks.CharBlock(label=_("Role and organisation"), required=False, max_length=250)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")


class LinkValue(blocks.StructValue):
    """Gives templates one URL whether the editor chose a page or typed an address."""

    def url(self) -> str:
        page = self.get("page")
        if page:
            page = page.localized
            # A link to an unpublished page would lead visitors to a 404.
            return (page.url or "") if page.live else ""
        return self.get("external_url") or ""

    def text(self) -> str:
        page = self.get("page")
        return self.get("label") or (page.localized.title if page else self.get("external_url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to another address."""

    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("Other address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue
        form_classname = "link-block"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            message = _("Choose a page or enter another address (one of the two).")
            raise StructBlockValidationError(block_errors={"page": ValidationError(message)})
        if value.get("external_url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError(_("Links to other sites need link text."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one button (apply, register, read more)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document (PDF, slides…) with its type and size shown."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document link")


class TableBlock(blocks.StructBlock):
    """A data table with a caption and header cells that screen readers announce."""

    caption = blocks.CharBlock(
        label=_("Caption"), max_length=250, help_text=_("Says what the table shows.")
    )
    column_headings = blocks.ListBlock(
        blocks.CharBlock(label=_("Column heading"), max_length=120), label=_("Column headings")
    )
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("Cell"), required=False), label=_("Row")),
        label=_("Rows"),
    )
    first_column_is_header = blocks.BooleanBlock(
        label=_("The first column names each row"), required=False, default=False
    )

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Table")

    def clean(self, value):
        value = super().clean(value)
        width = len(value["column_headings"])
        for number, row in enumerate(value["rows"], start=1):
            if len(row) != width:
                raise StructBlockValidationError(
                    block_errors={
                        "rows": ValidationError(
                            _(
                                "Row %(number)s has %(cells)s cells; the table has %(width)s columns."
                            )
                            % {"number": number, "cells": len(row), "width": width}
                        )
                    }
                )
        return value


class BodyBlock(blocks.StreamBlock):
    """The shared set of blocks for the main content of every page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=RICH_TEXT_FEATURES, template="blocks/rich_text_block.html"
    )
    image = ImageBlock()
    embed = MediaEmbedBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = TableBlock()

    class Meta:
        label = _("Body")


class FeaturedCardBlock(blocks.StructBlock):
    """A card on the home page pointing visitors to a page or another site."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    image = ImageChooserBlock(label=_("Image"), required=False)
    image_alt_text = blocks.CharBlock(
        label=_("Image alternative text"),
        required=False,
        max_length=250,
        help_text=_("Leave empty if the image only decorates the card."),
    )
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "pick"
        template = "blocks/featured_card_block.html"
        label = _("Featured card")


class NavigationLinkBlock(LinkBlock):
    """A link in the header navigation or the footer (icon and label come from LinkBlock)."""
