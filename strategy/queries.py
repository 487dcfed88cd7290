"""Read-side queries for strategy data: each says what it selects and how much it prefetches.

Page views call these so that the number of SQL queries does not grow with the number of goals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from core.history import HistoryEntry, changed_fields
from core.ids import parse_id
from strategy.enums import GoalStatus
from strategy.models import Goal, Measurement, Plan
from strategy.rollup import Rollup, roll_up
from strategy.status import GoalFacts, Observation, StatusResult, evaluate

STATUS_RANK = {status: rank for rank, status in enumerate(GoalStatus)}


def plans_of(municipality) -> QuerySet[Plan]:
    return Plan.objects.of_municipality(municipality).select_related("municipality", "implements")


def goals_with_measurements(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """Goals with what status, roll-up and display need, in a fixed number of queries."""
    return goals.select_related(
        "plan", "plan__municipality", "track", "theme", "owner"
    ).prefetch_related(
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
    return [Observation(m.measured_on, m.value, m.assessment) for m in goal.measurements.all()]


def evaluate_goals(goals, today: date | None = None) -> list[EvaluatedGoal]:
    """Evaluate every goal, link parents to children, and roll children up into parents.

    A parent without an indicator of its own (a qualitative goal nobody assessed) takes its
    worst child's status, so that a problem below is visible above.
    """
    today = today or timezone.localdate()
    evaluated = {
        goal.pk: EvaluatedGoal(
            goal, evaluate(GoalFacts.from_goal(goal), observations_of(goal), today)
        )
        for goal in goals
    }
    for item in evaluated.values():
        parent = evaluated.get(item.goal.parent_id)
        if parent is not None:
            parent.children.append(item)

    def depth(item: EvaluatedGoal) -> int:
        level, parent_id, seen = 0, item.goal.parent_id, set()
        while parent_id in evaluated and parent_id not in seen:
            seen.add(parent_id)
            level, parent_id = level + 1, evaluated[parent_id].goal.parent_id
        return level

    # Deepest parents first, so a grandparent rolls up children whose status is already final.
    for item in sorted(evaluated.values(), key=depth, reverse=True):
        if not item.children:
            continue
        item.children.sort(key=lambda child: (child.goal.order, child.goal.pk))
        item.rollup = roll_up(item.goal, [(child.goal, child.result) for child in item.children])
        if item.result.status == GoalStatus.NOT_MEASURED and item.result.latest is None:
            worst = min(item.children, key=lambda child: STATUS_RANK[child.status])
            item.result = StatusResult(
                worst.status,
                item.result.reason
                if worst.status == GoalStatus.NOT_MEASURED
                else worst.result.reason,
                progress=item.rollup.progress if item.rollup else None,
            )
    return list(evaluated.values())


@dataclass(frozen=True)
class DashboardFilters:
    """The dashboard's filters, each checked against what the municipality actually has."""

    plan_id: int | None = None
    track_id: int | None = None
    status: str = ""

    @classmethod
    def from_query(cls, query, *, plans, tracks) -> DashboardFilters:
        def known_id(name, options):
            value = parse_id(query.get(name))
            return value if value in {o.pk for o in options} else None

        status = query.get("status", "")
        return cls(
            plan_id=known_id("plan", plans),
            track_id=known_id("track", tracks),
            status=status if status in GoalStatus.values else "",
        )


def dashboard_rows(municipality, filters: DashboardFilters, today: date | None = None):
    """The municipality's goals, evaluated and sorted worst first, after the filters."""
    goals = Goal.objects.of_municipality(municipality)
    if filters.plan_id:
        goals = goals.filter(plan_id=filters.plan_id)
    evaluated = evaluate_goals(goals_with_measurements(goals), today)
    if filters.track_id:
        evaluated = [e for e in evaluated if e.goal.track_id == filters.track_id]
    if filters.status:
        evaluated = [e for e in evaluated if e.status == filters.status]
    return sorted(evaluated, key=lambda e: e.sort_key)


@dataclass(frozen=True)
class StatusCount:
    status: GoalStatus
    count: int
    x: float = 0.0
    width: float = 0.0


def status_summary(rows: list[EvaluatedGoal]) -> list[StatusCount]:
    """How many goals have each status, with segment positions for the stacked bar (0-100)."""
    total = len(rows) or 1
    counts, offset = [], 0.0
    for status in GoalStatus:
        count = sum(1 for row in rows if row.status == status)
        width = round(count / total * 100, 3)
        counts.append(StatusCount(status, count, offset, width))
        offset += width
    return counts


