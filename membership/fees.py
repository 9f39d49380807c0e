"""Fees as a visitor finds them: amounts in their language's formats, and the fee that fits."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from home.query_params import bounded_int, bounded_text, choice, was_given
from membership.models import FeeRow, FeeTable

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "US$", "JPY": "¥"}


def format_money(amount: Decimal, *, currency: str, language_code: str) -> str:
    """An annual fee as the visitor's language writes money: "€1,200", "120,000円"."""
    whole = amount == amount.to_integral_value()
    with override(language_code):
        number = number_format(
            amount, decimal_pos=0 if whole else 2, use_l10n=True, force_grouping=True
        )
    if currency == "JPY" and language_code == "ja":
        return f"{number}円"
    return f"{CURRENCY_SYMBOLS.get(currency, currency + ' ')}{number}"


@dataclass(frozen=True)
class FeeLine:
    row: FeeRow
    amount_text: str


@dataclass
class FeeFinder:
    """The fee table's rows for display, and the answer to "what would we pay?"."""

    lines: list[FeeLine] = field(default_factory=list)
    categories: list[tuple[str, str]] = field(default_factory=list)
    category: str = ""
    population: str = ""
    match: FeeLine | None = None
    message: str = ""


# Japanese keyboards type full-width digits (２５００００); they are the same number.
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Ways visitors write digit groups: 250,000 / 250 000 / 250_000 / 250，000.
_GROUP_SEPARATORS = ",_ ，"
# No member has a population with more digits than this (the largest cities have eight).
MAX_POPULATION = 10**12 - 1
# The longest answer shown back in the finder's form (its input's maxlength).
POPULATION_FIELD_LENGTH = 20


def _parse_population(raw: str | None) -> int | None:
    text = raw.translate(_FULL_WIDTH_DIGITS) if raw else raw
    return bounded_int(text, minimum=0, maximum=MAX_POPULATION, group_separators=_GROUP_SEPARATORS)


def fee_finder(
    *, table: FeeTable | None, category: str | None, population: str | None, language_code: str
) -> FeeFinder:
    """Every fee of the table, and the row that fits the category and population asked about."""
    if table is None:
        return FeeFinder()
    rows = list(table.rows.all())
    lines = [
        FeeLine(
            row=row,
            amount_text=format_money(
                row.annual_amount, currency=table.currency, language_code=language_code
            ),
        )
        for row in rows
    ]
    labels = dict(FeeRow.Category.choices)
    categories = []
    for row in rows:
        if row.category not in [code for code, _label in categories]:
            categories.append((row.category, str(labels.get(row.category, row.category))))
    finder = FeeFinder(
        lines=lines,
        categories=categories,
        category=choice(category, choices=[code for code, _label in categories]) or "",
        population=bounded_text(population, max_length=POPULATION_FIELD_LENGTH),
    )
    if not was_given(category):
        return finder
    if not finder.category:
        finder.message = _("Please choose one of the categories in the list.")
        return finder
    candidates = [line for line in lines if line.row.category == finder.category]
    banded = [
        line
        for line in candidates
        if line.row.population_min is not None or line.row.population_max is not None
    ]
    if not banded:
        finder.match = candidates[0]
        return finder
    size = _parse_population(population)
    if size is None:
        finder.message = _("Please give your population as a whole number, e.g. 250000.")
        return finder
    for line in banded:
        low = line.row.population_min or 0
        high = line.row.population_max
        if size >= low and (high is None or size <= high):
            finder.match = line
            return finder
    finder.message = _("No fee in this table fits that population; please contact us.")
    return finder
