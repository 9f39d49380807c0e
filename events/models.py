"""Events, their sessions (one page each) and the people who take part."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext
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

from events.blocks import MaterialBlock, OrganisationBlock, TopicBlock
from events.forms import EventPageForm, SessionPageForm
from events.timing import display_zone, format_day, is_zone_name, zone_named
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.declarations import field_panels, synchronised_fields
from home.models import HeroImageMixin, ModeratedSnippet, SitePage


def validate_time_zone(value: str) -> None:
    if not is_zone_name(value):
        raise ValidationError(
            _("“%(value)s” is not a time zone name. Use an IANA name such as Asia/Tokyo."),
            params={"value": value},
        )


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

    panels = field_panels("name", "role", "organisation", "photo", "bio")
    preview_template = "events/previews/person.html"

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def affiliation(self) -> str:
        """Role and organisation on one line, in the order the visitor's language writes them."""
        if self.role and self.organisation:
            # Translators: a person's title and organisation, e.g. "Mayor, City of Toyama".
            return gettext("%(role)s, %(organisation)s") % {
                "role": self.role,
                "organisation": self.organisation,
            }
        return self.role or self.organisation


# The events index's own addresses below it (RoutablePageMixin routes).
FEED_ROUTES = ("events_feed", "events_calendar")


class EventIndexPage(RoutablePageMixin, SitePage):
    """The list of events: upcoming first, then past ones by year; with its feed and calendar."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    meta_description_source = "intro"

    class Meta:
        verbose_name = _("events index")

    def default_meta_description(self) -> str:
        return gettext("Upcoming and past events of the network, with their programmes.")

    def get_context(self, request, *args, **kwargs):
        # events.page_context imports these models: imported on use, no cycle at app loading.
        from events.page_context import event_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_index_context(page=self, request=request))
        return context

    def get_cached_paths(self):
        # Publishing an event or session purges the index in both languages (it lists them),
        # and with it the feed and the calendar, which carry them too.
        return ["/", *(f"/{self.reverse_subpage(name)}" for name in FEED_ROUTES)]

    # The views import these models, so they are named here and imported on use.
    @path("feed/", name="events_feed")
    def events_feed(self, request):
        """New and changed events of this language, for feed readers (Atom)."""
        return import_string("events.views.events_feed")(request, page=self)

    @path("calendar/", name="events_calendar")
    def events_calendar(self, request):
        """This language's coming events and their sessions, to subscribe to (iCalendar)."""
        return import_string("events.views.events_calendar")(request, page=self)


class ProgrammePage(RoutablePageMixin, SitePage):
    """An event or one of its sessions: shows the programme, and offers it as a calendar file."""

    # Dotted paths of `fn(*, page, request) -> dict` (what the page shows, computed at request
    # time) and `view(request, *, page)` (its iCalendar file). Those modules import these
    # models, so they are named here and imported on use.
    context_function: str
    calendar_view: str

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(import_string(self.context_function)(page=self, request=request))
        return context

    def get_cached_paths(self):
        # A CDN keeps the calendar file too: purged with the page (home/cache_invalidation.py).
        return ["/", "/calendar/"]

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """The page's part of the programme as an iCalendar file."""
        return import_string(self.calendar_view)(request, page=self)


class EventPage(ProgrammePage, HeroImageMixin):
    """An event (forum, conference, webinar) with its programme of sessions."""

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

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
        _("format"), max_length=20, choices=Format.choices, default=Format.ONLINE
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
    override_translatable_fields = synchronised_fields(
        "time_zone", "start_date", "end_date", "format", "registration_url"
    )

    base_form_class = EventPageForm
    context_function = "events.page_context.event_page_context"
    calendar_view = "events.views.event_calendar"
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
    def zone(self) -> ZoneInfo:
        return zone_named(self.time_zone)


class SessionPage(ProgrammePage):
    """One session of an event's programme, with its people, stream and recording."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening remarks")
        FRAMING = "framing", _("Framing session")
        KEYNOTE = "keynote", _("Keynote")
        PLENARY = "plenary", _("Plenary")
        PARALLEL = "parallel", _("Parallel session")
        PANEL = "panel", _("Panel")
        CLOSING_PLENARY = "closing_plenary", _("Closing plenary")
        CLOSING = "closing", _("Closing remarks")
        BREAK = "break", _("Break")

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLENARY)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    live_stream_url = models.URLField(_("live stream link"), blank=True)
    recording_url = models.URLField(_("recording link"), blank=True)
    materials = StreamField(
        [("material", MaterialBlock())], verbose_name=_("materials"), blank=True
    )

    # The same instants, kind and links in every language: translators cannot change them.
    override_translatable_fields = synchronised_fields(
        "start", "end", "kind", "live_stream_url", "recording_url"
    )

    base_form_class = SessionPageForm
    context_function = "events.page_context.session_page_context"
    calendar_view = "events.views.session_calendar"
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

    @cached_property
    def event(self) -> "EventPage | None":
        """The event whose programme this session is part of (its parent page)."""
        parent = self.get_parent()
        return parent.specific if parent is not None else None

    def default_meta_description(self) -> str:
        # "Framing session — part of the Zero Carbon City International Forum, 8 March 2022."
        event = self.event
        if event is None or self.start is None:
            return ""
        language_code = self.locale.language_code
        zone = display_zone(event=event, language_code=language_code)
        day = format_day(timezone.localtime(self.start, zone).date(), language_code=language_code)
        # Translators: a session page's description when it has none of its own.
        return gettext("%(session)s — part of %(event)s, %(day)s.") % {
            "session": self.title,
            "event": event.title,
            "day": day,
        }

    def snippets_published_with_page(self) -> list[Person]:
        """The people this session names: a new speaker is approved with the session."""
        return [part.person for part in self.people.all()]

    def get_admin_display_title(self) -> str:
        # Moderators see sessions in lists of unrelated pages: name the event they belong to.
        event = self.get_parent()
        title = super().get_admin_display_title()
        return f"{title} ({event.title})" if event else title


class SessionPerson(TranslatableMixin, Orderable):
    """A person's part in one session (speaker, moderator…), translated with the session."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        MODERATOR = "moderator", _("Moderator")
        RAPPORTEUR = "rapporteur", _("Rapporteur")
        REMARKS = "remarks", _("Remarks")
        PANELLIST = "panellist", _("Panellist")

    session = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("person in the session")
        verbose_name_plural = _("people in the session")
