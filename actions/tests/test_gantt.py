"""The Gantt chart's geometry, computed in Python as plain data, and the grouping of rows."""

from dataclasses import dataclass, field
from datetime import date

import pytest

from actions import gantt
from actions.enums import ActivityStatus
from actions.gantt import axis_span, build_gantt, truncate
from actions.models import Activity, Milestone
from actions.queries import (
    ActivityFilters,
    TimetableRow,
    group_rows,
    timetable_index,
    timetable_rows,
)
from actions.tests.factories import ActionPlanFactory, ActivityFactory
from strategy.tests.factories import ThemeFactory, TrackFactory

TODAY = date(2016, 7, 1)
PERIOD = (date(2016, 1, 1), date(2017, 12, 31))


@dataclass
class Group:
    label: str
    rows: list = field(default_factory=list)


def row(
    title="Aktivitet",
    starts_on=None,
    ends_on=None,
    *,
    late=False,
    milestones=(),
    pk=1,
    status=ActivityStatus.IN_PROGRESS,
    period_text="",
):
    activity = Activity(
        pk=pk,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        period_text=period_text,
    )
    return TimetableRow(activity, late, list(milestones))


def chart_of(*rows, undated=(), today=TODAY, period=PERIOD):
    return build_gantt([Group("Tema", list(rows))], list(undated), plan_period=period, today=today)


# The axis


@pytest.mark.parametrize(
    ("first", "last", "scale", "starts_on", "ends_on"),
    [
        (date(2016, 3, 15), date(2016, 11, 2), "months", date(2016, 3, 1), date(2016, 11, 30)),
        (date(2016, 1, 1), date(2017, 3, 31), "months", date(2016, 1, 1), date(2017, 3, 31)),
        (date(2016, 11, 5), date(2016, 12, 5), "months", date(2016, 11, 1), date(2016, 12, 31)),
        (date(2016, 1, 1), date(2017, 12, 31), "quarters", date(2016, 1, 1), date(2017, 12, 31)),
        (date(2007, 3, 1), date(2009, 5, 31), "quarters", date(2007, 1, 1), date(2009, 12, 31)),
        (date(2013, 1, 1), date(2020, 12, 31), "years", date(2013, 1, 1), date(2020, 12, 31)),
    ],
)
def test_the_axis_is_divided_by_months_quarters_or_years_depending_on_the_span(
    first, last, scale, starts_on, ends_on
):
    assert axis_span([], (first, last)) == (starts_on, ends_on, scale)


def test_the_axis_covers_the_plan_period_and_every_activity_and_milestone():
    early = row(starts_on=date(2015, 6, 1), ends_on=date(2016, 2, 1))
    late_milestone = row(
        starts_on=date(2016, 1, 1),
        ends_on=date(2016, 2, 1),
        milestones=[Milestone(title="Evaluering", due_on=date(2018, 3, 1))],
    )
    chart = chart_of(early, late_milestone)
    assert (chart.starts_on, chart.ends_on, chart.scale) == (
        date(2015, 1, 1),
        date(2018, 12, 31),
        "quarters",
    )
    assert [year.label for year in chart.years] == ["2015", "2016", "2017", "2018"]


def test_quarters_are_labelled_under_their_years():
    chart = chart_of(row(starts_on=date(2016, 1, 1), ends_on=date(2017, 12, 31)))
    assert [u.label for u in chart.units] == ["K1", "K2", "K3", "K4"] * 2
    assert chart.units[0].x == chart.left
    assert chart.units[4].x == chart.years[1].x
    assert round(chart.units[-1].x + chart.units[-1].width, 1) == chart.right_edge


def test_months_use_danish_abbreviations():
    chart = chart_of(
        row(starts_on=date(2016, 9, 1), ends_on=date(2016, 10, 31)),
        period=(date(2016, 9, 1), date(2016, 12, 31)),
    )
    assert chart.scale == "months"
    assert [u.label for u in chart.units] == ["sep", "okt", "nov", "dec"]


