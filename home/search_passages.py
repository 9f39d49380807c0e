"""The passage shown under a search result: the sentence that holds the most of the query's words,
with those words marked (<mark>), everything else HTML-escaped."""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page

from home.search_analysis import analyse, normalise
from home.search_documents import SearchDocument
from home.search_ranking import Clause

PASSAGE_LENGTH = 160
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


def passage(*, text: str, clauses: list[Clause]) -> SafeString:
    """The best sentence of `text` for the query, trimmed around its first match, words marked."""
    text = normalise(text)
    term_clauses = {
        term: index
        for index, clause in enumerate(clauses)
        for spelling in clause
        for group in spelling
        for term in group
    }
    matches = [
        (word.start, word.end, term_clauses[term])
        for word in analyse(text)
        for term in word.terms & term_clauses.keys()
    ]
    if not matches:
        return mark_safe("")
    best_start, best_end = max(
        _sentences(text),
        key=lambda span: len({c for s, e, c in matches if span[0] <= s and e <= span[1]}),
    )
    inside = sorted((s, e) for s, e, _ in matches if best_start <= s and e <= best_end)
    if not inside:
        return mark_safe("")
    # Trim a long sentence to a window that starts a little before its first match.
    start = max(best_start, min(inside[0][0] - PASSAGE_LENGTH // 4, best_end - PASSAGE_LENGTH))
    end = min(best_end, start + PASSAGE_LENGTH)
    marked = [False] * (end - start)
    for s, e in inside:
        for offset in range(max(s, start), min(e, end)):
            marked[offset - start] = True
    html, run_start = [], 0
    for offset in range(1, len(marked) + 1):
        if offset == len(marked) or marked[offset] != marked[run_start]:
            piece = escape(text[start + run_start : start + offset])
            html.append(f"<mark>{piece}</mark>" if marked[run_start] else piece)
            run_start = offset
    prefix = "…" if start > best_start else ""
    suffix = "…" if end < best_end else ""
    return mark_safe(prefix + "".join(html) + suffix)  # noqa: S308 (every piece escaped above)


def with_passages(*, pages: list[Page], clauses: list[Clause]) -> list[SearchResult]:
    """The results shown on one page of results, each with its passage from the page's text."""
    documents = SearchDocument.objects.filter(page__in=pages).values_list(
        "page_id", "headings", "body"
    )
    texts = {page_id: f"{body}\n{headings}" for page_id, headings, body in documents}
    return [
        SearchResult(page=page, passage=passage(text=texts.get(page.pk, ""), clauses=clauses))
        for page in pages
    ]
