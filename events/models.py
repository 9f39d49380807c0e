"""Events, their sessions (one page each) and the people who take part."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    Orderable,
    Page,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.blocks import MaterialBlock, OrganisationBlock, TopicBlock
from events.forms import EventPageForm, SessionPageForm
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.models import HeroImageMixin, ModeratedSnippet, SitePage


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a time zone name. Use an IANA name such as Asia/Tokyo."),
            params={"value": value},
        ) from error


class Person(ModeratedSnippet):
    """Someone who speaks, moderates or reports at events; reused across pages."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As the organisers write it, e.g. “SHODA Yutaka” (family name in capitals)."),
    )
    role = models.CharField(_("title or role"), max_length=250, blank=True)
    organisation = models.CharField(_("organisation"), max_length=250, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_preview_template(self, request, mode_name):
        return "events/previews/person.html"


class EventIndexPage(SitePage):
    """The list of events: upcoming first, then past ones by year."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    meta_description_source = "intro"

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request, *args, **kwargs):
        # events.listing imports these models: imported on use, no cycle at app loading.
        from events.listing import event_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = event_listing(
            index=self, page_number=request.GET.get("page"), year=request.GET.get("year")
        )
        return context


class EventPage(RoutablePageMixin, SitePage, HeroImageMixin):
    """An event (forum, conference, webinar) with its programme of sessions."""

    FORMAT_ONLINE = "online"
    FORMAT_IN_PERSON = "in_person"
    FORMAT_HYBRID = "hybrid"
    FORMAT_CHOICES = [
        (FORMAT_ONLINE, _("Online")),
        (FORMAT_IN_PERSON, _("In person")),
        (FORMAT_HYBRID, _("Hybrid")),
    ]

    summary = models.TextField(_("summary"), max_length=500, help_text=_("One or two sentences."))
    start_date = models.DateField(_("first day"), help_text=_("In the event's time zone."))
    end_date = models.DateField(_("last day"), help_text=_("In the event's time zone."))
    time_zone = models.CharField(
        _("official time zone"),
        max_length=64,
        default="Asia/Tokyo",
        validators=[validate_time_zone],
        help_text=_(
            "IANA name, e.g. America/New_York or Asia/Tokyo. Session times are entered in it."
        ),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=FORMAT_CHOICES, default=FORMAT_ONLINE
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    streaming_platform = models.CharField(
        _("streaming platform"), max_length=100, blank=True, help_text=_("e.g. YouTube Live.")
    )
    organisers = StreamField(
        [("organisation", OrganisationBlock())], verbose_name=_("organisers"), blank=True
    )
    spoken_language = models.CharField(_("language"), max_length=100, blank=True)
    interpretation = models.CharField(_("interpretation"), max_length=250, blank=True)
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    objectives = RichTextField(_("objectives"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    topics = StreamField([("topic", TopicBlock())], verbose_name=_("topics"), blank=True)

    # The same instants, days and zone in every language: translators cannot change them.
    override_translatable_fields = [
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("format", overridable=False),
        SynchronizedField("registration_url", overridable=False),
    ]

    base_form_class = EventPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("streaming_platform"),
                FieldRowPanel([FieldPanel("spoken_language"), FieldPanel("interpretation")]),
                FieldPanel("registration_url"),
            ],
            heading=_("Where and how"),
        ),
        FieldPanel("organisers"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt_text")], heading=_("Hero")
        ),
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldPanel("topics"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("objectives"),
        index.SearchField("body"),
        index.FilterField("start_date"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.SessionPage"]
    meta_description_source = "summary"

    class Meta:
        verbose_name = _("event")

    @cached_property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def get_context(self, request, *args, **kwargs):
        # events.page_context imports these models: imported on use, no cycle at app loading.
        from events.page_context import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(event=self, request=request))
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """The whole programme as an iCalendar file, one entry per session."""
        # events.views imports these models: imported on use, no cycle at app loading.
        from events.views import event_calendar

        return event_calendar(request, event=self)


class SessionPage(RoutablePageMixin, SitePage):
    """One session of an event's programme, with its people, stream and recording."""

    KIND_CHOICES = [
        ("opening", _("Opening remarks")),
        ("framing", _("Framing session")),
        ("keynote", _("Keynote")),
        ("plenary", _("Plenary")),
        ("parallel", _("Parallel session")),
        ("panel", _("Panel")),
        ("closing_plenary", _("Closing plenary")),
        ("closing", _("Closing remarks")),
        ("break", _("Break")),
    ]

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default="plenary")
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    live_stream_url = models.URLField(_("live stream link"), blank=True)
    recording_url = models.URLField(_("recording link"), blank=True)
    materials = StreamField(
        [("material", MaterialBlock())], verbose_name=_("materials"), blank=True
    )

    override_translatable_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("live_stream_url", overridable=False),
        SynchronizedField("recording_url", overridable=False),
    ]

    base_form_class = SessionPageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("kind")],
            heading=_("When"),
        ),
        FieldPanel("description"),
        InlinePanel("people", label=_("People"), heading=_("People")),
        MultiFieldPanel(
            [FieldPanel("live_stream_url"), FieldPanel("recording_url")], heading=_("Video")
        ),
        FieldPanel("materials"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]

    parent_page_types = ["events.EventPage"]
    subpage_types = []
    # Editors submit the event with its programme; approving the event publishes its sessions.
    publish_with_parent = True
    meta_description_source = "description"

    class Meta:
        verbose_name = _("session")

    def snippets_published_with_page(self) -> list[Person]:
        """The people this session names: a new speaker is approved with the session."""
        return [part.person for part in self.people.all()]

    def get_admin_display_title(self) -> str:
        # Moderators see sessions in lists of unrelated pages: name the event they belong to.
        event = self.get_parent()
        title = super().get_admin_display_title()
        return f"{title} ({event.title})" if event else title

    def get_context(self, request, *args, **kwargs):
        # events.page_context imports these models: imported on use, no cycle at app loading.
        from events.page_context import session_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(session_page_context(session=self, request=request))
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """This session as an iCalendar file."""
        # events.views imports these models: imported on use, no cycle at app loading.
        from events.views import session_calendar

        return session_calendar(request, session=self)


class SessionPerson(TranslatableMixin, Orderable):
    """A person's part in one session (speaker, moderator…), translated with the session."""

    ROLE_CHOICES = [
        ("speaker", _("Speaker")),
        ("moderator", _("Moderator")),
        ("rapporteur", _("Rapporteur")),
        ("remarks", _("Remarks")),
        ("panellist", _("Panellist")),
    ]

    session = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES, default="speaker")

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("person in the session")
        verbose_name_plural = _("people in the session")
