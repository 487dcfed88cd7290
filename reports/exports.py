"""Exports of a plan: its goals, their measurements and its activities as tables
(`reports.tables`: .xlsx or .csv), and every chart as SVG or PNG (`core.svg`).

Tables hold what the pages show, in Danish, one row per goal, measurement or activity, each in a
fixed number of queries however many rows: a goal's stored status and progress (the pages'
`strategy.services.refresh_stale_goal_status` brings them up to today first), an activity's late
flag from `actions.rules` and its newest status update. The goals of a plan are the plan's own
and those its activities serve, as in the committee report (`reports.content`).

Charts are the pages' own: the goal chart as on the goal's page, the Gantt chart of the whole
plan (every activity, not a page of them), and resources against results.
"""

from __future__ import annotations

import re
from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actions import queries as action_queries
from actions.resources import build_chart as build_resource_chart
from actions.resources import resource_report
from core.svg import standalone
from officialstats import benchmarks
from officialstats.models import OfficialSeries
from reports.content import activity_rows, gantt, plan_goals
from reports.tables import Column, Table
from strategy import queries as strategy_queries
from strategy.charts import build_chart as build_goal_chart
from strategy.models import Goal, Measurement, Plan
from strategy.services import refresh_stale_goal_status

NUMBER = "#,##0.####"
MONEY = "#,##0.00"
PERCENT = "0%"
_FIRST_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def _goal_ids(plan: Plan) -> list[int]:
    ids = sorted(set(plan_goals(plan).values_list("pk", flat=True)))
    refresh_stale_goal_status(Goal.objects.filter(pk__in=ids))
    return ids


def goals_table(plan: Plan) -> Table:
    goals = (
        Goal.objects.filter(pk__in=_goal_ids(plan))
        .select_related("plan", "track", "theme", "latest_measurement")
        .order_by("plan__period_start", "plan_id", "order", "pk")
    )
    columns = [
        Column(_("ID"), 8),
        Column(_("Mål"), 60),
        Column(_("Plan"), 30),
        Column(_("Spor"), 24),
        Column(_("Tema"), 24),
        Column(_("Type"), 18),
        Column(_("Indikator"), 30),
        Column(_("Enhed"), 14),
        Column(_("Udgangspunkt"), 14, NUMBER),
        Column(_("Udgangspunkt, dato"), 14),
        Column(_("Sammenligning"), 14),
        Column(_("Måltal"), 14, NUMBER),
        Column(_("Frist"), 14),
        Column(_("Status"), 20),
        Column(_("Fremdrift"), 12, PERCENT),
        Column(_("Seneste måling"), 14, NUMBER),
        Column(_("Seneste vurdering"), 18),
        Column(_("Seneste måling, dato"), 14),
    ]
    rows = []
    for goal in goals:
        latest = goal.latest_measurement
        rows.append(
            [
                goal.pk,
                goal.title,
                goal.plan.title,
                goal.track.title if goal.track else "",
                goal.theme.title if goal.theme else "",
                goal.get_kind_display(),
                goal.metric,
                goal.unit,
                goal.baseline_value,
                goal.baseline_date,
                goal.get_comparator_display(),
                goal.target_value,
                goal.effective_deadline,
                goal.get_status_display(),
                goal.progress,
                latest.value if latest else None,
                latest.get_assessment_display() if latest else "",
                latest.measured_on if latest else None,
            ]
        )
    return Table(_("Mål"), columns, rows)


def measurements_table(plan: Plan) -> Table:
    measurements = (
        Measurement.objects.filter(goal_id__in=_goal_ids(plan))
        .select_related("goal", "entered_by")
        .order_by("goal__plan_id", "goal__order", "goal_id", "measured_on", "pk")
    )
    columns = [
        Column(_("Mål-ID"), 8),
        Column(_("Mål"), 60),
        Column(_("Dato"), 14),
        Column(_("Værdi"), 14, NUMBER),
        Column(_("Enhed"), 14),
        Column(_("Vurdering"), 18),
        Column(_("Kilde"), 30),
        Column(_("Note"), 40),
        Column(_("Indtastet af"), 20),
    ]
    rows = [
        [
            m.goal_id,
            m.goal.title,
            m.measured_on,
            m.value,
            m.goal.unit,
            m.get_assessment_display(),
            m.source,
            m.note,
            str(m.entered_by) if m.entered_by else "",
        ]
        for m in measurements
    ]
    return Table(_("Målinger"), columns, rows)


