"""How a parent goal rolls up its children (`strategy.rollup`), through `evaluate_goals`."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from strategy.enums import Comparator, Direction, GoalKind, GoalStatus
from strategy.models import Goal
from strategy.queries import evaluate_goals, goals_with_measurements
from strategy.rollup import SUM, WEIGHTED_AVERAGE, roll_up
from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory

TODAY = date(2016, 6, 1)
ALBERTSLUND_TRACK_TARGETS = [1000, 100, 400, 100, 100, 100, 200]


def evaluated(plan, today=TODAY) -> dict[str, object]:
    goals = goals_with_measurements(Goal.objects.filter(plan=plan))
    return {item.goal.title: item for item in evaluate_goals(goals, today)}


def children_of(parent, targets, **child_fields):
    return [
        GoalFactory(
            plan=parent.plan,
            parent=parent,
            title=f"Spor {number}",
            order=number,
            target_value=Decimal(target),
            **child_fields,
        )
        for number, target in enumerate(targets, start=1)
    ]


@pytest.fixture
def plan(db):
    return PlanFactory(period_start=2013, period_end=2020)


def test_sum_when_children_targets_add_up_to_parent_increase_from_baseline(plan):
    parent = GoalFactory(
        plan=plan,
        title="Beskæftigede",
        baseline_value=Decimal(19369),
        baseline_date=date(2011, 1, 1),
        target_value=Decimal(21369),
        deadline=date(2020, 12, 31),
    )
    children = children_of(parent, ALBERTSLUND_TRACK_TARGETS)
    MeasurementFactory(goal=children[0], measured_on=date(2016, 1, 1), value=Decimal(500))
    MeasurementFactory(goal=children[2], measured_on=date(2016, 1, 1), value=Decimal(100))

    rollup = evaluated(plan)["Beskæftigede"].rollup

    assert rollup.method == SUM
    assert rollup.total == Decimal(600)
    assert rollup.total_target == Decimal(2000)
    assert rollup.progress == 0.3
    assert rollup.parent_start == Decimal(19369)
    assert [line.contribution for line in rollup.lines] == [
        Decimal(500),
        None,
        Decimal(100),
        None,
        None,
        None,
        None,
    ]
    assert [line.target for line in rollup.lines] == [Decimal(t) for t in ALBERTSLUND_TRACK_TARGETS]


def test_sum_when_children_targets_add_up_to_parent_target(plan):
    parent = GoalFactory(
        plan=plan,
        title="Nye arbejdspladser",
        baseline_value=None,
        baseline_date=None,
        target_value=Decimal(2000),
    )
    children = children_of(parent, ALBERTSLUND_TRACK_TARGETS)
    MeasurementFactory(goal=children[0], measured_on=date(2016, 1, 1), value=Decimal(1000))

    rollup = evaluated(plan)["Nye arbejdspladser"].rollup

    assert rollup.method == SUM
    assert rollup.total == Decimal(1000)
    assert rollup.total_target == Decimal(2000)
    assert rollup.progress == 0.5


def test_sum_total_is_children_gains_over_their_baselines(plan):
    parent = GoalFactory(plan=plan, title="Nye arbejdspladser", target_value=Decimal(1500))
    first = GoalFactory(
        plan=plan,
        parent=parent,
        order=1,
        baseline_value=Decimal(100),
        target_value=Decimal(1100),
    )
    second = GoalFactory(
        plan=plan,
        parent=parent,
        order=2,
        baseline_value=Decimal(0),
        target_value=Decimal(500),
    )
    MeasurementFactory(goal=first, measured_on=date(2016, 1, 1), value=Decimal(700))
    MeasurementFactory(goal=second, measured_on=date(2016, 1, 1), value=Decimal(150))

    rollup = evaluated(plan)["Nye arbejdspladser"].rollup

    assert rollup.method == SUM
    assert [line.contribution for line in rollup.lines] == [Decimal(600), Decimal(150)]
    assert rollup.total == Decimal(750)
    assert rollup.total_target == Decimal(1500)
    assert rollup.progress == 0.5


def test_weighted_average_when_children_do_not_add_up(plan):
    parent = GoalFactory(
        plan=plan,
        title="Flere virksomheder vækster",
        kind=GoalKind.QUALITATIVE,
        comparator="",
        target_value=None,
        baseline_value=None,
        baseline_date=None,
    )
    halfway = GoalFactory(plan=plan, parent=parent, order=1, rollup_weight=Decimal(1))
    done = GoalFactory(plan=plan, parent=parent, order=2, rollup_weight=Decimal(3))
    GoalFactory(plan=plan, parent=parent, order=3, rollup_weight=Decimal(2))  # not measured
    MeasurementFactory(goal=halfway, measured_on=date(2015, 1, 1), value=Decimal(500))
    MeasurementFactory(goal=done, measured_on=date(2015, 1, 1), value=Decimal(1000))

    item = evaluated(plan)["Flere virksomheder vækster"]

    assert item.rollup.method == WEIGHTED_AVERAGE
    assert item.rollup.progress == 0.875  # (0.5 * 1 + 1.0 * 3) / (1 + 3)
    assert len(item.rollup.lines) == 3
    assert item.rollup.total is None


def test_weighted_average_when_a_child_is_not_at_least(plan):
    parent = GoalFactory(plan=plan, title="Bedre erhvervsklima", target_value=Decimal(1010))
    rank = GoalFactory(
        plan=plan,
        parent=parent,
        order=1,
        comparator=Comparator.AT_MOST,
        direction=Direction.LOWER_IS_BETTER,
        baseline_value=Decimal(37),
        target_value=Decimal(10),
    )
    jobs = GoalFactory(plan=plan, parent=parent, order=2, target_value=Decimal(1000))
    MeasurementFactory(goal=rank, measured_on=date(2015, 1, 1), value=Decimal(10))
    MeasurementFactory(goal=jobs, measured_on=date(2015, 1, 1), value=Decimal(0))

    rollup = evaluated(plan)["Bedre erhvervsklima"].rollup

    assert rollup.method == WEIGHTED_AVERAGE
    assert rollup.progress == 0.5  # (1.0 + 0.0) / 2


def test_weighted_average_without_any_child_progress_is_none(plan):
    parent = GoalFactory(plan=plan, title="Overordnet", target_value=Decimal(5000))
    GoalFactory(plan=plan, parent=parent, order=1)
    GoalFactory(plan=plan, parent=parent, order=2)

    rollup = evaluated(plan)["Overordnet"].rollup

    assert rollup.method == WEIGHTED_AVERAGE
    assert rollup.progress is None


def test_parent_without_own_indicator_takes_worst_child_status_and_rollup_progress(plan):
    parent = GoalFactory(plan=plan, title="Overordnet", target_value=Decimal(2000))
    behind = GoalFactory(plan=plan, parent=parent, order=1)
    ahead = GoalFactory(plan=plan, parent=parent, order=2)
    MeasurementFactory(goal=behind, measured_on=date(2015, 1, 1), value=Decimal(100))
    MeasurementFactory(goal=ahead, measured_on=date(2015, 1, 1), value=Decimal(900))

    item = evaluated(plan)["Overordnet"]

    assert item.rollup.method == SUM
    assert item.status == GoalStatus.OFF_TRACK
    assert item.progress == 0.5


def test_goal_without_children_has_no_rollup(plan):
    GoalFactory(plan=plan, title="Alene")

    assert evaluated(plan)["Alene"].rollup is None


def test_roll_up_of_no_children_is_none(plan):
    parent = GoalFactory(plan=plan)

    assert roll_up(parent, []) is None


def test_grandparent_rolls_up_after_its_child_took_the_worst_grandchild_status(plan):
    grandparent = GoalFactory(plan=plan, title="Bedsteforælder", target_value=Decimal(1000))
    parent = GoalFactory(plan=plan, parent=grandparent, title="Forælder")
    behind = GoalFactory(plan=plan, parent=parent, title="Barnebarn")
    MeasurementFactory(goal=behind, measured_on=date(2015, 1, 1), value=Decimal(100))

    items = evaluated(plan)

    assert items["Barnebarn"].status == GoalStatus.OFF_TRACK
    assert items["Forælder"].status == GoalStatus.OFF_TRACK
    assert items["Bedsteforælder"].status == GoalStatus.OFF_TRACK


def test_a_ceiling_child_over_its_limit_does_not_lift_the_parents_average(plan):
    """A yearly "at most 10" child with 30 measured counts a third, not 100 %."""
    parent = GoalFactory(plan=plan, title="Overordnet", kind=GoalKind.QUALITATIVE)
    parent.comparator, parent.target_value = "", None
    parent.save()
    GoalFactory(
        plan=plan,
        parent=parent,
        title="Højst 10 om året",
        comparator=Comparator.AT_MOST,
        direction=Direction.LOWER_IS_BETTER,
        target_value=Decimal(10),
        recurrence="yearly",
        recurrence_from_year=2013,
        baseline_value=None,
        baseline_date=None,
        deadline=None,
    )
    MeasurementFactory(
        goal=Goal.objects.get(title="Højst 10 om året"),
        value=Decimal(30),
        measured_on=date(2016, 3, 1),
    )

    item = evaluated(plan)["Overordnet"]

    assert item.rollup.method == WEIGHTED_AVERAGE
    assert item.progress == 1 / 3
    assert item.status == GoalStatus.OFF_TRACK


def test_every_level_of_a_deep_family_is_evaluated_with_all_its_descendants(plan):
    """Asked for the top goal alone, its status still comes from the great-grandchild."""
    top = GoalFactory(plan=plan, title="Top", target_value=Decimal(1000))
    middle = GoalFactory(plan=plan, parent=top, title="Midte")
    lower = GoalFactory(plan=plan, parent=middle, title="Nedre")
    leaf = GoalFactory(plan=plan, parent=lower, title="Blad")
    MeasurementFactory(goal=leaf, measured_on=date(2015, 1, 1), value=Decimal(100))
    goals = goals_with_measurements(Goal.objects.all())

    alone = evaluate_goals(goals.filter(pk=top.pk), TODAY)[0]
    together = {item.goal.title: item for item in evaluate_goals(goals, TODAY)}

    assert alone.status == together["Top"].status == GoalStatus.OFF_TRACK
    assert alone.progress == together["Top"].progress
    assert [child.goal.title for child in alone.children] == ["Midte"]
    assert alone.children[0].children[0].children[0].goal.title == "Blad"


def test_a_loop_of_parents_does_not_hang_the_evaluation(plan):
    first = GoalFactory(plan=plan, title="Første")
    second = GoalFactory(plan=plan, parent=first, title="Anden")
    Goal.objects.filter(pk=first.pk).update(parent=second)

    items = evaluated(plan)

    assert items["Første"].children == items["Anden"].children == []


def test_a_goal_cannot_be_put_under_its_own_descendant(plan):
    top = GoalFactory(plan=plan, title="Top")
    middle = GoalFactory(plan=plan, parent=top)
    leaf = GoalFactory(plan=plan, parent=middle)
    top.parent = leaf

    with override("da"), pytest.raises(ValidationError) as error:
        top.full_clean()

    assert error.value.message_dict["parent"] == [
        "Et mål kan ikke ligge under sig selv eller sine delmål."
    ]
