"""Business rules for changing strategy data (`strategy.services`), with their audit trail."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.concurrency import ConcurrentEditError
from core.tests.factories import UserFactory
from strategy.enums import Assessment, GoalKind
from strategy.models import Goal, Measurement
from strategy.services import record_measurement, update_goal
from strategy.tests.factories import GoalFactory


@pytest.fixture
def user(db):
    return UserFactory(username="maaler")


@pytest.fixture
def goal(db):
    return GoalFactory(title="Mindst 1000 nye arbejdspladser")


def error_keys(excinfo) -> set[str]:
    return set(excinfo.value.message_dict)


# record_measurement


def test_record_measurement_refuses_a_future_date(goal, user):
    tomorrow = timezone.localdate() + timedelta(days=1)

    with pytest.raises(ValidationError) as excinfo:
        record_measurement(
            goal=goal, user=user, measured_on=tomorrow, source="Jobindsats", value=Decimal(10)
        )

    assert error_keys(excinfo) == {"measured_on"}
    assert Measurement.objects.count() == 0


def test_record_measurement_accepts_today(goal, user):
    measurement = record_measurement(
        goal=goal,
        user=user,
        measured_on=timezone.localdate(),
        source="Jobindsats",
        value=Decimal(10),
    )

    assert measurement.measured_on == timezone.localdate()


def test_record_measurement_requires_a_value(goal, user):
    with pytest.raises(ValidationError) as excinfo:
        record_measurement(goal=goal, user=user, measured_on=date(2015, 1, 1), source="Test")

    assert error_keys(excinfo) == {"value"}
    assert Measurement.objects.count() == 0


def test_record_measurement_reports_every_error_at_once(goal, user):
    tomorrow = timezone.localdate() + timedelta(days=1)

    with pytest.raises(ValidationError) as excinfo:
        record_measurement(goal=goal, user=user, measured_on=tomorrow, source="Test")

    assert error_keys(excinfo) == {"measured_on", "value"}


def test_record_measurement_of_qualitative_goal_requires_an_assessment(user):
    goal = GoalFactory(kind=GoalKind.QUALITATIVE, comparator="", target_value=None)

    with pytest.raises(ValidationError) as excinfo:
        record_measurement(
            goal=goal, user=user, measured_on=date(2015, 1, 1), source="Test", value=Decimal(3)
        )

    assert error_keys(excinfo) == {"assessment"}
    assert Measurement.objects.count() == 0


def test_record_measurement_of_qualitative_goal_keeps_the_assessment_and_drops_a_value(user):
    goal = GoalFactory(kind=GoalKind.QUALITATIVE, comparator="", target_value=None)

    measurement = record_measurement(
        goal=goal,
        user=user,
        measured_on=date(2015, 1, 1),
        source="Udvalgsmøde",
        value=Decimal(3),
        assessment=Assessment.AT_RISK,
    )

    assert (measurement.value, measurement.assessment) == (None, Assessment.AT_RISK)


@pytest.mark.parametrize("value", [Decimal(2), Decimal("0.5"), Decimal(-1)])
def test_record_measurement_of_milestone_accepts_only_0_or_1(user, value):
    goal = GoalFactory(
        kind=GoalKind.MILESTONE, comparator="", target_value=None, deadline=date(2013, 12, 31)
    )

    with pytest.raises(ValidationError) as excinfo:
        record_measurement(
            goal=goal, user=user, measured_on=date(2013, 6, 1), source="Test", value=value
        )

    assert error_keys(excinfo) == {"value"}


@pytest.mark.parametrize("value", [Decimal(0), Decimal(1)])
def test_record_measurement_of_milestone_accepts_0_and_1(user, value):
    goal = GoalFactory(
        kind=GoalKind.MILESTONE, comparator="", target_value=None, deadline=date(2013, 12, 31)
    )

    measurement = record_measurement(
        goal=goal, user=user, measured_on=date(2013, 6, 1), source="Test", value=value
    )

    assert measurement.value == value


def test_valid_measurement_creates_one_history_row_naming_the_user(goal, user):
    measurement = record_measurement(
        goal=goal,
        user=user,
        measured_on=date(2015, 1, 1),
        source="Jobindsats",
        value=Decimal(250),
        note="Foreløbigt tal",
    )

    history = list(Measurement.history.filter(id=measurement.pk))
    assert len(history) == 1
    assert history[0].history_user == user
    assert history[0].history_type == "+"
    assert measurement.entered_by == user
    assert Measurement.objects.get().value == Decimal(250)


# update_goal


def test_update_goal_claims_the_next_version(goal, user):
    updated = update_goal(
        goal=goal, user=user, expected_version=1, changes={"title": "Mindst 1200 nye job"}
    )

    assert updated.version == 2
    assert Goal.objects.get(pk=goal.pk).version == 2


def test_update_goal_second_of_two_concurrent_edits_is_refused(goal):
    first_user = UserFactory(username="foerste")
    second_user = UserFactory(username="anden")
    first_copy = Goal.objects.get(pk=goal.pk)
    second_copy = Goal.objects.get(pk=goal.pk)
    assert (first_copy.version, second_copy.version) == (1, 1)

    update_goal(
        goal=first_copy,
        user=first_user,
        expected_version=1,
        changes={"target_value": Decimal(1200)},
    )
    with pytest.raises(ConcurrentEditError):
        update_goal(
            goal=second_copy,
            user=second_user,
            expected_version=1,
            changes={"target_value": Decimal(800)},
        )

    stored = Goal.objects.get(pk=goal.pk)
    assert stored.version == 2
    assert stored.target_value == Decimal(1200)


def test_update_goal_refused_edit_writes_no_history(goal):
    first_user = UserFactory(username="foerste")
    second_user = UserFactory(username="anden")
    update_goal(goal=goal, user=first_user, expected_version=1, changes={"title": "Første"})

    with pytest.raises(ConcurrentEditError):
        update_goal(goal=goal, user=second_user, expected_version=1, changes={"title": "Anden"})

    assert [h.history_user for h in goal.history.filter(history_type="~")] == [first_user]


def test_update_goal_history_records_who_changed_the_goal(goal, user):
    update_goal(goal=goal, user=user, expected_version=1, changes={"title": "Mindst 1200 nye job"})

    latest = goal.history.latest()
    assert latest.history_user == user
    assert latest.history_type == "~"
    assert latest.title == "Mindst 1200 nye job"
    assert latest.history_change_reason == "Mål redigeret"


def test_update_goal_invalid_change_keeps_the_version(goal, user):
    with pytest.raises(ValidationError) as excinfo:
        update_goal(goal=goal, user=user, expected_version=1, changes={"target_value": None})

    assert error_keys(excinfo) == {"target_value"}
    assert Goal.objects.get(pk=goal.pk).version == 1
