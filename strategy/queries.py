"""Read-side queries for strategy data: each says what it selects and how much it prefetches.

Page views call these so that the number of SQL queries does not grow with the number of goals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, F, IntegerField, Prefetch, QuerySet, Value, When
from django.utils import timezone

from core.history import HistoryEntry, changed_fields
from core.ids import parse_id
from strategy.enums import GoalStatus
from strategy.models import Goal, Measurement, Plan, Track
from strategy.rollup import EvaluatedGoal, conclude, evaluate_family
from strategy.status import STATUS_RANK, GoalFacts, Observation, StatusResult, evaluate


def plans_of(municipality) -> QuerySet[Plan]:
    return Plan.objects.of_municipality(municipality).select_related("municipality", "implements")


def goals_with_measurements(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """Goals with everything the goal page shows of them and their measurements."""
    return goals.select_related(
        "plan", "plan__municipality", "track", "theme", "owner"
    ).prefetch_related(
        Prefetch(
            "measurements",
            queryset=Measurement.objects.order_by("measured_on", "pk").select_related("entered_by"),
        )
    )


def goals_for_status(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """Goals with only what the status rules read: the goal's facts, its plan's period and the
    measurements' dates, values and assessments (no authors, notes or sources)."""
    return goals.select_related("plan").prefetch_related(
        Prefetch(
            "measurements",
            queryset=Measurement.objects.only(
                "pk", "goal_id", "measured_on", "value", "assessment"
            ).order_by("measured_on", "pk"),
        )
    )


def observations_of(goal: Goal) -> list[Observation]:
    return [
        Observation(m.measured_on, m.value, m.assessment, measurement_id=m.pk)
        for m in goal.measurements.all()
    ]


