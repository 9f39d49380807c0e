"""The passage shown under a search result: the sentence that holds the most of the query's words,
with those words marked (<mark>), everything else HTML-escaped."""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page

from home.search_analysis import analyse, normalise
from home.search_documents import SearchDocument
from home.search_ranking import Clause, clauses_of_term

PASSAGE_LENGTH = 160
# A passage is looked for in the first characters of a page's body and headings only: analysis
# costs ~4 ms per 1,000 Japanese characters, and a long page matching in its title alone was
# analysed whole on every search that showed it. Early text is what a reader sees first anyway.
PASSAGE_BODY_LENGTH = 5000
PASSAGE_HEADINGS_LENGTH = 1000
_SENTENCE_END = re.compile(r"(?<=[。！？!?.])\s*|\n+")


@dataclass(frozen=True)
class SearchResult:
    """A page found, and the passage that shows why (empty when only the title matched)."""

    page: Page
    passage: SafeString


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        if end.start() > start:
            spans.append((start, end.start()))
        start = end.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _best_sentence(
    text: str, *, term_clauses: dict[str, set[int]], clause_count: int
) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The first sentence holding the most clauses: its span and the spans of its matches."""
    best, most = None, 0
    for start, end in _sentences(text):
        found = [
            (start + word.start, start + word.end, clause)
            for word in analyse(text[start:end])
            for term in word.terms & term_clauses.keys()
            for clause in term_clauses[term]
        ]
        count = len({clause for _, _, clause in found})
        if count > most:
            best, most = (start, end, sorted({(s, e) for s, e, _ in found})), count
            # Sentences are analysed one by one, and the rest skipped once one holds it all.
            if count == clause_count:
                break
    return best


def passage(*, text: str, clauses: list[Clause]) -> SafeString:
    """The best sentence of `text` for the query, trimmed around its first match, words marked."""
    text = normalise(text)
    best = _best_sentence(text, term_clauses=clauses_of_term(clauses), clause_count=len(clauses))
    if best is None:
        return mark_safe("")
    sentence_start, sentence_end, matches = best
    # Trim a long sentence to a window that starts a little before its first match.
    start = max(
        sentence_start,
        min(matches[0][0] - PASSAGE_LENGTH // 4, sentence_end - PASSAGE_LENGTH),
    )
    end = min(sentence_end, start + PASSAGE_LENGTH)
    marked = [False] * (end - start)
    for s, e in matches:
        for offset in range(max(s, start), min(e, end)):
            marked[offset - start] = True
    html, run_start = [], 0
    for offset in range(1, len(marked) + 1):
        if offset == len(marked) or marked[offset] != marked[run_start]:
            piece = escape(text[start + run_start : start + offset])
            html.append(f"<mark>{piece}</mark>" if marked[run_start] else piece)
            run_start = offset
    prefix = "…" if start > sentence_start else ""
    suffix = "…" if end < sentence_end else ""
    return mark_safe(prefix + "".join(html) + suffix)  # noqa: S308 (every piece escaped above)


def with_passages(*, pages: list[Page], clauses: list[Clause]) -> list[SearchResult]:
    """The results shown on one page of results, each with its passage from the page's text."""
    documents = SearchDocument.objects.filter(page__in=pages).values_list(
        "page_id", "headings", "body"
    )
    texts = {
        page_id: f"{body[:PASSAGE_BODY_LENGTH]}\n{headings[:PASSAGE_HEADINGS_LENGTH]}"
        for page_id, headings, body in documents
    }
    return [
        SearchResult(page=page, passage=passage(text=texts.get(page.pk, ""), clauses=clauses))
        for page in pages
    ]
