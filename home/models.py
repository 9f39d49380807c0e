"""Page types and snippets of the site frame: home page, standard pages, navigation, footer."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock, FeaturedCardBlock, NavigationLinkBlock
from home.declarations import field_panels
from home.languages import absolute_page_url, language_switcher_links, page_alternates
from home.moderation import moderation_title
from home.navigation import SiteChrome, preview_site_chrome
from home.previews import serve_in_own_language
from home.search_documents import SearchDocument, SearchTerm  # noqa: F401 (models of this app)
from home.search_synonyms import synonym_group_errors, synonym_words

# Hook for section apps: `fn(*, page: HomePage) -> dict` adds to the home page's context.
HOME_PAGE_CONTEXT_HOOK = "home_page_context"


class SitePage(Page):
    """Common ground of every public page: sharing image, description and language alternates."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media. Defaults to the site's image."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    # The field that describes the page to search engines when the editor wrote no search
    # description; each page type names its own (home.seo reads it).
    meta_description_source = ""

    class Meta:
        abstract = True

    def default_meta_description(self) -> str:
        """What describes the page, in its language, when neither editor nor its text does."""
        return ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["alternates"] = language_switcher_links(page=self, request=request)
        return context

    def get_admin_display_title(self) -> str:
        # Moderators approve an event with its sessions: the task names them (home.moderation).
        return moderation_title(page=self, title=super().get_admin_display_title())

    def route(self, request, path_components):
        # Nothing below an unpublished page reaches visitors (see home.visibility).
        if path_components and not self.live:
            raise Http404
        return super().route(request, path_components)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for url in urls:
            url["location"] = absolute_page_url(page=self, request=request)
        alternates = page_alternates(page=self, request=request)
        for url in urls:
            url["alternates"] = [
                {"lang_code": alternate.hreflang, "location": alternate.url}
                for alternate in alternates
            ] + [
                {"lang_code": "x-default", "location": alternate.url}
                for alternate in alternates
                if alternate.is_default_language
            ]
        return urls


class HeroImageMixin(models.Model):
    """A large image at the top of a page, with the text screen-reader users hear instead."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt_text = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty if the image only decorates the page."),
    )

    class Meta:
        abstract = True


class HomePage(SitePage, HeroImageMixin):
    """The front page in each language: hero, introduction and featured content."""

    hero_heading = models.CharField(_("hero heading"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    featured = StreamField(
        [("card", FeaturedCardBlock())],
        verbose_name=_("featured content"),
        blank=True,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("featured"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    meta_description_source = "hero_text"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Section apps add their part (the next event…) without the kernel knowing them.
        for section_context in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            context.update(section_context(page=self))
        return context


class StandardPage(SitePage):
    """A general content page (about us, policies…) built from the shared blocks."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    meta_description_source = "intro"

    class Meta:
        verbose_name = _("standard page")


class ModeratedSnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    models.Model,
):
    """A snippet visitors read: drafts, history, preview, locking and moderators' approval.

    Visitors see the published row; drafts wait in revisions until a moderator approves.
    """

    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s"
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    # The page that previews it as its visitors see it.
    preview_template = ""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return self.preview_template

    def serve_preview(self, request, mode_name):
        # Previewed with the interface in the snippet's own language, as its visitors see it.
        return serve_in_own_language(instance=self, request=request, mode_name=mode_name)


class SiteChromeSnippet(ModeratedSnippet):
    """A part of every page's frame, previewed around a page with this draft in place."""

    preview_template = "home/previews/site_chrome.html"

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def preview_chrome(self) -> SiteChrome:
        raise NotImplementedError

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        return {**context, "preview_chrome": self.preview_chrome()}


class MainMenu(SiteChromeSnippet):
    """The header navigation; one per language, translated with wagtail-localize."""

    name = models.CharField(_("name"), max_length=100, help_text=_("For editors only."))
    links = StreamField([("link", NavigationLinkBlock())], verbose_name=_("links"), blank=True)

    panels = field_panels("name", "links")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self) -> str:
        return self.name

    def preview_chrome(self) -> SiteChrome:
        return preview_site_chrome(menu=self)


