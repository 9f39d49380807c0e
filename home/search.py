"""Site search: a visitor's words made safe, and the live pages in their language that match.

Pages are found in the site's own index (home.search_index), analysed the same way as the query
(home.search_analysis): every word of the query must be on the page, as written, normalised or,
for a word typed in kana, by reading. Ranked by where the words are (title, then headings, then
body) and how close together, with PostgreSQL full-text search or, on SQLite, the term table.
"""

import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func, Q, Value

from wagtail.models import Locale, Page

from home.query_params import bounded_text
from home.search_analysis import meaningful, query_words
from home.search_documents import SearchDocument, SearchTerm, quoted_lexeme
from home.search_ranking import Clause, rank_by_terms
from home.visibility import reachable

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULT_LIMIT = 500


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


def query_clauses(text: str, *, synonyms: dict[str, list[str]] | None = None) -> list[Clause]:
    """The query as clauses that must all match; each is one or more spellings, any of which may.

    `synonyms` maps a query word (or words) as typed to other words that mean the same, e.g.
    {"温暖化": ["気候変動"]}: a page with either is found. Keys and values are raw words; both are
    analysed here, and keys are matched on the query's analysed words, so 東京の温暖化 (no spaces),
    "cars" (stemmed) and "the car" (a function word before it) all meet the key 温暖化 or car.
    """
    words = query_words(text)
    alternatives_for: dict[tuple, list[str]] = {}
    for key, values in (synonyms or {}).items():
        key_words = tuple(word.terms for word in query_words(key))
        if key_words:
            alternatives_for[key_words] = [value for value in values if value.strip()]
    found: list[_QueryPart] = []
    start = 0
    while start < len(words):
        # The longest synonym key that starts here wins ("climate change" before "climate").
        for end in range(len(words), start, -1):
            key = tuple(word.terms for word in words[start:end])
            if key in alternatives_for:
                spellings = [list(key)]
                spellings += [
                    [word.terms for word in meaningful(query_words(value))]
                    for value in alternatives_for[key]
                ]
                found.append(_QueryPart(tuple(spelling for spelling in spellings if spelling)))
                start = end
                break
        else:
            word = words[start]
            spellings = ([word.terms], *(list(spelling) for spelling in word.other_spellings))
            found.append(_QueryPart(spellings, is_function_word=word.is_function_word))
            start += 1
    return [part.clause for part in meaningful(found) if part.clause]


@dataclass(frozen=True)
class _QueryPart:
    clause: Clause
    # A function word alone ("the" in "the car") is left out of a query that has other words.
    is_function_word: bool = False


def search_pages(
    *, query: SearchQuery, locale: Locale, synonyms: dict[str, list[str]] | None = None
) -> list[Page]:
    """Live public pages in the visitor's language matching every word of the query, best first."""
    clauses = query_clauses(query.text, synonyms=synonyms) if query.text else []
    if not clauses:
        return []
    documents = SearchDocument.objects.filter(
        locale=locale, page__in=reachable(Page.objects.filter(locale=locale)).values("pk")
    )
    if connection.vendor == "postgresql":
        page_ids = _full_text_search(documents, clauses)
    else:
        page_ids = _term_table_search(documents, clauses)
    pages = Page.objects.in_bulk(page_ids)
    return [pages[page_id] for page_id in page_ids if page_id in pages]


def _tsquery(clauses: list[Clause]) -> str:
    def spelling(groups) -> str:
        return " & ".join(
            "(" + " | ".join(sorted(map(quoted_lexeme, group))) + ")" for group in groups
        )

    return " & ".join(
        "(" + " | ".join(f"({spelling(groups)})" for groups in clause) + ")" for clause in clauses
    )


class _Matches(Func):
    """PostgreSQL's `tsvector @@ tsquery`."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _full_text_search(documents, clauses: list[Clause]) -> list[int]:
    # The query is written as a tsquery literal: its terms are already analysed, as the
    # document's are, so no text search configuration changes them on the way.
    tsquery = Func(Value(_tsquery(clauses)), template="%(expressions)s::tsquery")
    title_terms = Func(
        F("search_vector"), Value("{a}"), template='ts_filter(%(expressions)s::"char"[])'
    )
    found = (
        documents.filter(_Matches(F("search_vector"), tsquery))
        .annotate(
            in_title=_Matches(title_terms, tsquery),
            # Cover density: more matches, and the query's words closer together, rank higher;
            # weights are PostgreSQL's own (title 1.0, headings 0.4, body 0.2).
            rank=Func(
                F("search_vector"), tsquery, function="ts_rank_cd", output_field=FloatField()
            ),
        )
        .order_by("-in_title", "-rank", "page__path")
    )
    return list(found.values_list("page_id", flat=True)[:SEARCH_RESULT_LIMIT])


def _term_table_search(documents, clauses: list[Clause]) -> list[int]:
    def having(group) -> Q:
        return Q(pk__in=SearchTerm.objects.filter(term__in=group).values("document_id"))

    for clause in clauses:
        either = Q()
        for groups in clause:
            every = Q()
            for group in groups:
                every &= having(group)
            either |= every
        documents = documents.filter(either)
    candidates = dict(documents.values_list("page_id", "page__path"))
    every_term = {
        term for clause in clauses for groups in clause for group in groups for term in group
    }
    rows = SearchTerm.objects.filter(
        document_id__in=list(candidates), term__in=every_term
    ).values_list("document_id", "term", "weight", "position")
    ranks = rank_by_terms(rows=rows, clauses=clauses)
    ordered = sorted(
        candidates,
        key=lambda page_id: (-ranks[page_id].in_title, -ranks[page_id].score, candidates[page_id]),
    )
    return ordered[:SEARCH_RESULT_LIMIT]
