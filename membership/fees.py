"""Fees as a visitor finds them: amounts in their language's formats, and the fee that fits."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import override

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


def _parse_population(raw: str) -> int | None:
    digits = raw.replace(",", "").replace("_", "").replace(" ", "").replace("，", "")
    if not digits.isdigit() or len(digits) > 12:
        return None
    return int(digits)


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
        category=(category or "")[:40],
        population=(population or "")[:20],
    )
    if not category:
        return finder
    candidates = [line for line in lines if line.row.category == category]
    if not candidates:
        finder.message = _("Please choose one of the categories in the list.")
        return finder
    banded = [
        line
        for line in candidates
        if line.row.population_min is not None or line.row.population_max is not None
    ]
    if not banded:
        finder.match = candidates[0]
        return finder
    size = _parse_population(population or "")
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
