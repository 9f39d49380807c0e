"""The fee table's admin form: a population may fall in only one band of each category."""

from dataclasses import dataclass
from itertools import combinations

from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminModelForm

ROWS = "rows"


@dataclass(frozen=True)
class FeeBand:
    """One row of a fee table as the editor entered it (1-based position in the table)."""

    position: int
    category: str
    label: str
    population_min: int | None
    population_max: int | None

    def overlaps(self, other: "FeeBand") -> bool:
        low, high = self.population_min or 0, self.population_max
        other_low, other_high = other.population_min or 0, other.population_max
        # An empty "up to" means "and more": that band never ends.
        return (other_high is None or low <= other_high) and (high is None or other_low <= high)


def overlapping_bands(*, bands: list[FeeBand]) -> list[tuple[FeeBand, FeeBand]]:
    """Pairs of rows of the same category whose population bands share at least one value."""
    return [
        (first, second)
        for first, second in combinations(bands, 2)
        if first.category == second.category and first.overlaps(second)
    ]


class FeeTableForm(WagtailAdminModelForm):
    """Refuses rows of one category whose population bands overlap, naming the rows."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get(ROWS)
        if formset is None or not formset.is_valid():
            return cleaned
        kept = [
            form
            for form in (formset.ordered_forms if formset.can_order else formset.forms)
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        bands = {
            form: FeeBand(
                position=position,
                category=form.cleaned_data.get("category") or "",
                label=form.cleaned_data.get("label") or "",
                population_min=form.cleaned_data.get("population_min"),
                population_max=form.cleaned_data.get("population_max"),
            )
            for position, form in enumerate(kept, start=1)
        }
        categories = dict(formset.forms[0].fields["category"].choices) if formset.forms else {}
        for first, second in overlapping_bands(bands=list(bands.values())):
            message = _(
                "Fees %(first)s (“%(first_label)s”) and %(second)s (“%(second_label)s”) of "
                "category “%(category)s” have overlapping population bands: a member must fall "
                "in exactly one band."
            ) % {
                "first": first.position,
                "first_label": first.label,
                "second": second.position,
                "second_label": second.label,
                "category": categories.get(first.category, first.category),
            }
            self.add_error(None, message)
            for form, band in bands.items():
                if band in (first, second):
                    form.add_error("population_min", message)
        return cleaned
