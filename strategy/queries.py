"""Read-side queries for strategy data: each says what it selects and how much it prefetches.

Page views call these so that the number of SQL queries does not grow with the number of goals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from core.history import HistoryEntry, changed_fields
from core.ids import parse_id
from strategy.enums import GoalStatus
from strategy.models import Goal, Measurement, Plan
from strategy.rollup import EvaluatedGoal, evaluate_family
from strategy.status import Observation


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


def observations_of(goal: Goal) -> list[Observation]:
    return [Observation(m.measured_on, m.value, m.assessment) for m in goal.measurements.all()]


def _with_descendants(goals: list[Goal]) -> list[Goal]:
    """`goals` and every descendant of theirs in the same municipalities, with measurements.

    One query (and one for the measurements) per level of children below the deepest goal."""
    family = {goal.pk: goal for goal in goals}
    municipality_ids = {goal.plan.municipality_id for goal in goals}
    frontier = set(family)
    while frontier:
        children = goals_with_measurements(
            Goal.objects.of_municipalities(municipality_ids)
            .filter(parent_id__in=frontier)
            .exclude(pk__in=family)
        )
        frontier = set()
        for child in children:
            family[child.pk] = child
            frontier.add(child.pk)
    return list(family.values())


def evaluate_goals(goals, today: date | None = None) -> list[EvaluatedGoal]:
    """`goals` (from `goals_with_measurements`) evaluated with their status and roll-up.

    Every descendant is evaluated too, wherever it sits (another plan, a deeper level), so that
    a goal's status and roll-up are the same on every page that shows it
    (`strategy.rollup.evaluate_family`). Returns `goals`' evaluations, in their order."""
    today = today or timezone.localdate()
    requested = list(goals)
    evaluated = evaluate_family(_with_descendants(requested), observations_of, today)
    return [evaluated[goal.pk] for goal in requested]


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
    """The goal evaluated together with its descendants, so its roll-up can be shown."""
    return evaluate_goals([goal], today)[0]


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
