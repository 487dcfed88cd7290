"""Resources against results: budget, spent and hours per plan and focus area, beside the average
progress of the distinct goals the activities serve, and the chart's geometry."""

from datetime import date
from decimal import Decimal

import pytest

from actions.models import PlanSteering
from actions.resources import MONEY_LEFT, MONEY_RIGHT, build_chart, resource_report
from actions.tests.factories import ActionPlanFactory, ActivityFactory
from strategy.enums import GoalKind
from strategy.tests.factories import (
    GoalFactory,
    MeasurementFactory,
    PlanFactory,
    ThemeFactory,
    TrackFactory,
)

TODAY = date(2016, 6, 30)


@pytest.fixture
def strategy(municipality):
    return PlanFactory(municipality=municipality, title="Erhvervspolitik")


def goal_at(strategy, value, **fields):
    """A goal from 0 to 1.000, measured at `value` (so its progress is value / 1.000)."""
    goal = GoalFactory(plan=strategy, **fields)
    if value is not None:
        MeasurementFactory(goal=goal, measured_on=date(2016, 1, 1), value=Decimal(value))
    return goal


@pytest.fixture
def plan(municipality, strategy):
    plan = ActionPlanFactory(municipality=municipality, title="Tidsplan 2007-2009")
    track = TrackFactory(plan=plan, title="Indsatsområder")
    plan.themes_in_order = [
        ThemeFactory(plan=plan, track=track, title="Bæredygtig udvikling", order=1),
        ThemeFactory(plan=plan, track=track, title="Erhvervsservice", order=2),
        ThemeFactory(plan=plan, track=track, title="Uddannelseskoordinering", order=3),
    ]
    return plan


def activity(plan, themes=(), goals=(), **fields):
    item = ActivityFactory(plan=plan, **fields)
    item.themes.set(themes)
    item.goals.set(goals)
    return item


def test_sums_per_focus_area_and_for_the_plan(plan, strategy):
    green, service, education = plan.themes_in_order
    jobs = goal_at(strategy, 500)
    firms = goal_at(strategy, 250)
    activity(plan, [green], [jobs, firms], budget=100_000, spent=40_000, hours=Decimal("120.5"))
    activity(plan, [green, service], [jobs], budget=250_000, spent=None, hours=10)
    activity(plan, [], [], budget=None, spent=5_000, hours=None)

    report = resource_report(plan, TODAY)

    rows = {row.label: row for row in report.rows}
    assert list(rows) == [
        "Bæredygtig udvikling",
        "Erhvervsservice",
        "Uddannelseskoordinering",
        "Uden tema",
    ]
    assert (rows["Bæredygtig udvikling"].budget, rows["Bæredygtig udvikling"].spent) == (
        Decimal(350_000),
        Decimal(40_000),
    )
    assert rows["Bæredygtig udvikling"].hours == Decimal("130.5")
    assert rows["Bæredygtig udvikling"].activities == 2
    assert rows["Erhvervsservice"].budget == Decimal(250_000)
    assert rows["Uddannelseskoordinering"].activities == 0
    assert rows["Uddannelseskoordinering"].progress is None
    assert rows["Uden tema"].without_budget == 1
    total = report.total
    assert (total.budget, total.spent, total.hours, total.activities) == (
        Decimal(350_000),
        Decimal(45_000),
        Decimal("130.5"),
        3,
    )
    assert total.spent_share == Decimal(45_000) / Decimal(350_000)


def test_a_goal_is_counted_once_per_focus_area(plan, strategy):
    green, service, _ = plan.themes_in_order
    jobs = goal_at(strategy, 500)
    firms = goal_at(strategy, 250)
    activity(plan, [green], [jobs, firms])
    activity(plan, [green], [jobs])
    activity(plan, [green, service], [jobs])

    report = resource_report(plan, TODAY)

    green_row, service_row = report.rows[0], report.rows[1]
    assert [g.goal for g in green_row.goals] == [jobs, firms]
    assert green_row.progress == pytest.approx(0.375)  # (0.5 + 0.25) / 2, not weighted by use
    assert [g.goal for g in service_row.goals] == [jobs]
    assert service_row.progress == pytest.approx(0.5)
    assert [g.goal for g in report.total.goals] == [jobs, firms]


def test_goals_without_progress_are_listed_but_left_out_of_the_average(plan, strategy):
    green = plan.themes_in_order[0]
    measured = goal_at(strategy, 800)
    unmeasured = goal_at(strategy, None)
    activity(plan, [green], [measured, unmeasured])

    row = resource_report(plan, TODAY).rows[0]

    assert len(row.goals) == 2
    assert [g.goal for g in row.measured_goals] == [measured]
    assert row.progress == pytest.approx(0.8)


