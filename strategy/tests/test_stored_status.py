"""The status stored on each goal for lists (`strategy.services.refresh_goal_status`) is always
what the status rules compute from scratch: after every write path, on a new day, for the demo,
and for families of goals at any depth; `check_goal_status` proves it on a live database."""

import random
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from strategy.checks import status_differences
from strategy.enums import Comparator, Direction, GoalKind, GoalStatus, Recurrence
from strategy.models import Goal
from strategy.services import record_measurement, refresh_goal_status, update_goal
from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory

TODAY = timezone.localdate()


@pytest.fixture
def plan(municipality):
    return PlanFactory(
        municipality=municipality, period_start=TODAY.year - 3, period_end=TODAY.year + 3
    )


def store_all():
    refresh_goal_status(goal_ids=Goal.objects.values_list("pk", flat=True))


def test_recording_a_measurement_stores_the_new_status_on_the_goal_and_its_parents(plan, staff):
    top = GoalFactory(
        plan=plan,
        title="Top",
        kind=GoalKind.QUALITATIVE,
        comparator="",
        target_value=None,
        deadline=None,
    )
    child = GoalFactory(
        plan=plan,
        parent=top,
        baseline_date=TODAY - timedelta(days=400),
        deadline=TODAY + timedelta(days=30),
    )
    store_all()
    assert Goal.objects.get(pk=top.pk).status == GoalStatus.NOT_MEASURED

    measurement = record_measurement(
        goal=child, user=staff, measured_on=TODAY, source="Jobindsats", value=Decimal(1000)
    )

    child.refresh_from_db()
    top.refresh_from_db()
    assert (child.status, child.progress, child.latest_measurement_id) == (
        GoalStatus.ACHIEVED,
        1.0,
        measurement.pk,
    )
    assert (top.status, top.progress, top.status_on) == (GoalStatus.ACHIEVED, 1.0, TODAY)
    assert status_differences() == []


def test_editing_a_goals_target_stores_its_new_status(plan, staff):
    goal = GoalFactory(
        plan=plan, baseline_date=TODAY - timedelta(days=400), deadline=TODAY + timedelta(days=30)
    )
    MeasurementFactory(goal=goal, measured_on=TODAY, value=Decimal(600))
    store_all()
    assert Goal.objects.get(pk=goal.pk).status != GoalStatus.ACHIEVED

    update_goal(goal=goal, user=staff, expected_version=1, changes={"target_value": Decimal(500)})

    goal.refresh_from_db()
    assert goal.status == GoalStatus.ACHIEVED
    assert status_differences() == []


def test_a_status_stored_yesterday_is_brought_up_to_today_by_the_next_page(client, staff, plan):
    """The deadline passed overnight: the dashboard shows today's status, not yesterday's."""
    goal = GoalFactory(
        plan=plan, deadline=TODAY - timedelta(days=1), baseline_date=TODAY - timedelta(days=400)
    )
    MeasurementFactory(goal=goal, measured_on=TODAY - timedelta(days=10), value=Decimal(999))
    refresh_goal_status(goal_ids={goal.pk}, today=TODAY - timedelta(days=1))
    assert Goal.objects.get(pk=goal.pk).status != GoalStatus.OFF_TRACK
    client.force_login(staff)

    html = client.get("/k/165/").content.decode()

    goal.refresh_from_db()
    assert (goal.status, goal.status_on) == (GoalStatus.OFF_TRACK, TODAY)
    assert 'class="status status-off_track"' in html


def test_the_admin_stores_the_status_of_the_goal_it_changed(client, municipality, plan):
    from core.enums import Role
    from core.tests.factories import MembershipFactory

    admin_user = MembershipFactory(municipality=municipality, role=Role.ADMINISTRATOR).user
    goal = GoalFactory(
        plan=plan, baseline_date=TODAY - timedelta(days=400), deadline=TODAY + timedelta(days=30)
    )
    store_all()
    client.force_login(admin_user)

    response = client.post(
        "/admin/strategy/measurement/add/",
        {"goal": goal.pk, "measured_on": TODAY.isoformat(), "value": "1000", "source": "Admin"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    goal.refresh_from_db()
    assert goal.status == GoalStatus.ACHIEVED
    assert status_differences() == []


def random_family(plan, rng: random.Random, size: int):
    """`size` goals of every kind, linked into trees up to five levels deep, with measurements."""
    goals = []
    for number in range(size):
        kind = rng.choice(
            [GoalKind.QUANTIFIED, GoalKind.QUANTIFIED, GoalKind.QUALITATIVE, GoalKind.MILESTONE]
        )
        parent = rng.choice([None, None, *goals[-5:]]) if goals else None
        fields = {
            "plan": plan,
            "parent": parent,
            "kind": kind,
            "title": f"Mål {number}",
            "order": number,
        }
        if kind == GoalKind.QUANTIFIED:
            at_most = rng.random() < 0.3
            fields |= {
                "comparator": Comparator.AT_MOST if at_most else Comparator.AT_LEAST,
                "direction": Direction.LOWER_IS_BETTER if at_most else Direction.HIGHER_IS_BETTER,
                "target_value": Decimal(rng.randint(-20, 2000)),
                "baseline_value": Decimal(rng.randint(0, 1000)),
                "baseline_date": date(plan.period_start, 1, 1),
                "deadline": date(rng.randint(plan.period_start, plan.period_end), 12, 31),
            }
            if rng.random() < 0.3:
                fields |= {
                    "recurrence": Recurrence.YEARLY,
                    "recurrence_from_year": plan.period_start,
                }
        else:
            fields |= {
                "comparator": "",
                "target_value": None,
                "baseline_value": None,
                "baseline_date": None,
            }
            fields["deadline"] = date(rng.randint(plan.period_start, plan.period_end), 6, 30)
        goal = GoalFactory(**fields)
        goals.append(goal)
        for _ in range(rng.randint(0, 4)):
            on = date(plan.period_start, 1, 1) + timedelta(days=rng.randint(0, 365 * 6))
            if kind == GoalKind.QUALITATIVE:
                assessment = rng.choice(["achieved", "on_track", "at_risk", "off_track"])
                MeasurementFactory(goal=goal, measured_on=on, value=None, assessment=assessment)
            elif kind == GoalKind.MILESTONE:
                MeasurementFactory(goal=goal, measured_on=on, value=Decimal(rng.randint(0, 1)))
            else:
                MeasurementFactory(goal=goal, measured_on=on, value=Decimal(rng.randint(-50, 2500)))
    return goals


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stored_status_equals_the_rules_for_generated_families_of_any_depth(plan, seed):
    random_family(plan, random.Random(seed), 40)

    store_all()

    assert status_differences() == []


def test_check_goal_status_names_a_goal_whose_stored_status_is_wrong(plan):
    goal = GoalFactory(plan=plan, title="Forkert gemt")
    store_all()
    Goal.objects.filter(pk=goal.pk).update(status=GoalStatus.ACHIEVED)
    out = StringIO()

    with pytest.raises(CommandError, match="1 stored status field"):
        call_command("check_goal_status", stdout=out)

    assert f"Goal {goal.pk} (Forkert gemt): status stored 'achieved'" in out.getvalue()


def test_check_goal_status_passes_after_the_nightly_refresh(plan):
    random_family(plan, random.Random(7), 15)
    out = StringIO()

    call_command("refresh_goal_status", stdout=out)
    call_command("check_goal_status", stdout=out)

    assert "Stored the status of 15 goal(s)." in out.getvalue()
    assert "Every stored goal status equals the rules' result." in out.getvalue()