class Footer(SiteChromeSnippet):
    """The footer on every page: who we are, useful links and the copyright line."""

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    about = models.TextField(_("about the network"), blank=True)
    links = StreamField([("link", NavigationLinkBlock())], verbose_name=_("links"), blank=True)
    copyright_notice = models.CharField(_("copyright notice"), max_length=250, blank=True)

    panels = field_panels("organisation_name", "about", "links", "copyright_notice")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self) -> str:
        return self.organisation_name

    def preview_chrome(self) -> SiteChrome:
        return preview_site_chrome(footer=self)


def validate_profile_urls(value: str) -> None:
    """Each line must be a web address (http or https)."""
    check = URLValidator(schemes=["http", "https"])
    for line in value.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except ValidationError as error:
                raise ValidationError(
                    _("“%(line)s” is not a web address (https://…)."), params={"line": line}
                ) from error


@register_setting(icon="site")
class SharingSettings(BaseGenericSetting):
    """How the site appears when shared on social media and in search engines' results."""

    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without its own sharing or hero image is shared. Best at "
            "1200 × 630 pixels; its description is read out as the image's alternative text."
        ),
    )
    organisation_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("organisation logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The network's logo, as search engines may show it beside the site."),
    )
    organisation_profiles = models.TextField(
        _("the network's profiles elsewhere"),
        blank=True,
        validators=[validate_profile_urls],
        help_text=_(
            "One address a line: the network's official accounts (e.g. on LinkedIn or YouTube)."
        ),
    )

    panels = [
        FieldPanel("default_social_image"),
        FieldPanel("organisation_logo"),
        FieldPanel("organisation_profiles"),
    ]

    def profile_urls(self) -> list[str]:
        return [line.strip() for line in self.organisation_profiles.splitlines() if line.strip()]

    class Meta:
        verbose_name = _("sharing")


def content_languages() -> list[tuple[str, str]]:
    """The languages pages are written in (a callable, so a new language needs no migration)."""
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class SearchSynonymGroup(models.Model):
    """Words visitors search for that mean the same in one language: a search for one finds all.

    One list per language rather than a translated snippet: synonyms are not translations of
    each other (an English group may have no Japanese counterpart, and a Japanese group mixes
    kanji, kana and Latin words), so wagtail-localize's source-and-translation model would only
    get in the way.
    """

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=content_languages,
        help_text=_("The language of the search page these words are used on."),
    )
    words = models.TextField(
        _("words that mean the same"),
        help_text=_(
            "Words or phrases separated by commas, e.g. “CO2, carbon dioxide”. A search for any "
            "of them also finds pages with the others. Case, width and punctuation are ignored."
        ),
    )

    panels = field_panels("language", "words")

    class Meta:
        ordering = ["language", "words"]
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def __str__(self) -> str:
        return self.words if len(self.words) <= 80 else f"{self.words[:79]}…"

    def clean(self):
        super().clean()
        others = SearchSynonymGroup.objects.filter(language=self.language).exclude(pk=self.pk)
        taken = {word: str(group) for group in others for word in synonym_words(group.words)}
        errors = synonym_group_errors(text=self.words, words_in_other_groups=taken)
        if errors:
            raise ValidationError({"words": errors})


class SearchTermDailyHits(models.Model):
    """How often visitors searched for a term in one language on one day, and found nothing.

    Wagtail's QueryDailyHits counts a term over every language; this adds the language and the
    searches that found no page, for the search terms report.
    """

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        on_delete=models.CASCADE,
        related_name="daily_hits_by_language",
    )
    language = models.CharField(_("language"), max_length=10, choices=content_languages)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_hits = models.PositiveIntegerField(_("searches that found nothing"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "date"], name="one_search_count_per_term_language_day"
            )
        ]
        indexes = [models.Index(fields=["language", "date"])]
        verbose_name = _("search term daily hits")
        verbose_name_plural = _("search term daily hits")
