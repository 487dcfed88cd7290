"""The report shows the numbers the database holds, in the tracks the rules put them."""

import re
from collections import Counter
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import translation

from actions.models import Activity
from actions.rules import is_late
from actions.tests.factories import ActivityFactory
from core.locale import format_date, format_number, format_percent
from officialstats.benchmarks import CHANGE_YEARS
from officialstats.models import OfficialFigure, OfficialSeries
from reports.content import build_content, snapshot
from reports.enums import ReportState
from strategy.enums import GoalStatus
from strategy.models import Goal


def _text(html: str) -> str:
    """The document's text as a reader sees it: tags dropped, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _block(html: str, element_id: str) -> str:
    """The text of the element with `element_id` (an article or a table row)."""
    start = html.index(f'id="{element_id}"')
    tag = html[html.rindex("<", 0, start) + 1 : start].split()[0]
    return _text(html[html.index(">", start) + 1 : html.index(f"</{tag}>", start)])


def test_report_numbers_equal_the_database(plan, staff, build, today):
    report = build(plan, staff)

    assert report.state == ReportState.DONE
    numbers = report.version.snapshot
    goals = Goal.objects.filter(pk__in=[int(pk) for pk in numbers["goals"]])
    assert set(goals.values_list("title", flat=True)) == {
        "Flere arbejdspladser i grøn teknologi",
        "Mindst 10 erhvervsarrangementer om året",
        "En god dialog med virksomhederne",
        "Kandidater tilbudt inden for 72 timer",
    }
    assert numbers["status_counts"] == {
        status.value: Counter(goals.values_list("status", flat=True))[status.value]
        for status in GoalStatus
    }
    for goal in goals.select_related("latest_measurement"):
        entry = numbers["goals"][str(goal.pk)]
        latest = goal.latest_measurement
        assert entry["status"] == goal.status
        assert entry["progress"] == goal.progress
        assert entry["latest_value"] == (str(latest.value) if latest and latest.value else None)
    activities = Activity.objects.filter(plan=plan)
    for activity in activities:
        entry = numbers["activities"][str(activity.pk)]
        assert entry["late"] == is_late(activity, today)
        assert entry["budget"] == (str(activity.budget) if activity.budget is not None else None)
        assert entry["spent"] == (str(activity.spent) if activity.spent is not None else None)
    totals = activities.aggregate(budget=Sum("budget"), spent=Sum("spent"), hours=Sum("hours"))
    assert {key: Decimal(numbers["resources"][key]) for key in totals} == totals


def test_report_prints_each_number_where_it_belongs(plan, staff, build):
    report = build(plan, staff)

    html = report.version.html
    with translation.override("da"):
        for goal in Goal.objects.filter(
            pk__in=[int(pk) for pk in report.version.snapshot["goals"]]
        ):
            shown = _block(html, f"goal-{goal.pk}")
            assert goal.title in shown
            assert str(GoalStatus(goal.status).label) in shown
            latest = goal.latest_measurement
            if latest is not None and latest.value is not None:
                assert (
                    f"{format_number(latest.value)} {goal.unit} ({format_date(latest.measured_on)})"
                    in shown
                )
            if goal.progress is not None:
                assert format_percent(goal.progress) in shown
        counts = Counter(
            Goal.objects.filter(
                pk__in=[int(pk) for pk in report.version.snapshot["goals"]]
            ).values_list("status", flat=True)
        )
        for status in GoalStatus:
            assert _block(html, f"count-{status.value}").endswith(str(counts[status.value]))
        assert _block(html, "count-activities").endswith("3")
        assert _block(html, "count-late").endswith("1")
        total = _block(html, "resources-total")
        assert "350.000" in total and "140.001" in total and "300" in total


def test_activity_is_in_the_track_of_its_first_theme_with_the_goals_it_serves(plan, today):
    content = build_content(plan, today)

    by_track = {
        (section.track.title if section.track else ""): (
            [row.activity.title for row in section.activities],
            [row.goal.title for row in section.goals],
        )
        for section in content.sections
    }
    assert by_track == {
        "Grøn vækst": (["Lysfestival i bymidten"], ["Flere arbejdspladser i grøn teknologi"]),
        "Rekruttering": (
            ["Jobmesse for ledige"],
            ["Mindst 10 erhvervsarrangementer om året", "Kandidater tilbudt inden for 72 timer"],
        ),
        "": (["Morgenmøder med erhvervslivet"], ["En god dialog med virksomhederne"]),
    }


def test_summary_lists_late_activities_and_goals_behind_their_course(plan, today):
    content = build_content(plan, today)

    assert [row.activity.title for row in content.late] == ["Lysfestival i bymidten"]
    behind = content.deviations
    assert {row.goal.title for row in behind} == {
        "Flere arbejdspladser i grøn teknologi",
        "Mindst 10 erhvervsarrangementer om året",
    }
    gaps = [row.goal.expected_progress - row.goal.progress for row in behind]
    assert [row.deviation for row in behind] == sorted(gaps, reverse=True)


def test_snapshot_keeps_decimals_exactly(plan, today):
    numbers = snapshot(build_content(plan, today))

    spent = {entry["title"]: entry["spent"] for entry in numbers["activities"].values()}
    assert spent["Lysfestival i bymidten"] == "120000.50"


def test_a_goal_served_from_two_tracks_is_shown_once_where_most_activities_serve_it(plan, today):
    employment = Goal.objects.get(title="Flere arbejdspladser i grøn teknologi")
    recruiting = plan.themes.get(title="Rekruttering og jobskabelse")
    for title in ("Jobcafé", "Praktikpladser"):
        activity = ActivityFactory(plan=plan, title=title, starts_on=today, ends_on=today)
        activity.themes.set([recruiting])
        activity.goals.set([employment])

    content = build_content(plan, today)

    shown_in = [
        section.track.title if section.track else ""
        for section in content.sections
        for row in section.goals
        if row.goal == employment
    ]
    assert shown_in == ["Rekruttering"]


def _compared_periods(series: OfficialSeries) -> tuple[str, str]:
    """From the database: the latest period every area of the series has a figure for, and the
    period `CHANGE_YEARS` before it ("" when there is none)."""
    areas = series.selection[series.area_variable]
    complete = (
        OfficialFigure.objects.filter(series=series, area_code__in=areas)
        .values("period", "period_start")
        .annotate(areas=Count("area_code", distinct=True))
        .filter(areas=len(areas))
        .order_by("-period_start")
    )
    period = complete[0]["period"]
    periods = list(
        dict.fromkeys(series.figures.order_by("period_start").values_list("period", flat=True))
    )
    index = periods.index(period)
    return period, periods[index - CHANGE_YEARS] if index >= CHANGE_YEARS else ""


def test_benchmark_numbers_equal_the_database(plan, benchmarks, staff, build):
    report = build(plan, staff)

    numbers = report.version.snapshot["benchmarks"]
    compared = OfficialSeries.objects.filter(municipality=plan.municipality).exclude(
        area_variable=""
    )
    assert (
        set(numbers)
        == {str(series.pk) for series in compared}
        == {str(series.pk) for series in benchmarks}
    )
    assert [_compared_periods(series) for series in benchmarks] == [("2021", "2016"), ("2022", "")]
    for series in compared:
        entry = numbers[str(series.pk)]
        period, earlier = _compared_periods(series)
        assert (entry["period"], entry["earlier_period"]) == (period, earlier)
        assert entry["per_capita"] == series.per_capita
        assert [row["area"] for row in entry["areas"]] == series.selection[series.area_variable]
        for row in entry["areas"]:
            figure = series.figures.get(area_code=row["area"], period=period)
            before = series.figures.filter(area_code=row["area"], period=earlier).first()
            assert row["name"] == figure.area_name
            assert row["own"] == (row["area"] == plan.municipality.code)
            assert Decimal(row["value"]) == figure.value
            if series.per_capita:
                assert Decimal(row["per_thousand"]) == figure.value / figure.population * 1000
            else:
                assert row["per_thousand"] is None
            if before is None:
                assert (row["earlier"], row["change"]) == (None, None)
            else:
                assert Decimal(row["earlier"]) == before.value
                assert Decimal(row["change"]) == (figure.value - before.value) / before.value


def test_benchmarks_print_the_numbers_of_the_database_in_their_section(
    plan, benchmarks, staff, build
):
    report = build(plan, staff)

    html = report.version.html
    with translation.override("da"):
        for series in benchmarks:
            shown = _block(html, f"benchmark-{series.pk}")
            period, earlier = _compared_periods(series)
            assert f"{series.title}, {period}" in shown
            assert f"Kilde: Danmarks Statistik, {series.table_id}" in shown
            for area in series.selection[series.area_variable]:
                figure = series.figures.get(area_code=area, period=period)
                cells = [figure.area_name, format_number(figure.value)]
                if series.per_capita:
                    cells.append(format_number(figure.value / figure.population * 1000, 1))
                before = series.figures.filter(area_code=area, period=earlier).first()
                if before is not None:
                    change = (figure.value - before.value) / before.value
                    cells += [format_number(before.value), format_percent(change)]
                assert " ".join(cells) in shown
    assert "Ledige i kommunen" not in html  # a series without areas compares nothing
    assert "Job i Ballerup" not in html  # another municipality's


def test_report_without_official_figures_has_no_benchmark_section(plan, staff, build):
    report = build(plan, staff)

    assert report.version.snapshot["benchmarks"] == {}
    assert 'id="benchmarks-heading"' not in report.version.html
