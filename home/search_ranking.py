"""Ranking search results from the term table (SQLite), as PostgreSQL's ts_rank_cd ranks them.

Pages whose title holds every word come first; then cover density: each shortest stretch of
text holding every word of the query adds to the score, more when it is short and in a heavy
field (title 1.0, headings 0.4, body 0.2, PostgreSQL's default weights).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from home.search_documents import BODY, HEADINGS, TITLE

# One group of terms is one word of the query: any of its terms may be on the page. A spelling
# is the groups of one way to write a clause (its words, all needed); a clause is its spellings
# (the query's words, or a synonym), any of which may be on the page.
Group = frozenset[str]
Spelling = list[Group]
Clause = tuple[Spelling, ...]

WEIGHT_VALUES = {TITLE: 1.0, HEADINGS: 0.4, BODY: 0.2}


@dataclass(frozen=True)
class Rank:
    in_title: bool
    score: float


def clauses_of_term(clauses: list[Clause]) -> dict[str, set[int]]:
    """Which clauses of the query each term answers."""
    found: dict[str, set[int]] = defaultdict(set)
    for index, clause in enumerate(clauses):
        for spelling in clause:
            for group in spelling:
                for term in group:
                    found[term].add(index)
    return found


def _clause_in(clause: Clause, terms: set[str]) -> bool:
    return any(all(group & terms for group in spelling) for spelling in clause)


def _cover_density(occurrences: list[tuple[int, int, float]], clause_count: int) -> float:
    """Sum over the shortest stretches holding every clause: mean weight / (1 + words between)."""
    occurrences.sort()
    score = 0.0
    in_window: Counter = Counter()
    left = 0
    for right, (_, clause, _) in enumerate(occurrences):
        in_window[clause] += 1
        while len(in_window) == clause_count:
            window = occurrences[left : right + 1]
            if in_window[occurrences[left][1]] == 1:
                span = window[-1][0] - window[0][0]
                noise = max(span - (clause_count - 1), 0)
                harmonic = len(window) / sum(1 / weight for _, _, weight in window)
                score += harmonic / (1 + noise)
            in_window[occurrences[left][1]] -= 1
            if not in_window[occurrences[left][1]]:
                del in_window[occurrences[left][1]]
            left += 1
    return score


def rank_by_terms(
    *, rows: Iterable[tuple[int, str, str, int]], clauses: list[Clause]
) -> dict[int, Rank]:
    """Each page's rank from its matching (page id, term, weight, position) rows."""
    term_clauses = clauses_of_term(clauses)
    occurrences: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
    title_terms: dict[int, set[str]] = defaultdict(set)
    for page_id, term, weight, position in rows:
        if weight == TITLE:
            title_terms[page_id].add(term)
        for clause in term_clauses.get(term, ()):
            occurrences[page_id].append((position, clause, WEIGHT_VALUES[weight]))
    return defaultdict(
        lambda: Rank(in_title=False, score=0.0),
        {
            page_id: Rank(
                in_title=all(_clause_in(clause, title_terms[page_id]) for clause in clauses),
                score=_cover_density(found, len(clauses)),
            )
            for page_id, found in occurrences.items()
        },
    )
