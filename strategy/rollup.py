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

A family of goals, at any depth (`evaluate_family`)
    Every goal is evaluated by `strategy.status.evaluate`; then parents are rolled up from their
    children, deepest parents first, so that a grandparent rolls up children whose status is
    already final. A parent that nobody has measured or assessed itself (its own status is "not
    measured yet", or "no longer measurable" once its deadline has passed) takes its worst
    measured child's status, so that a problem below is visible above, and the roll-up's
    progress; while no child is measured either, it keeps its own status. The family must hold
    every descendant of the goals whose status is shown: a goal's status is the same wherever it
    is shown only if it is always computed from all of its descendants
    (`strategy.queries.evaluate_goals` loads them). A loop of parents (A under B under A) is
    broken where it closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from strategy.enums import Comparator, GoalKind, GoalStatus, Recurrence
from strategy.status import STATUS_RANK, GoalFacts, Observation, StatusResult, evaluate

SUM = "sum"
UNMEASURED = {GoalStatus.NOT_MEASURED, GoalStatus.NOT_MEASURABLE}
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


@dataclass
class EvaluatedGoal:
    """A goal with its status, its children (evaluated) and, for a parent, its roll-up."""

    goal: object
    result: StatusResult
    children: list[EvaluatedGoal] = field(default_factory=list)
    rollup: Rollup | None = None

    @property
    def status(self) -> GoalStatus:
        return self.result.status

    @property
    def progress(self) -> float | None:
        if self.result.progress is not None:
            return self.result.progress
        return self.rollup.progress if self.rollup else None

    @property
    def sort_key(self):
        return (STATUS_RANK[self.status], self.goal.effective_deadline, self.goal.pk)


def _depth(item: EvaluatedGoal, evaluated: dict[int, EvaluatedGoal]) -> int:
    """How many ancestors `item` has within the family (a loop counts once round)."""
    level, parent_id, seen = 0, item.goal.parent_id, {item.goal.pk}
    while parent_id in evaluated and parent_id not in seen:
        seen.add(parent_id)
        level, parent_id = level + 1, evaluated[parent_id].goal.parent_id
    return level


def evaluate_family(
    goals: Iterable, observations_of: Callable[[object], list[Observation]], today: date
) -> dict[int, EvaluatedGoal]:
    """Evaluate every goal of the family and roll children up into parents at any depth.

    `observations_of(goal)` gives the goal's measurements as the status rules see them.
    Returns every goal's evaluation by its id (see the module doc for the rules)."""
    evaluated = {
        goal.pk: EvaluatedGoal(
            goal, evaluate(GoalFacts.from_goal(goal), observations_of(goal), today)
        )
        for goal in goals
    }
    depths = {pk: _depth(item, evaluated) for pk, item in evaluated.items()}
    for item in evaluated.values():
        parent = evaluated.get(item.goal.parent_id)
        # A loop of parents is broken at the goal whose parent is no higher up than itself.
        if parent is not None and depths[parent.goal.pk] < depths[item.goal.pk]:
            parent.children.append(item)
    for item in sorted(evaluated.values(), key=lambda e: depths[e.goal.pk], reverse=True):
        if item.children:
            conclude(item)
    return evaluated


def conclude(item: EvaluatedGoal) -> EvaluatedGoal:
    """Roll `item`'s children, whose results are final, up into it, and let an unmeasured parent
    take its worst measured child's status (see the module doc). Returns `item`, changed."""
    item.children.sort(key=lambda child: (child.goal.order, child.goal.pk))
    item.rollup = roll_up(item.goal, [(child.goal, child.result) for child in item.children])
    if item.result.latest is None and item.result.status in UNMEASURED:
        worst = min(item.children, key=lambda child: STATUS_RANK[child.status])
        item.result = StatusResult(
            worst.status if worst.status not in UNMEASURED else item.result.status,
            item.result.reason if worst.status in UNMEASURED else worst.result.reason,
            progress=item.rollup.progress if item.rollup else None,
        )
    return item
