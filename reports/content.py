"""What a committee status report shows, read from the database on the report's day.

The report covers one plan. Its goals are the plan's own goals and the goals its activities
serve (an action plan serves its strategy's goals), within the municipality. It is divided by
the plan's tracks, in the plan's order:

- an activity belongs to the track of its first theme (the Gantt view's grouping,
  `actions.queries.timetable_index`); activities without one are under "Uden spor";
- each goal is shown once, with its chart: a goal of the plan in its own track; a goal of
  another plan (the strategy's) in the track of most of the activities that serve it (the
  earlier track on a tie); a goal in no track, or served by no activity, under "Uden spor".
  So the report grows with the number of goals, not with how many activities serve each;
- a track's resources are the rows of its themes in the plan's resources against results
  (`actions.resources`);
- a track's dated activities are drawn as the timetable's Gantt chart, on the axis of the
  whole plan so that the tracks' charts line up, each bar linking to the activity's page.

The numbers are those every page shows: each goal's stored status and progress
(`strategy.services.refresh_stale_goal_status` brings them up to the day first), the late rule of
`actions.rules`, and each activity's newest status update. The goal charts are drawn from the
goal's own measurements, as on the goal's page.

The summary page counts the goals by status (each goal once), lists the largest deviations and
the late activities, and what the committee is asked to note or decide. The largest deviations
are the goals furthest behind their course: expected progress minus actual progress, as shares
of the way from baseline to target. Expected is the stored `Goal.expected_progress` (where the
straight course stands at the latest measurement), or the whole way once the deadline has passed
without the goal being achieved. The largest `DEVIATIONS_SHOWN` with a positive gap are shown.
Late activities are listed up to `LATE_SHOWN` on the summary, with how many more there are;
every late activity is marked in its track.

After the tracks and the plan's resources, the report compares the municipality with other
areas: each of its official series with an area variable (`officialstats.benchmarks`), with the
same chart and table as its public page, from the figures last fetched from Statistics Denmark.

`snapshot` turns the content into plain JSON (numbers as exact decimal strings) that the report's
version keeps; `reports.changes` compares it with the previous sent report's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, Q
from django.template.loader import render_to_string

from actions.models import Activity, StatusUpdate
from actions.queries import (
    ActivityFilters,
    TimetableIndex,
    gantt_chart,
    summarise,
    timetable_index,
    timetable_rows,
    with_latest_update,
)
from actions.resources import ResourceReport, ResourceRow, build_chart, resource_report
from core.svg import with_inline_styles
from officialstats.benchmarks import Comparison, compared_series, comparison, render
from strategy.charts import build_chart as build_goal_chart
from strategy.enums import GoalStatus
from strategy.models import Goal, Measurement, Plan, Theme, Track
from strategy.queries import observations_of
from strategy.services import refresh_stale_goal_status
from strategy.status import GoalFacts, evaluate

DEVIATIONS_SHOWN = 5
LATE_SHOWN = 10


@dataclass
class GoalRow:
    goal: Goal
    as_of: date
    chart: str = ""  # the goal chart's SVG with its legend, styled (`core.svg`), or ""

    @property
    def status(self) -> GoalStatus:
        return GoalStatus(self.goal.status)

    @property
    def latest(self) -> Measurement | None:
        return self.goal.latest_measurement

    @property
    def expected(self) -> float | None:
        """The progress expected by now: the stored one, or all the way once the deadline has
        passed without the goal being achieved."""
        if self.goal.expected_progress is not None:
            return self.goal.expected_progress
        if self.as_of > self.goal.effective_deadline and self.status != GoalStatus.ACHIEVED:
            return 1.0
        return None

    @property
    def deviation(self) -> float | None:
        """Expected minus actual progress (see the module doc), or None without both."""
        if self.goal.progress is None or self.expected is None:
            return None
        return self.expected - self.goal.progress

    @property
    def deviation_points(self) -> Decimal | None:
        """The deviation in whole percentage points, as the report prints it."""
        if self.deviation is None:
            return None
        return Decimal(str(self.deviation * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass
class ActivityRow:
    activity: Activity
    late: bool
    latest_update: StatusUpdate | None


@dataclass
class TrackSection:
    track: Track | None
    goals: list[GoalRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    resources: list[ResourceRow] = field(default_factory=list)
    changes: list = field(default_factory=list)  # `reports.changes.ReportChange`s in the track
    gantt: str = ""  # the Gantt chart of the track's dated activities, styled (`core.svg`)

    @property
    def key(self) -> str:
        return str(self.track.pk) if self.track else ""

    @property
    def late_count(self) -> int:
        return sum(1 for row in self.activities if row.late)


@dataclass
class Benchmark:
    """An official figure compared between areas: its data and the public page's HTML of it."""

    comparison: Comparison
    html: str  # the chart (styled, `core.svg`) and the table with its source

    @property
    def key(self) -> str:
        return str(self.comparison.series.pk)


