"""Keeping the site's search index in step with live pages: their text read, analysed and stored.

Each live page has one SearchDocument: its title, the headings in its text and the rest of its
text (the fields its page type lists in `search_fields`), analysed by home.search_analysis. On
PostgreSQL the terms become a tsvector (weights A title, B headings, C body; GIN-indexed); on
other databases they become SearchTerm rows. Which pages a visitor may see (live, public, not
below an unpublished page, in their language) is decided when searching, not here.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models.signals import post_save

from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText, get_text_for_indexing
from wagtail.search import index

from bs4 import BeautifulSoup

from home.search_analysis import FIELD_GAP, analyse, normalise
from home.search_documents import (
    BODY,
    HEADINGS,
    TITLE,
    SearchDocument,
    SearchTerm,
    quoted_lexeme,
)

# PostgreSQL keeps positions up to 16383 and at most 256 per lexeme; a lexeme is at most 2 kB.
_MAX_POSITION = 16383
_MAX_POSITIONS_PER_TERM = 256
_MAX_TERM_LENGTH = 100
_HEADING = re.compile(r"^h[1-6]$")


@dataclass
class PageText:
    """A page's visible text in the three parts search weighs differently."""

    title: str
    headings: list[str]
    body: list[str]


def _rich_text_parts(html: str, text: PageText) -> None:
    soup = BeautifulSoup(html or "", "html.parser")
    for heading in soup.find_all(_HEADING):
        text.headings.append(heading.get_text(" ", strip=True))
        heading.decompose()
    text.body.append(get_text_for_indexing(str(soup)))


def _stream_parts(stream: StreamValue, text: PageText) -> None:
    for child in stream:
        if child.block_type == "heading":
            text.headings.append(str(child.value.get("text", "")))
        elif isinstance(child.value, RichText):
            _rich_text_parts(child.value.source, text)
        else:
            # Wagtail's own account of what a block says (captions, quotes, table cells…).
            text.body.extend(str(part) for part in child.block.get_searchable_content(child.value))


def page_text(page: Page) -> PageText:
    """The text of a page's searchable fields (as its page type declares them), by part."""
    text = PageText(title=page.title, headings=[], body=[])
    model_fields = {field.name: field for field in page._meta.get_fields()}
    for search_field in page.get_search_fields():
        name = search_field.field_name
        if not isinstance(search_field, index.SearchField) or name == "title":
            continue
        value = getattr(page, name, None)
        if isinstance(model_fields.get(name), StreamField) and isinstance(value, StreamValue):
            _stream_parts(value, text)
        elif isinstance(model_fields.get(name), RichTextField):
            _rich_text_parts(value, text)
        elif value:
            text.body.append(str(value))
    if page.search_description:
        text.body.append(page.search_description)
    return text


def _terms_by_weight(text: PageText) -> list[tuple[str, str, int]]:
    """(term, weight, position) for every term of the page, fields one after another."""
    found = []
    position = 1
    for weight, parts in ((TITLE, [text.title]), (HEADINGS, text.headings), (BODY, text.body)):
        for part in parts:
            words = analyse(normalise(part), first_position=position)
            for word in words:
                found.extend(
                    (term, weight, min(word.position, _MAX_POSITION))
                    for term in word.terms
                    if len(term) <= _MAX_TERM_LENGTH
                )
            if words:
                position = words[-1].position + 1
            # Separate paragraphs and fields, so words at the end of one and the start of the
            # next do not count as close together.
            position += FIELD_GAP
    return found


def tsvector_literal(terms: list[tuple[str, str, int]]) -> str:
    """PostgreSQL's text form of a tsvector: each term with its positions and weights."""
    positions: dict[str, dict[int, str]] = defaultdict(dict)
    for term, weight, position in terms:
        # One weight per position; the first (the heaviest field) wins.
        positions[term].setdefault(position, weight)
    return " ".join(
        quoted_lexeme(term)
        + ":"
        + ",".join(
            f"{position}{weight}"
            for position, weight in sorted(at.items())[:_MAX_POSITIONS_PER_TERM]
        )
        for term, at in positions.items()
    )


def _uses_tsvector() -> bool:
    return connection.vendor == "postgresql"


def index_page(page: Page) -> None:
    """Store a page's text and terms, or forget the page if it is not live."""
    if not page.live:
        forget_page(page_id=page.pk)
        return
    page = page.specific
    text = page_text(page)
    terms = _terms_by_weight(text)
    with transaction.atomic():
        document, _ = SearchDocument.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "locale_id": page.locale_id,
                "title": text.title,
                "headings": "\n".join(text.headings),
                "body": "\n".join(part for part in text.body if part),
                "search_vector": tsvector_literal(terms) if _uses_tsvector() else "",
            },
        )
        if not _uses_tsvector():
            document.terms.all().delete()
            SearchTerm.objects.bulk_create(
                SearchTerm(document=document, term=term, weight=weight, position=position)
                for term, weight, position in dict.fromkeys(terms)
            )


def forget_page(*, page_id: int) -> None:
    SearchDocument.objects.filter(page_id=page_id).delete()


def reindex_page(*, page_id: int) -> None:
    """Index a page as it is stored now (a draft saved on a live page leaves its live text)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        forget_page(page_id=page_id)
    else:
        index_page(page)


def rebuild_index() -> int:
    """Every live page indexed afresh, documents of other pages removed; returns the count."""
    live_ids = set(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
    SearchDocument.objects.exclude(page_id__in=live_ids).delete()
    for page in Page.objects.filter(pk__in=live_ids).specific().iterator(chunk_size=100):
        index_page(page)
    return len(live_ids)


# A save that touches only these (a draft revision saved on a live page, a lock, a move's path)
# leaves the live text as it was.
_FIELDS_THAT_CHANGE_WHAT_IS_FOUND = {"live", "title", "locale", "search_description"}


def _on_page_saved(*, instance, update_fields=None, raw=False, **kwargs) -> None:
    if raw or not isinstance(instance, Page):
        return
    if update_fields is None:
        # A full save (publish, unpublish, a page created live) stores what the instance holds.
        index_page(instance)
    elif _FIELDS_THAT_CHANGE_WHAT_IS_FOUND & set(update_fields):
        reindex_page(page_id=instance.pk)


def connect_search_index() -> None:
    """Index pages as they are saved; documents of deleted pages go with them (CASCADE)."""
    post_save.connect(_on_page_saved, dispatch_uid="search-index-page-saved")
