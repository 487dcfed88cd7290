"""Read-side queries for strategy data: each says what it selects and how much it prefetches.

Page views call these so that the number of SQL queries does not grow with the number of goals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from strategy.enums import GoalStatus
from strategy.models import Goal, Measurement, Plan
from strategy.rollup import Rollup, roll_up
from strategy.status import GoalFacts, Observation, StatusResult, evaluate

STATUS_RANK = {status: rank for rank, status in enumerate(GoalStatus)}


def plans_of(municipality_ids) -> QuerySet[Plan]:
    return Plan.objects.filter(municipality_id__in=municipality_ids).select_related(
        "municipality", "implements"
    )


def goals_with_measurements(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """Goals with what status, roll-up and display need, in a fixed number of queries."""
    return goals.select_related("plan", "plan__municipality", "track", "theme", "owner").prefetch_related(
        Prefetch(
            "measurements",
            queryset=Measurement.objects.order_by("measured_on", "pk").select_related("entered_by"),
        )
    )


@dataclass
class EvaluatedGoal:
    goal: Goal
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


def observations_of(goal: Goal) -> list[Observation]:
    return [
        Observation(m.measured_on, m.value, m.assessment) for m in goal.measurements.all()
    ]


def evaluate_goals(goals, today: date | None = None) -> list[EvaluatedGoal]:
    """Evaluate every goal, link parents to children, and roll children up into parents.

    A parent without an indicator of its own (a qualitative goal nobody assessed) takes its
    worst child's status, so that a problem below is visible above.
    """
    today = today or timezone.localdate()
    evaluated = {
        goal.pk: EvaluatedGoal(goal, evaluate(GoalFacts.from_goal(goal), observations_of(goal), today))
        for goal in goals
    }
    for item in evaluated.values():
        parent = evaluated.get(item.goal.parent_id)
        if parent is not None:
            parent.children.append(item)
    for item in evaluated.values():
        if not item.children:
            continue
        item.children.sort(key=lambda child: (child.goal.order, child.goal.pk))
        item.rollup = roll_up(item.goal, [(child.goal, child.result) for child in item.children])
        if item.result.status == GoalStatus.NOT_MEASURED and item.result.latest is None:
            worst = min(item.children, key=lambda child: STATUS_RANK[child.status])
            item.result = StatusResult(
                worst.status,
                item.result.reason if worst.status == GoalStatus.NOT_MEASURED else
                worst.result.reason,
                progress=item.rollup.progress if item.rollup else None,
            )
    return list(evaluated.values())