@dataclass
class ReportContent:
    plan: Plan
    as_of: date
    goals: list[GoalRow]
    activities: list[ActivityRow]
    sections: list[TrackSection]
    resources: ResourceReport
    resource_chart: str = ""
    benchmarks: list[Benchmark] = field(default_factory=list)

    @property
    def status_counts(self) -> list[tuple[GoalStatus, int]]:
        counts = Counter(row.goal.status for row in self.goals)
        return [(status, counts[status.value]) for status in GoalStatus]

    @property
    def deviations(self) -> list[GoalRow]:
        behind = [row for row in self.goals if (row.deviation or 0) > 0]
        behind.sort(key=lambda row: (-row.deviation, row.goal.pk))
        return behind[:DEVIATIONS_SHOWN]

    @property
    def late(self) -> list[ActivityRow]:
        return [row for row in self.activities if row.late]

    @property
    def late_shown(self) -> list[ActivityRow]:
        return self.late[:LATE_SHOWN]

    @property
    def late_not_shown(self) -> int:
        return max(len(self.late) - LATE_SHOWN, 0)


def plan_goals(plan: Plan):
    """The plan's own goals and the goals its activities serve, in the municipality."""
    return Goal.objects.of_municipality(plan.municipality_id).filter(
        Q(plan=plan) | Q(activities__plan=plan)
    )


def _goals(plan: Plan) -> list[Goal]:
    """The report's goals with what the report shows of them."""
    ids = set(plan_goals(plan).values_list("pk", flat=True))
    return list(
        Goal.objects.filter(pk__in=ids)
        .select_related("plan", "track", "latest_measurement")
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "pk"))
        )
        .order_by("plan__period_start", "plan_id", "order", "pk")
    )


def _chart(goal: Goal, as_of: date) -> str:
    """The goal's chart and legend, its ids unique in the report (a goal is shown once)."""
    result = evaluate(GoalFacts.from_goal(goal), observations_of(goal), as_of)
    chart = build_goal_chart(goal, result, as_of)
    if chart is None:
        return ""
    context = {"chart": chart, "chart_suffix": f"-{goal.pk}"}
    return with_inline_styles(render_to_string("strategy/_chart.html", context))


def gantt(plan: Plan, index: TimetableIndex, entries: list, as_of: date, suffix: str) -> str:
    """The Gantt chart (as the timetable page draws it) of `entries`, some or all of `index`'s
    activities, on the axis of the whole plan; `suffix` makes its ids unique in a document."""
    filters = ActivityFilters()
    rows = timetable_rows(entries, as_of)
    context = {
        "chart": gantt_chart(plan, index, rows, filters.group, as_of),
        "plan": plan,
        # The chart links each activity to its page in the plan's municipality.
        "member": {"municipality": plan.municipality},
        "filters": filters,
        "summary": summarise(entries),
        "page_number": suffix,
    }
    return render_to_string("actions/_gantt.html", context)


def activity_rows(plan: Plan, as_of: date) -> tuple[list[ActivityRow], TimetableIndex]:
    """The plan's activities in the plan's order with their themes, the late rule applied and
    their newest update; and the plan's timetable index (each activity's track is the track of
    its first theme, `track_key`)."""
    timetable = timetable_index(plan, ActivityFilters(), as_of)
    index = {entry.pk: entry for entry in timetable.entries}
    activities = list(
        with_latest_update(Activity.objects.filter(plan=plan))
        .select_related("owner")
        .prefetch_related(
            Prefetch("goals", queryset=Goal.objects.only("pk")),
            Prefetch("themes", queryset=Theme.objects.order_by("order", "pk")),
        )
        .order_by("order", "pk")
    )
    updates = StatusUpdate.objects.in_bulk(
        [a.latest_update_id for a in activities if a.latest_update_id]
    )
    rows = [ActivityRow(a, index[a.pk].late, updates.get(a.latest_update_id)) for a in activities]
    return rows, timetable


def municipality_benchmarks(municipality) -> list[Benchmark]:
    """The municipality compared with other areas, as on its public page (two queries)."""
    compared = [comparison(series) for series in compared_series(municipality)]
    return [Benchmark(result, with_inline_styles(render(result))) for result in compared]