def _with_descendants(goals: list[Goal]) -> list[Goal]:
    """`goals` and every descendant of theirs in the same municipalities, ready for the rules.

    One query (and one for the measurements) per level of children below the deepest goal."""
    family = {goal.pk: goal for goal in goals}
    municipality_ids = {goal.plan.municipality_id for goal in goals}
    frontier = set(family)
    while frontier:
        children = goals_for_status(
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
    """`goals` (from `goals_for_status`) evaluated afresh with their status and roll-up.

    Every descendant is evaluated too, wherever it sits (another plan, a deeper level), so that
    a goal's status and roll-up are the same however it is asked for
    (`strategy.rollup.evaluate_family`). Returns `goals`' evaluations, in their order. Pages read
    the stored result instead (`stored_result`); `strategy.services.refresh_goal_status` stores
    this one."""
    today = today or timezone.localdate()
    requested = list(goals)
    evaluated = evaluate_family(_with_descendants(requested), observations_of, today)
    return [evaluated[goal.pk] for goal in requested]


def stored_result(goal: Goal) -> StatusResult:
    """The status stored on `goal`, as the rules' result (without the reason, which is worded in
    the reader's language only when the goal's own page evaluates it)."""
    latest = goal.latest_measurement
    return StatusResult(
        GoalStatus(goal.status),
        "",
        progress=goal.progress,
        expected_progress=goal.expected_progress,
        latest=None
        if latest is None
        else Observation(latest.measured_on, latest.value, latest.assessment, latest.pk),
    )


def stored(goal: Goal) -> EvaluatedGoal:
    return EvaluatedGoal(goal, stored_result(goal))


def dashboard_options(municipality) -> tuple[list[Plan], list[Track]]:
    """The plans and tracks the dashboard's filters offer: what the options show, no more."""
    plans = Plan.objects.of_municipality(municipality).only("pk", "title")
    tracks = (
        Track.objects.of_municipality(municipality)
        .select_related("plan")
        .only("pk", "title", "plan__title")
        .order_by("plan__title", "order", "pk")
    )
    return list(plans.order_by("-period_start", "title")), list(tracks)


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

    def as_query(self, **extra) -> str:
        """The filters (and `extra`, such as the page) as a query string."""
        pairs = {"plan": self.plan_id, "track": self.track_id, "status": self.status, **extra}
        return urlencode({name: value for name, value in pairs.items() if value})


DASHBOARD_PAGE_SIZE = 50
WORST_FIRST = Case(
    *(When(status=status, then=Value(rank)) for status, rank in STATUS_RANK.items()),
    output_field=IntegerField(),
)


def stored_goals(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """Goals with their stored status and what a list shows beside it: one row per goal."""
    return goals.select_related("plan", "track", "theme", "latest_measurement")


@dataclass(frozen=True)
class StatusCount:
    status: GoalStatus
    count: int
    x: float = 0.0
    width: float = 0.0


def status_summary(goals: QuerySet[Goal]) -> list[StatusCount]:
    """How many of `goals` have each status, with segment positions for the stacked bar (0-100).
    One query, however many goals."""
    counts = dict(goals.order_by().values_list("status").annotate(count=Count("pk")))
    total = sum(counts.values()) or 1
    summary, offset = [], 0.0
    for status in GoalStatus:
        count = counts.get(status.value, 0)
        width = round(count / total * 100, 3)
        summary.append(StatusCount(status, count, offset, width))
        offset += width
    return summary


@dataclass
class DashboardPage:
    rows: list[EvaluatedGoal]
    summary: list[StatusCount]
    total: int
    next_page: int | None


def dashboard_page(municipality, filters: DashboardFilters, page: int = 1) -> DashboardPage:
    """One page of the municipality's goals after the filters, worst first, and the count of each
    status over all of them; a fixed number of queries, however many goals there are."""
    goals = Goal.objects.of_municipality(municipality)
    if filters.plan_id:
        goals = goals.filter(plan_id=filters.plan_id)
    if filters.track_id:
        goals = goals.filter(track_id=filters.track_id)
    summary = status_summary(goals)
    if filters.status:
        goals = goals.filter(status=filters.status)
    ordered = stored_goals(goals).order_by(
        WORST_FIRST, F("deadline").asc(nulls_last=True), "plan__period_end", "pk"
    )
    start = (page - 1) * DASHBOARD_PAGE_SIZE
    window = list(ordered[start : start + DASHBOARD_PAGE_SIZE + 1])
    total = sum(
        count.count for count in summary if not filters.status or count.status == filters.status
    )
    return DashboardPage(
        rows=[stored(goal) for goal in window[:DASHBOARD_PAGE_SIZE]],
        summary=summary,
        total=total,
        next_page=page + 1 if len(window) > DASHBOARD_PAGE_SIZE else None,
    )


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


def plan_tree(plan: Plan) -> PlanTree:
    """Tracks → themes → goals, each goal with its children in the plan nested under it, with
    their stored status (one row per goal)."""
    evaluated = [stored(goal) for goal in stored_goals(plan.goals.all())]
    by_id = {e.goal.pk: e for e in evaluated}
    for item in evaluated:
        parent = by_id.get(item.goal.parent_id)
        if parent is not None and parent is not item:
            parent.children.append(item)
    for item in evaluated:
        item.children.sort(key=lambda child: (child.goal.order, child.goal.pk))
    top_level = sorted(
        (e for e in evaluated if e.goal.parent_id not in by_id),
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


def goal_page_evaluation(goal: Goal, today: date | None = None) -> EvaluatedGoal:
    """The goal evaluated for its own page: its own measurements afresh (for the reason, the
    forecast and the years of the chart), its children with their stored status (for the
    roll-up). `goal` comes from `goals_with_measurements`."""
    today = today or timezone.localdate()
    item = EvaluatedGoal(goal, evaluate(GoalFacts.from_goal(goal), observations_of(goal), today))
    children = stored_goals(
        Goal.objects.of_municipality(goal.plan.municipality_id).filter(parent=goal)
    )
    item.children = [stored(child) for child in children]
    return conclude(item) if item.children else item


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