def test_a_parent_goal_takes_its_progress_from_its_children(plan, strategy):
    green = plan.themes_in_order[0]
    parent = GoalFactory(
        plan=strategy,
        kind=GoalKind.QUALITATIVE,
        comparator="",
        target_value=None,
        baseline_value=None,
        baseline_date=None,
        title="Bæredygtig erhvervsudvikling",
    )
    goal_at(strategy, 200, parent=parent)
    goal_at(strategy, 600, parent=parent)
    activity(plan, [green], [parent])

    row = resource_report(plan, TODAY).rows[0]

    assert [g.goal for g in row.goals] == [parent]
    assert row.progress == pytest.approx(0.4)


def test_themes_of_the_implemented_strategy_come_after_the_plans_own(plan, strategy):
    strategy_theme = ThemeFactory(
        plan=strategy, track=TrackFactory(plan=strategy), title="Strategiens tema"
    )
    activity(plan, [strategy_theme], [], budget=1_000)

    labels = [row.label for row in resource_report(plan, TODAY).rows]

    assert labels[-1] == "Strategiens tema"
    assert "Uden tema" not in labels


def test_the_pool_is_compared_with_the_total_budget(plan):
    PlanSteering.objects.create(plan=plan, resource_pool=Decimal(400_000))
    activity(plan, [], [], budget=100_000)

    report = resource_report(plan, TODAY)

    assert report.pool == Decimal(400_000)
    assert report.budget_share_of_pool == Decimal("0.25")


def test_a_plan_without_steering_has_no_pool(plan):
    assert resource_report(plan, TODAY).pool is None


def test_chart_bars_are_proportional_and_fit_the_panel(plan, strategy):
    green, service, education = plan.themes_in_order
    activity(plan, [green], [goal_at(strategy, 500)], budget=400_000, spent=100_000)
    activity(plan, [service], [], budget=200_000, spent=300_000)

    chart = build_chart(resource_report(plan, TODAY).rows)

    green_row, service_row, education_row = chart.rows
    span = MONEY_RIGHT - MONEY_LEFT
    assert green_row.budget.width == span  # 400.000 is the scale's top tick
    assert green_row.spent.width == span / 4
    assert service_row.budget.width == span / 2
    assert education_row.budget.width == 0
    assert green_row.progress.width == pytest.approx(0.5 * chart.progress_span)
    assert service_row.progress is None
    assert chart.ticks[0] == (MONEY_LEFT, 0)
    assert chart.ticks[-1][0] == MONEY_RIGHT
    assert green_row.budget.inside and not green_row.spent.inside
    assert green_row.budget.label_y > green_row.label_y
    assert chart.height > chart.rows[-1].spent.y + chart.rows[-1].spent.height


def test_no_chart_without_rows():
    assert build_chart([]) is None


def test_a_long_theme_name_is_shortened_in_the_chart_only(plan):
    long_theme = ThemeFactory(
        plan=plan,
        track=plan.themes_in_order[0].track,
        title="Potentialet i samarbejde mellem erhverv, uddannelsesinstitutioner og kultur "
        "i Ballerup Kommune",
        order=4,
    )
    activity(plan, [long_theme], [], budget=10)

    chart = build_chart(resource_report(plan, TODAY).rows)

    label = chart.rows[-1]
    assert label.label.endswith("…") and len(label.label) <= 72
    assert label.row.label == long_theme.title


def test_a_stray_link_to_another_municipalitys_goal_or_theme_is_left_out(
    plan, strategy, other_municipality
):
    foreign = PlanFactory(municipality=other_municipality, title="Fremmed politik")
    foreign_goal = goal_at(foreign, 900, title="Fremmed mål")
    own_goal = goal_at(strategy, 250, title="Eget mål")
    foreign_theme = ThemeFactory(plan=foreign, title="Fremmed tema")
    activity(
        plan,
        [plan.themes_in_order[0], foreign_theme],
        [own_goal, foreign_goal],
        budget=Decimal(1000),
    )

    report = resource_report(plan, TODAY)

    assert [row.label for row in report.rows] == [
        "Bæredygtig udvikling",
        "Erhvervsservice",
        "Uddannelseskoordinering",
    ]
    assert [item.goal.title for item in report.total.goals] == ["Eget mål"]
    assert report.total.progress == 0.25