def activities_table(plan: Plan) -> Table:
    rows, _timetable = activity_rows(plan, timezone.localdate())
    columns = [
        Column(_("ID"), 8),
        Column(_("Titel"), 50),
        Column(_("Temaer"), 30),
        Column(_("Periode"), 16),
        Column(_("Start"), 14),
        Column(_("Slut"), 14),
        Column(_("Status"), 14),
        Column(_("Forsinket"), 10),
        Column(_("Ansvarlig enhed"), 24),
        Column(_("Ansvarlig"), 20),
        Column(_("Budget (kr.)"), 14, MONEY),
        Column(_("Forbrug (kr.)"), 14, MONEY),
        Column(_("Timer"), 10, NUMBER),
        Column(_("Seneste trafiklys"), 20),
        Column(_("Seneste statusopdatering"), 14),
        Column(_("Kommentar"), 50),
    ]
    table_rows = []
    for row in rows:
        a, update = row.activity, row.latest_update
        table_rows.append(
            [
                a.pk,
                a.title,
                "; ".join(theme.title for theme in a.themes.all()),
                a.period_text,
                a.starts_on,
                a.ends_on,
                a.get_status_display(),
                row.late,
                a.responsible_unit,
                str(a.owner) if a.owner else "",
                a.budget,
                a.spent,
                a.hours,
                update.get_light_display() if update else "",
                update.reported_on if update else None,
                update.comment if update else "",
            ]
        )
    return Table(_("Aktiviteter"), columns, table_rows)


TABLES = {"maal": goals_table, "maalinger": measurements_table, "aktiviteter": activities_table}


def table(plan: Plan, name: str) -> Table:
    """The table `name` ("maal", "maalinger" or "aktiviteter") of `plan`, in Danish."""
    with translation.override("da"):
        return TABLES[name](plan)


# Charts


def _svg(fragment: str) -> str:
    """The first SVG of a rendered chart (its legend is HTML and stays on the page)."""
    return standalone(_FIRST_SVG.search(fragment).group(0))


def goal_chart(goal: Goal, today: date | None = None) -> str | None:
    """The goal's chart as on its page, or None for a goal without one (qualitative,
    milestone). `goal` comes from `strategy.queries.goals_with_measurements`."""
    today = today or timezone.localdate()
    evaluated = strategy_queries.goal_page_evaluation(goal, today)
    chart = build_goal_chart(goal, evaluated.result, today)
    if chart is None:
        return None
    with translation.override("da"):
        return _svg(render_to_string("strategy/_chart.html", {"chart": chart}))


def resources_chart(plan: Plan) -> str | None:
    """Resources against results per theme, or None for a plan without activities' themes."""
    with translation.override("da"):
        chart = build_resource_chart(resource_report(plan, timezone.localdate()).rows)
        if chart is None:
            return None
        return _svg(render_to_string("actions/resources_chart.html", {"chart": chart}))


def gantt_chart(plan: Plan) -> str:
    """The plan's Gantt chart with every activity, grouped by theme."""
    today = timezone.localdate()
    index = action_queries.timetable_index(plan, action_queries.ActivityFilters(), today)
    with translation.override("da"):
        return _svg(gantt(plan, index, index.in_gantt_order("theme"), today, "1"))


def comparison_chart(series: OfficialSeries) -> str | None:
    """An official figure's areas side by side, as the public page and the report draw them, or
    None for a series without areas (shown as a table of its periods) or without figures."""
    with translation.override("da"):
        result = benchmarks.comparison(series)
        if not result.rows:
            return None
        return _svg(benchmarks.render(result))