def build_content(plan: Plan, as_of: date) -> ReportContent:
    """Everything the report of `plan` shows on `as_of` (see the module doc)."""
    goals = _goals(plan)
    refreshed = refresh_stale_goal_status(
        Goal.objects.filter(pk__in=[goal.pk for goal in goals]), as_of
    )
    if refreshed:
        goals = _goals(plan)
    activities, timetable = activity_rows(plan, as_of)
    track_of = {entry.pk: entry.track_key[2] or None for entry in timetable.entries}
    resources = resource_report(plan, as_of)

    tracks = list(Track.objects.filter(plan=plan).order_by("order", "pk"))
    sections = {track.pk: TrackSection(track) for track in tracks}
    untracked = TrackSection(None)
    for row in activities:
        sections.get(track_of[row.activity.pk], untracked).activities.append(row)
    home = _home_tracks(plan, goals, activities, track_of, tracks)
    for section in [*sections.values(), untracked]:
        track_id = section.track.pk if section.track else None
        section.goals = [
            GoalRow(goal, as_of, _chart(goal, as_of)) for goal in goals if home[goal.pk] == track_id
        ]
        section.resources = [row for row in resources.rows if _track_id(row, plan) == track_id]
        dated = [
            entry
            for entry in timetable.in_gantt_order("theme")
            if entry.dated and track_of[entry.pk] == track_id
        ]
        if dated:
            section.gantt = with_inline_styles(
                gantt(plan, timetable, dated, as_of, f"track-{track_id or 0}")
            )
    chart = build_chart(resources.rows)
    return ReportContent(
        plan=plan,
        as_of=as_of,
        goals=[GoalRow(goal, as_of) for goal in goals],
        activities=activities,
        sections=[s for s in [*sections.values(), untracked] if s.goals or s.activities],
        resources=resources,
        resource_chart=with_inline_styles(
            render_to_string("actions/resources_chart.html", {"chart": chart})
        )
        if chart
        else "",
        benchmarks=municipality_benchmarks(plan.municipality_id),
    )


def _home_tracks(plan, goals, activities, track_of, tracks) -> dict[int, int | None]:
    """The track each goal is shown in (see the module doc)."""
    served: dict[int, Counter] = {goal.pk: Counter() for goal in goals}
    for row in activities:
        for goal in row.activity.goals.all():
            if goal.pk in served:
                served[goal.pk][track_of[row.activity.pk]] += 1
    order = {track_id: n for n, track_id in enumerate([*(t.pk for t in tracks), None])}
    home = {}
    for goal in goals:
        if goal.plan_id == plan.pk or not served[goal.pk]:
            home[goal.pk] = goal.track_id if goal.plan_id == plan.pk else None
        else:
            counts = served[goal.pk]
            home[goal.pk] = min(counts, key=lambda track_id: (-counts[track_id], order[track_id]))
    return home


def _track_id(row: ResourceRow, plan: Plan) -> int | None:
    """The track of a row of resources against results: its theme's, if the theme is the plan's."""
    theme = row.theme
    return theme.track_id if theme is not None and theme.plan_id == plan.pk else None


def _number(value) -> str | None:
    return None if value is None else str(value)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def snapshot(content: ReportContent) -> dict:
    """The numbers the report shows, as JSON: what a later report compares itself with."""
    track_of_goal: dict[int, str] = {}
    track_of_activity: dict[int, str] = {}
    for section in content.sections:
        for row in section.goals:
            track_of_goal[row.goal.pk] = section.key
        for row in section.activities:
            track_of_activity[row.activity.pk] = section.key
    goals = {}
    for row in content.goals:
        goal, latest = row.goal, row.latest
        goals[str(goal.pk)] = {
            "title": goal.title,
            "track": track_of_goal.get(goal.pk, ""),
            "status": goal.status,
            "progress": goal.progress,
            "expected_progress": goal.expected_progress,
            "target": _number(goal.target_value),
            "unit": goal.unit,
            "latest_value": _number(latest.value) if latest else None,
            "latest_assessment": latest.assessment if latest else "",
            "latest_on": _day(latest.measured_on) if latest else None,
        }
    activities = {}
    for row in content.activities:
        activity, update = row.activity, row.latest_update
        activities[str(activity.pk)] = {
            "title": activity.title,
            "track": track_of_activity.get(activity.pk, ""),
            "status": activity.status,
            "late": row.late,
            "ends_on": _day(activity.ends_on),
            "budget": _number(activity.budget),
            "spent": _number(activity.spent),
            "hours": _number(activity.hours),
            "latest_update_on": _day(update.reported_on) if update else None,
            "latest_light": update.light if update else None,
        }
    total = content.resources.total
    return {
        "as_of": content.as_of.isoformat(),
        "tracks": {section.key: _section_title(section) for section in content.sections},
        "status_counts": {status.value: count for status, count in content.status_counts},
        "goals": goals,
        "activities": activities,
        "resources": {
            "budget": _number(total.budget),
            "spent": _number(total.spent),
            "hours": _number(total.hours),
            "activities": total.activities,
        },
        "benchmarks": {row.key: _benchmark(row.comparison) for row in content.benchmarks},
    }


def _benchmark(result: Comparison) -> dict:
    """A comparison's numbers: each area's figure in the period compared, per 1,000 inhabitants
    where the series says so, and the figure the change is measured from, in the order shown."""
    series = result.series
    return {
        "title": series.title,
        "unit": series.unit,
        "table": series.table_id,
        "per_capita": result.per_capita,
        "period": result.period,
        "earlier_period": result.earlier_period,
        "areas": [
            {
                "area": row.area,
                "name": row.name,
                "own": row.is_own,
                "value": _number(row.value),
                "per_thousand": _number(row.per_thousand),
                "earlier": _number(row.earlier),
                "change": _number(row.change),
            }
            for row in result.rows
        ],
    }


def _section_title(section: TrackSection) -> str:
    return section.track.title if section.track else ""