def test_years_scale_has_no_second_row():
    chart = chart_of(
        row(starts_on=date(2013, 1, 1), ends_on=date(2020, 12, 31)),
        period=(date(2013, 1, 1), date(2020, 12, 31)),
    )
    assert chart.scale == "years"
    assert chart.units == []
    assert len(chart.years) == 8


# Bars, milestones, today


def test_a_bar_runs_from_the_first_to_the_last_day():
    whole = row(starts_on=date(2016, 1, 1), ends_on=date(2017, 12, 31), pk=1)
    first_year = row(starts_on=date(2016, 1, 1), ends_on=date(2016, 12, 31), pk=2)
    second_half = row(starts_on=date(2017, 1, 1), ends_on=date(2017, 12, 31), pk=3)
    chart = chart_of(whole, first_year, second_half)
    bars = {bar.activity_id: bar for bar in chart.bars}

    assert bars[1].x == chart.left
    assert round(bars[1].x + bars[1].width, 1) == chart.right_edge
    assert bars[2].width == pytest.approx(chart.plot_width * 366 / 731, abs=0.2)
    assert bars[3].x == pytest.approx(bars[2].x + bars[2].width, abs=0.2)


def test_a_one_day_activity_is_still_visible():
    chart = chart_of(row(starts_on=date(2016, 5, 1), ends_on=date(2016, 5, 1)))
    assert chart.bars[0].width >= 4


def test_rows_are_stacked_under_their_group_label():
    chart = build_gantt(
        [
            Group("Lys og lysteknologi", [row(pk=1, starts_on=TODAY, ends_on=TODAY)]),
            Group("Smart City", [row(pk=2, starts_on=TODAY, ends_on=TODAY)]),
        ],
        [],
        plan_period=PERIOD,
        today=TODAY,
    )
    first, second = chart.groups
    assert (first.label, first.top) == ("Lys og lysteknologi", gantt.HEADER)
    assert chart.bars[0].top == first.top + gantt.GROUP_ROW
    assert second.top == chart.bars[0].top + gantt.ROW
    assert chart.bars[1].top == second.top + gantt.GROUP_ROW
    assert chart.plot_bottom == chart.bars[1].top + gantt.ROW


def test_activities_without_dates_are_listed_in_their_own_group_without_a_bar():
    chart = chart_of(
        row(pk=1, starts_on=date(2016, 1, 1), ends_on=date(2016, 6, 30)),
        undated=[row(pk=2, title="Løbende dialog", period_text="Løbende")],
    )
    assert [g.label for g in chart.groups] == ["Tema", "Uden periode"]
    undated = chart.bars[-1]
    assert (undated.activity_id, undated.x, undated.period) == (2, None, "Løbende")


def test_milestones_are_diamonds_marked_done_overdue_or_open():
    milestones = [
        Milestone(title="Nået", due_on=date(2016, 3, 1), done_on=date(2016, 2, 20)),
        Milestone(title="Overskredet", due_on=date(2016, 5, 1)),
        Milestone(title="Kommende", due_on=date(2016, 9, 1)),
    ]
    chart = chart_of(
        row(starts_on=date(2016, 1, 1), ends_on=date(2016, 12, 31), milestones=milestones)
    )
    diamonds = chart.bars[0].milestones
    assert [d.css for d in diamonds] == ["ms-done", "ms-late", "ms-open"]
    bar = chart.bars[0]
    assert bar.x < diamonds[0].x < diamonds[1].x < diamonds[2].x < bar.x + bar.width
    x, y = diamonds[0].x, diamonds[0].y
    assert diamonds[0].points.split()[0] == f"{x},{y - gantt.DIAMOND}"
    assert diamonds[0].title == "Nået: 1. mar. 2016 (nået 20. feb. 2016)"


