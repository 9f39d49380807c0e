"""Site search: a visitor's words made safe, and the live pages in their language that match."""

import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Func, Q, TextField
from django.db.models.functions import Cast

from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, Phrase, PlainText

from home.query_params import bounded_text
from home.visibility import unreachable_live_page_ids

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULT_LIMIT = 500
SUBSTRING_SEARCH_LANGUAGES = {"ja", "zh", "ko"}


@dataclass(frozen=True)
class SearchQuery:
    """A visitor's search words, made safe to search with."""

    text: str
    was_truncated: bool


def _is_word_character(character: str) -> bool:
    return unicodedata.category(character)[0] in {"L", "N", "M"}


def clean_search_query(raw: str | None) -> SearchQuery:
    """Normalise widths (全角/半角), keep letters and numbers only, collapse spaces, cap the length.

    Punctuation is dropped because search backends give it meaning (quotes, *, -, OR…) and a
    visitor's stray quote must not become a syntax error.
    """
    # Cut first: normalising a megabyte of query string would cost more than the search.
    text = unicodedata.normalize("NFKC", bounded_text(raw, max_length=SEARCH_QUERY_MAX_LENGTH * 2))
    text = "".join(character if _is_word_character(character) else " " for character in text)
    text = " ".join(text.split())
    was_truncated = len(text) > SEARCH_QUERY_MAX_LENGTH
    return SearchQuery(text=text[:SEARCH_QUERY_MAX_LENGTH].strip(), was_truncated=was_truncated)


# Hiragana, katakana (full and half width) and CJK ideographs: scripts written without spaces.
_SPACELESS_SCRIPT = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
)


def search_pages(
    *, query: SearchQuery, locale: Locale, synonyms: dict[str, list[str]] | None = None
):
    """Live public pages in the visitor's language matching the query, best first.

    `synonyms` (home.search_synonyms.synonyms_for) maps a word or phrase of the query to the
    words editors said mean the same; a page with any of them matches that part of the query.
    """
    if not query.text:
        return Page.objects.none()
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(pk__in=unreachable_live_page_ids(locale=locale))
    )
    # Word-based full-text search cannot see inside Japanese sentences (not even a Latin word
    # such as "COP26" written next to Japanese), so Japanese pages use substring search.
    if locale.language_code in SUBSTRING_SEARCH_LANGUAGES or _SPACELESS_SCRIPT.search(query.text):
        return _substring_search(pages=pages, text=query.text)
    return pages.search(_with_synonyms(text=query.text, synonyms=synonyms or {}))


def _with_synonyms(*, text: str, synonyms: dict[str, list[str]]) -> str | And:
    """Every word must match (the backend's rule); a word or phrase editors gave synonyms for
    matches as itself or any of them. The plain text when no synonym applies."""
    words = text.casefold().split()
    longest = max((len(key.split()) for key in synonyms), default=0)
    parts, start, expanded = [], 0, False
    while start < len(words):
        # The longest phrase first, so "carbon dioxide" is taken whole before "carbon".
        for length in range(min(longest, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + length])
            if phrase in synonyms:
                parts.append(Or([_term(phrase), *map(_term, synonyms[phrase])]))
                start, expanded = start + length, True
                break
        else:
            parts.append(PlainText(words[start]))
            start += 1
    return And(parts) if expanded else text


def _term(words: str) -> Phrase | PlainText:
    return Phrase(words) if " " in words else PlainText(words)


def _substring_search(*, pages, text: str) -> list[Page]:
    """Japanese has no spaces between words, so a word is found anywhere inside the indexed
    text (every term must appear); full-/half-width forms are folded on PostgreSQL (NFKC)."""
    entries = IndexEntry.objects.all()
    title, body = "title", "body"
    if connection.vendor == "postgresql":
        # PostgreSQL keeps the index as tsvectors; their text form still holds each run of
        # Japanese as one lexeme, so a substring search on it finds words inside sentences.
        def folded(field: str) -> Func:
            return Func(
                Cast(F(field), TextField()),
                function="normalize",
                template="%(function)s(%(expressions)s, NFKC)",
            )

        entries = entries.annotate(folded_title=folded("title"), folded_body=folded("body"))
        title, body = "folded_title", "folded_body"
    matches_title = Q()
    for term in text.split():
        entries = entries.filter(
            Q(**{f"{title}__icontains": term}) | Q(**{f"{body}__icontains": term})
        )
        matches_title &= Q(**{f"{title}__icontains": term})
    found = entries.values_list("object_id", flat=True)
    in_title = set(entries.filter(matches_title).values_list("object_id", flat=True))
    ids = {int(object_id) for object_id in found if object_id.isdigit()}
    results = list(pages.filter(pk__in=ids).order_by("path")[:SEARCH_RESULT_LIMIT])
    # Title matches first, then the rest in site order.
    return sorted(results, key=lambda page: str(page.pk) not in in_title)
