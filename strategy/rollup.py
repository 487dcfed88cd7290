"""How a parent goal shows the roll-up of its children, with the working shown.

Two methods, chosen by the data, never by hand:

Sum
    When every child is a quantified "at least" goal with one target, and the children's
    distances (target minus baseline, the baseline counting as 0 when missing) add up to the
    parent's target, or to the parent's increase from its baseline to its target
    (Albertslund: seven track job goals of 1,000 + 100 + 400 + 100 + 100 + 100 + 200 make its
    2,000 new jobs). The rolled-up figure is the sum of the children's latest gains over their
    baselines; progress is that sum over the sum of their targets' distance.

Weighted average
    Otherwise: the average of the children's progress (each 0 to 1), weighted by each child's
    `rollup_weight`. Children without a progress figure yet are listed and left out.

Either way the result carries the lines of the computation, so the page can show how the figure
was reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from strategy.enums import Comparator, GoalKind, Recurrence
from strategy.status import StatusResult

SUM = "sum"
WEIGHTED_AVERAGE = "weighted_average"


@dataclass(frozen=True)
class ChildLine:
    goal: object
    result: StatusResult
    contribution: Decimal | None
    target: Decimal | None
    weight: Decimal


@dataclass(frozen=True)
class Rollup:
    method: str
    lines: list[ChildLine]
    progress: float | None
    total: Decimal | None = None
    total_target: Decimal | None = None
    parent_start: Decimal | None = None

    @property
    def explanation(self) -> str:
        if self.method == SUM:
            return _(
                "Delmålenes måltal lægges sammen, fordi de tilsammen udgør det overordnede mål."
            )
        return _(
            "Gennemsnit af delmålenes fremdrift, vægtet med hvert delmåls vægt. "
            "Delmål uden måling tæller ikke med."
        )


def _gain(goal, result: StatusResult) -> Decimal | None:
    if result.latest is None or result.latest.value is None:
        return None
    return result.latest.value - (goal.baseline_value or Decimal(0))


def _distance(goal) -> Decimal:
    return goal.target_value - (goal.baseline_value or Decimal(0))


def _sums_up(parent, children) -> bool:
    if not children:
        return False
    for child in children:
        if (
            child.kind != GoalKind.QUANTIFIED
            or child.comparator != Comparator.AT_LEAST
            or child.recurrence != Recurrence.NONE
        ):
            return False
    if parent.target_value is None:
        return False
    total = sum((_distance(c) for c in children), Decimal(0))
    parent_increase = parent.target_value - (parent.baseline_value or Decimal(0))
    return total in {parent.target_value, parent_increase}


def roll_up(parent, children_with_results: list[tuple[object, StatusResult]]) -> Rollup | None:
    """Return the roll-up of `parent` from its children and their evaluated status."""
    if not children_with_results:
        return None
    children = [child for child, _result in children_with_results]
    if _sums_up(parent, children):
        lines = [
            ChildLine(child, result, _gain(child, result), _distance(child), child.rollup_weight)
            for child, result in children_with_results
        ]
        total = sum((line.contribution or Decimal(0) for line in lines), Decimal(0))
        total_target = sum((line.target for line in lines), Decimal(0))
        return Rollup(
            SUM,
            lines,
            progress=max(min(float(total / total_target), 1.0), 0.0) if total_target else None,
            total=total,
            total_target=total_target,
            parent_start=parent.baseline_value,
        )
    lines = [
        ChildLine(child, result, None, None, child.rollup_weight)
        for child, result in children_with_results
    ]
    weighed = [line for line in lines if line.result.progress is not None and line.weight > 0]
    weight_sum = sum((line.weight for line in weighed), Decimal(0))
    progress = (
        float(
            sum(Decimal(str(line.result.progress)) * line.weight for line in weighed) / weight_sum
        )
        if weight_sum
        else None
    )
    return Rollup(WEIGHTED_AVERAGE, lines, progress=progress)
