"""Blocks for membership pages: benefits, key figures, a testimonial, the contact callout."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BodyBlock, LinkBlock


class OptionalLinkBlock(LinkBlock):
    """A link an editor may leave out entirely; once started it must be complete."""

    def clean(self, value):
        # LinkBlock insists on a page or an address even when the link is optional, so a card
        # stored without a link (as most are) could never be saved again unchanged.
        if not any(value.get(name) for name in ("label", "page", "external_url")):
            return blocks.StructBlock.clean(self, value)
        return super().clean(value)


class BenefitIcon(models.TextChoices):
    NETWORK = "network", _("Network")
    EVENT = "event", _("Event")
    EXPERTISE = "expertise", _("Expertise")
    PARTNERS = "partners", _("Partners")
    FUNDING = "funding", _("Funding")


class BenefitCardBlock(blocks.StructBlock):
    """One thing members get, as a card."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=400)
    icon = blocks.ChoiceBlock(
        label=_("Icon"),
        required=False,
        choices=BenefitIcon.choices,
    )
    image = ImageChooserBlock(
        label=_("Image"), required=False, help_text=_("Decorative; shown instead of the icon.")
    )
    link = OptionalLinkBlock(label=_("Link"), required=False)

    class Meta:
        icon = "pick"
        label = _("Benefit card")


class BenefitCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    cards = blocks.ListBlock(BenefitCardBlock(), label=_("Cards"), min_num=1)

    class Meta:
        icon = "grip"
        template = "membership/blocks/benefit_cards.html"
        label = _("Benefit cards")


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=30, help_text=_("e.g. 2,500+"))
    label = blocks.CharBlock(label=_("Label"), max_length=150)

    class Meta:
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "order"
        template = "membership/blocks/key_figures.html"
        label = _("Key figures")


class PublishedSnippetBlock(blocks.StructBlock):
    """One chosen snippet, shown as visitors see it: its published version, or nothing."""

    def get_context(self, value, parent_context=None):
        # membership.models imports this module and membership.published imports the models, so
        # the function is imported on use (no cycle at app loading).
        from membership.published import published_for_visitors

        context = super().get_context(value, parent_context=parent_context)
        # The block's one field names the snippet, and the template reads it by that name.
        for name in self.child_blocks:
            context[name] = published_for_visitors(snippet=value[name])
        return context


class TestimonialBlock(PublishedSnippetBlock):
    testimonial = SnippetChooserBlock("membership.Testimonial", label=_("Testimonial"))

    class Meta:
        icon = "openquote"
        template = "membership/blocks/testimonial.html"
        label = _("Testimonial")


class ContactCalloutBlock(PublishedSnippetBlock):
    contact = SnippetChooserBlock("membership.Contact", label=_("Contact"))

    class Meta:
        icon = "mail"
        template = "membership/blocks/contact_callout.html"
        label = _("Contact callout")


class MembershipBodyBlock(BodyBlock):
    """The shared blocks plus what membership pages need."""

    benefit_cards = BenefitCardsBlock()
    key_figures = KeyFiguresBlock()
    testimonial = TestimonialBlock()
    contact_callout = ContactCalloutBlock()
