"""Membership pages, the snippets they show, the fee table and the application form."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    Orderable,
    Page,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.bidi_controls import visible_bidi_controls
from home.blocks import RICH_TEXT_FEATURES
from home.declarations import field_panels, synchronised_fields
from home.models import ModeratedSnippet, SitePage
from membership.blocks import MembershipBodyBlock
from membership.fee_forms import FeeTableForm
from membership.forms import ApplicationFormBuilder


class Testimonial(ModeratedSnippet):
    """A partner's words about the network, shown on membership pages and the testimonials page."""

    quote = models.TextField(_("quote"))
    person = models.ForeignKey(
        "events.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Name, role, organisation and photo come from the person."),
    )
    link = models.URLField(_("link"), blank=True, help_text=_("Where to read more (optional)."))

    panels = field_panels("quote", "person", "link")
    preview_template = "membership/previews/testimonial.html"

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self) -> str:
        return f"{self.person}: {self.quote[:60]}"


class Contact(ModeratedSnippet):
    """The person visitors can ask about membership ("Got any questions?")."""

    person = models.ForeignKey(
        "events.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = field_panels("person", "email", "phone")
    preview_template = "membership/previews/contact.html"

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return str(self.person)


class FeeTable(ModeratedSnippet, ClusterableModel):
    """Annual membership fees for a period, as data: one row per category and size."""

    class Currency(models.TextChoices):
        EUR = "EUR", "EUR €"
        USD = "USD", "USD $"
        JPY = "JPY", "JPY ¥"

    title = models.CharField(_("title"), max_length=200)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    amounts_are_examples = models.BooleanField(
        _("these amounts are examples"),
        default=False,
        help_text=_("Shows a clear notice that the amounts are not real fees."),
    )
    note = models.TextField(_("note"), blank=True)

    base_form_class = FeeTableForm
    panels = [
        FieldPanel("title"),
        FieldRowPanel(
            [FieldPanel("currency"), FieldPanel("valid_from"), FieldPanel("valid_until")]
        ),
        FieldPanel("amounts_are_examples"),
        FieldPanel("note"),
        InlinePanel("rows", label=_("Fees"), heading=_("Fees")),
    ]
    preview_template = "membership/previews/fee_table.html"

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("fee table")
        verbose_name_plural = _("fee tables")

    def __str__(self) -> str:
        return self.title

    def get_preview_context(self, request, mode_name):
        # membership.fees imports these models: imported on use, no cycle at app loading.
        from membership.fees import fee_finder

        finder = fee_finder(
            table=self, category=None, population=None, language_code=self.locale.language_code
        )
        return {"request": request, "object": self, "fee_table": self, "finder": finder}


class FeeRow(TranslatableMixin, Orderable):
    """One membership category (and population band) with its annual fee."""

    class Category(models.TextChoices):
        LOCAL_GOVERNMENT = "local_government", _("Local government")
        REGIONAL_GOVERNMENT = "regional_government", _("Regional government")
        ASSOCIATE_NGO = "associate_ngo", _("Associate partner: non-governmental organisation")
        ASSOCIATE_UNIVERSITY = "associate_university", _("Associate partner: university")
        ASSOCIATE_AGENCY = (
            "associate_agency",
            _("Associate partner: state or national government agency"),
        )
        ASSOCIATE_RESEARCH = (
            "associate_research",
            _("Associate partner: not-for-profit research institution"),
        )

    table = ParentalKey(FeeTable, on_delete=models.CASCADE, related_name="rows")
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    label = models.CharField(
        _("label"), max_length=200, help_text=_("e.g. “100,000 – 499,999 inhabitants”.")
    )
    population_min = models.PositiveBigIntegerField(_("population from"), null=True, blank=True)
    population_max = models.PositiveBigIntegerField(
        _("population up to"), null=True, blank=True, help_text=_("Leave empty for “and more”.")
    )
    annual_amount = models.DecimalField(
        _("annual amount"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    # Amounts and bands are data, the same in every language; only the label is translated.
    override_translatable_fields = synchronised_fields(
        "category", "population_min", "population_max", "annual_amount"
    )

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("label")]),
        FieldRowPanel(
            [
                FieldPanel("population_min"),
                FieldPanel("population_max"),
                FieldPanel("annual_amount"),
            ]
        ),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("fee")
        verbose_name_plural = _("fees")

    def clean(self):
        if (
            self.population_min is not None
            and self.population_max is not None
            and self.population_max < self.population_min
        ):
            raise ValidationError(
                {"population_max": _("The band must end at or above where it starts.")}
            )


class MembershipPage(SitePage):
    """The membership landing page and its general child pages (associate partnership…)."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(MembershipBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "membership.MembershipPage"]
    subpage_types = [
        "membership.MembershipPage",
        "membership.FeeStructurePage",
        "membership.PartnerTestimonialsPage",
        "membership.MembershipApplicationPage",
    ]
    meta_description_source = "intro"

    class Meta:
        verbose_name = _("membership page")


class FeeStructurePage(SitePage):
    """Rates and dues: the fee table, and a finder for one's own fee (works without scripts)."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    fee_table = models.ForeignKey(
        FeeTable,
        verbose_name=_("fee table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(MembershipBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("fee_table"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["membership.MembershipPage"]
    subpage_types = []
    meta_description_source = "intro"

    class Meta:
        verbose_name = _("fee structure page")

    def get_context(self, request, *args, **kwargs):
        # membership.fees imports these models: imported on use, no cycle at app loading.
        from membership.fees import fee_finder

        # membership.published imports these models too: imported on use for the same reason.
        from membership.published import published_for_visitors

        context = super().get_context(request, *args, **kwargs)
        table = published_for_visitors(snippet=self.fee_table)
        context["fee_table"] = table
        context["finder"] = fee_finder(
            table=table,
            category=request.GET.get("category"),
            population=request.GET.get("population"),
            language_code=self.locale.language_code,
        )
        return context


class PartnerTestimonialsPage(SitePage):
    """Every partner testimonial in one place, each with its own anchor to link to."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["membership.MembershipPage"]
    subpage_types = []
    max_count_per_parent = 1
    meta_description_source = "intro"

    class Meta:
        verbose_name = _("partner testimonials page")

    def get_context(self, request, *args, **kwargs):
        # membership.published imports these models: imported on use, no cycle at app loading.
        from membership.published import published_testimonials

        context = super().get_context(request, *args, **kwargs)
        context["testimonials"] = published_testimonials(locale=self.locale)
        return context


class ApplicationFormField(TranslatableMixin, AbstractFormField):
    """A question on the application form, translated with the page."""

    page = ParentalKey(
        "membership.MembershipApplicationPage", on_delete=models.CASCADE, related_name="form_fields"
    )

    # Labels and help are read by applicants; the field's key and type stay the same in every
    # language so that all applications share one set of columns.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        *synchronised_fields("clean_name", "field_type", "required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ApplicationSubmission(AbstractFormSubmission):
    """A stored application: kept first, before any e-mail is tried; the team decides on it."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("In review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        SPAM = "spam", _("Spam")

    # The answers the team finds applications by, named by the question's clean name, which
    # stays the same in every language and when an editor rewords the question.
    ORGANISATION_FIELD = "organisation"
    CATEGORY_FIELD = "type_of_organisation"

    token = models.UUIDField(_("submission token"), unique=True, default=uuid.uuid4, editable=False)
    language_code = models.CharField(_("language"), max_length=10, default="en")
    applicant_email = models.EmailField(_("applicant e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submit_time", "-pk"]

    def __str__(self) -> str:
        organisation = self.form_data.get(self.ORGANISATION_FIELD) if self.form_data else None
        # The admin titles the application with this: direction controls shown, not obeyed.
        return visible_bidi_controls(
            str(organisation or _("Application %(number)s") % {"number": self.pk})
        )


class ApplicationNote(models.Model):
    """A team member's note on an application, kept with who wrote it and when."""

    submission = models.ForeignKey(
        ApplicationSubmission, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    text = models.TextField(_("note"))

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class MembershipApplicationPage(AbstractForm, SitePage):
    """The application form: editors choose its questions; applications are never lost."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(_("thank-you message"), features=RICH_TEXT_FEATURES, blank=True)
    team_email = models.EmailField(
        _("membership team e-mail"),
        blank=True,
        help_text=_("Where new applications are announced."),
    )

    # Where applications are announced is the same in every language, and not a translator's call.
    override_translatable_fields = synchronised_fields("team_email")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("team_email")], heading=_("E-mail")),
    ]
    parent_page_types = ["membership.MembershipPage"]
    subpage_types = []
    meta_description_source = "intro"

    class Meta:
        verbose_name = _("application form page")

    def get_submission_class(self):
        return ApplicationSubmission

    def get_form_class(self):
        return ApplicationFormBuilder(self.get_form_fields()).get_form_class()

    def serve(self, request, *args, **kwargs):
        # membership.views imports these models: imported on use, no cycle at app loading.
        from membership.views import serve_application_form

        return serve_application_form(request, page=self)

    def serve_after_failed_csrf_check(self, request):
        """The visitor's answers back in the form when their session expired (home.views)."""
        # membership.views imports these models: imported on use, no cycle at app loading.
        from membership.views import refill_application_form

        return refill_application_form(request, page=self)

    def serve_submissions_list_view(self, request, *args, **kwargs):
        # membership.inbox imports these models: imported on use, no cycle at app loading.
        from membership.inbox import inbox_url

        # Every language's applications are read in one place, the Applications inbox.
        return redirect(inbox_url())


class OutgoingEmail(models.Model):
    """An e-mail the site owes someone; kept until sent, so a mail-server outage loses nothing."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    purpose = models.CharField(_("purpose"), max_length=50)
    to = models.EmailField(_("to"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    # Empty once the e-mail is sent or has failed for good: nothing more is due.
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True, default=timezone.now
    )
    # When a sender took the e-mail: the claim that keeps every other sender off it.
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    submission = models.ForeignKey(
        ApplicationSubmission,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="emails",
    )

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