def test_the_today_line_is_drawn_only_inside_the_span():
    inside = chart_of(row(starts_on=date(2016, 1, 1), ends_on=date(2017, 12, 31)))
    assert inside.today_x == pytest.approx(inside.left + 182 / 731 * inside.plot_width, abs=0.2)
    assert "1. jul. 2016" in inside.today_label
    outside = chart_of(
        row(starts_on=date(2016, 1, 1), ends_on=date(2017, 12, 31)), today=date(2025, 1, 1)
    )
    assert outside.today_x is None
    assert outside.height < inside.height


def test_late_rows_keep_room_for_the_late_label():
    title = "En meget lang titel på en aktivitet, som dokumenterne ofte skriver dem " * 2
    on_time = chart_of(row(title=title, starts_on=TODAY, ends_on=TODAY))
    late = chart_of(row(title=title, starts_on=TODAY, ends_on=TODAY, late=True))
    assert late.bars[0].late and not on_time.bars[0].late
    assert len(late.bars[0].label) < len(on_time.bars[0].label)
    assert late.bars[0].label.endswith("…")
    assert late.bars[0].title == title


def test_truncate_keeps_short_text_and_cuts_long_text_with_an_ellipsis():
    assert truncate("Kort titel", 200) == "Kort titel"
    assert truncate("a  b\n c", 200) == "a b c"
    cut = truncate("x" * 100, 66)
    assert cut == "x" * 9 + "…"


def test_thirty_activities_fit_the_printed_page_geometry():
    """30 activities in 8 groups: the chart is no taller than its width allows on A4."""
    groups = [
        Group(
            f"Indsatsområde {g}",
            [row(pk=g * 10 + n, starts_on=TODAY, ends_on=TODAY) for n in range(4 if g < 6 else 3)],
        )
        for g in range(8)
    ]
    chart = build_gantt(groups, [], plan_period=PERIOD, today=TODAY)
    assert len(chart.bars) == 30
    # Printed 152 mm high at most and 277 mm wide: the font stays above 6 pt.
    scale_mm = min(277 / chart.width, 152 / chart.height)
    assert 13 * scale_mm / 0.3528 >= 6


# Grouping by theme or track


@pytest.mark.django_db
def test_rows_are_grouped_by_first_theme_or_by_its_track_with_undated_apart():
    plan = ActionPlanFactory()
    green = TrackFactory(plan=plan, title="Grøn Vækst", order=1)
    labour = TrackFactory(plan=plan, title="Kvalificeret arbejdskraft", order=2)
    light = ThemeFactory(plan=plan, track=green, title="Lys og lysteknologi", order=1)
    smart = ThemeFactory(plan=plan, track=green, title="Smart City", order=2)
    jobs = ThemeFactory(plan=plan, track=labour, title="Rekruttering", order=3)
    a = ActivityFactory(plan=plan, title="A")
    a.themes.add(smart, light)  # drawn once, under the first theme in the plan's order
    b = ActivityFactory(plan=plan, title="B")
    b.themes.add(jobs)
    ActivityFactory(plan=plan, title="C")  # no theme
    d = ActivityFactory(plan=plan, title="D", starts_on=None, ends_on=None)
    d.themes.add(light)
    e = ActivityFactory(plan=plan, title="E")
    e.themes.add(smart)
    rows = timetable_rows(timetable_index(plan, ActivityFilters(), TODAY).entries, TODAY)

    groups, undated = group_rows(rows, plan, "theme")
    assert [(g.label, [r.activity.title for r in g.rows]) for g in groups] == [
        ("Lys og lysteknologi", ["A"]),
        ("Smart City", ["E"]),
        ("Rekruttering", ["B"]),
        ("Uden tema", ["C"]),
    ]
    assert [r.activity.title for r in undated] == ["D"]

    groups, undated = group_rows(rows, plan, "track")
    assert [(g.label, [r.activity.title for r in g.rows]) for g in groups] == [
        ("Grøn Vækst", ["A", "E"]),
        ("Kvalificeret arbejdskraft", ["B"]),
        ("Uden spor", ["C"]),
    ]