@dataclass
class ThemeNode:
    theme: object
    goals: list[EvaluatedGoal]


@dataclass
class TrackNode:
    track: object
    themes: list[ThemeNode]
    goals: list[EvaluatedGoal]


@dataclass
class PlanTree:
    plan_goals: list[EvaluatedGoal]
    tracks: list[TrackNode]
    key_figures: list
    commitments: list


def plan_tree(plan: Plan, today: date | None = None) -> PlanTree:
    """Tracks → themes → goals, each goal with its children nested under it."""
    evaluated = evaluate_goals(goals_with_measurements(plan.goals.all()), today)
    in_plan = {e.goal.pk for e in evaluated}
    top_level = sorted(
        (e for e in evaluated if e.goal.parent_id not in in_plan),
        key=lambda e: (e.goal.order, e.goal.pk),
    )
    track_of = {e.goal.pk: e.goal.track_id for e in evaluated}
    tracks = []
    for track in plan.tracks.prefetch_related("themes"):
        # A child whose parent sits elsewhere (the track job goals under the overall 2.000)
        # is shown in its own track too, so every track lists all of its goals.
        in_track = sorted(
            (
                e
                for e in evaluated
                if e.goal.track_id == track.pk and track_of.get(e.goal.parent_id) != track.pk
            ),
            key=lambda e: (e.goal.order, e.goal.pk),
        )
        themes = [
            ThemeNode(theme, [e for e in in_track if e.goal.theme_id == theme.pk])
            for theme in track.themes.all()
        ]
        tracks.append(TrackNode(track, themes, [e for e in in_track if e.goal.theme_id is None]))
    return PlanTree(
        plan_goals=[e for e in top_level if e.goal.track_id is None],
        tracks=tracks,
        key_figures=list(plan.key_figures.all()),
        commitments=list(plan.commitments.all()),
    )


def evaluate_goal_with_family(goal: Goal, today: date | None = None) -> EvaluatedGoal:
    """The goal evaluated together with its children, so its roll-up can be shown."""
    family = Goal.objects.of_municipality(goal.plan.municipality_id).filter(
        Q(pk=goal.pk) | Q(parent_id=goal.pk)
    )
    evaluated = evaluate_goals(goals_with_measurements(family), today)
    return next(e for e in evaluated if e.goal.pk == goal.pk)


GOAL_HISTORY_FIELDS = [
    "title",
    "description",
    "kind",
    "metric",
    "unit",
    "direction",
    "baseline_value",
    "baseline_date",
    "baseline_source",
    "comparator",
    "target_value",
    "deadline",
    "deadline_text",
    "recurrence",
    "recurrence_from_year",
    "owner_id",
    "internal_note",
]


def _readable_changes(entries: list[HistoryEntry]) -> None:
    """Replace stored values by what a person reads: a choice's label, the owner's name."""
    owner_ids = {
        value
        for entry in entries
        for name, old, new in entry.changes
        if name == "owner_id"
        for value in (old, new)
        if value is not None
    }
    owners = get_user_model().objects.in_bulk(owner_ids) if owner_ids else {}

    def readable(name, value):
        if value is None or value == "":
            return value
        if name == "owner_id":
            return owners.get(value, value)
        choices = dict(Goal._meta.get_field(name).flatchoices)
        return choices.get(value, value) if choices else value

    for entry in entries:
        entry.changes[:] = [
            (
                Goal._meta.get_field(name.removesuffix("_id")).verbose_name,
                readable(name, old),
                readable(name, new),
            )
            for name, old, new in entry.changes
        ]


def goal_history(goal: Goal) -> list[HistoryEntry]:
    """Who changed the goal and its measurements, when and what; newest first, two queries
    (three when an owner changed)."""
    entries = []
    previous = None
    for record in goal.history.select_related("history_user").order_by(
        "history_date", "history_id"
    ):
        entries.append(
            HistoryEntry.of(record, changed_fields(previous, record, GOAL_HISTORY_FIELDS))
        )
        previous = record
    _readable_changes(entries)
    measurement_history = Measurement.history.filter(goal_id=goal.pk).select_related("history_user")
    for record in measurement_history:
        value = record.value if record.value is not None else record.get_assessment_display()
        entries.append(
            HistoryEntry.of(
                record, [(Measurement._meta.get_field("value").verbose_name, None, value)]
            )
        )
    return sorted(entries, key=lambda e: e.when, reverse=True)
