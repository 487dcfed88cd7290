"""What changed since a date: status changes, new updates and slipped dates, from the history of
activities and milestones and from the status updates, grouped per activity, own first."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actions.enums import ActivityStatus, TrafficLight
from actions.models import StatusUpdate
from actions.steering import ChangeKind, changes_since, start_of
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    StatusUpdateFactory,
)
from core.tests.factories import UserFactory

TODAY = timezone.localdate()
MEETING = TODAY - timedelta(days=30)  # the last committee meeting
BEFORE = start_of(TODAY - timedelta(days=60))


@pytest.fixture
def plan(municipality):
    return ActionPlanFactory(municipality=municipality, title="Handleplan 2016-2017")


@pytest.fixture
def user(municipality):
    return UserFactory(username="ejer")


def made_before_the_meeting(instance):
    """Move every history record of `instance` to before the meeting, as if made back then."""
    instance.history.update(history_date=BEFORE)
    return instance


def old_activity(plan, **fields):
    fields.setdefault("status", ActivityStatus.PLANNED)
    return made_before_the_meeting(ActivityFactory(plan=plan, **fields))


def kinds_of(result):
    return [(g.title, [c.kind for c in g.changes]) for g in result.groups]


def test_a_status_change_since_the_date_shows_old_and_new(plan, user):
    activity = old_activity(plan, title="Erhvervsråd")
    activity.status = ActivityStatus.IN_PROGRESS
    activity._history_user = user
    activity.save()

    result = changes_since(plan, MEETING)

    ((group,),) = [result.groups]
    (change,) = group.changes
    assert group.title == "Erhvervsråd"
    assert group.activity == activity
    assert (change.kind, change.old, change.new, change.who) == (
        ChangeKind.STATUS,
        "Planlagt",
        "I gang",
        user,
    )
    assert change.label == "Status ændret"
    assert result.status_changes == 1


def test_a_new_status_update_since_the_date(plan):
    activity = old_activity(plan, title="Iværksætterkurser")
    update = StatusUpdateFactory(
        activity=activity, reported_on=TODAY - timedelta(days=3), light=TrafficLight.YELLOW
    )

    result = changes_since(plan, MEETING)

    assert kinds_of(result) == [("Iværksætterkurser", [ChangeKind.UPDATE])]
    assert result.groups[0].changes[0].update == update
    assert result.new_updates == 1


def test_an_update_dated_before_the_meeting_but_entered_after_it_is_new(plan):
    activity = old_activity(plan)
    StatusUpdateFactory(activity=activity, reported_on=MEETING - timedelta(days=5))

    assert changes_since(plan, MEETING).new_updates == 1


def test_a_slipped_end_date_since_the_date(plan):
    activity = old_activity(plan, title="Fair trade city", ends_on=date(2016, 6, 30))
    activity.ends_on = date(2016, 12, 31)
    activity.save()

    result = changes_since(plan, MEETING)

    (change,) = result.groups[0].changes
    assert (change.kind, change.old, change.new) == (
        ChangeKind.SLIPPED_END,
        date(2016, 6, 30),
        date(2016, 12, 31),
    )
    assert change.slipped_days == 184
    assert result.slipped == 1


def test_an_end_date_moved_earlier_is_not_a_slip(plan):
    activity = old_activity(plan, ends_on=date(2016, 12, 31))
    activity.ends_on = date(2016, 6, 30)
    activity.save()

    assert changes_since(plan, MEETING).groups == []


def test_a_slipped_and_a_reached_milestone(plan):
    activity = old_activity(plan, title="Workshop med Herlev og Gladsaxe")
    workshop = made_before_the_meeting(
        MilestoneFactory(activity=activity, title="Fælles workshop", due_on=date(2016, 3, 1))
    )
    plan_done = made_before_the_meeting(
        MilestoneFactory(activity=activity, title="Handlingsplan", due_on=date(2016, 9, 1))
    )
    workshop.due_on = date(2016, 5, 1)
    workshop.save()
    plan_done.done_on = date(2016, 8, 20)
    plan_done.save()

    result = changes_since(plan, MEETING)

    changes = result.groups[0].changes
    assert [(c.kind, c.subject, c.old, c.new) for c in changes] == [
        (ChangeKind.SLIPPED_MILESTONE, "Fælles workshop", date(2016, 3, 1), date(2016, 5, 1)),
        (ChangeKind.MILESTONE_REACHED, "Handlingsplan", None, date(2016, 8, 20)),
    ]
    assert result.slipped == 1


def test_nothing_from_before_the_date(plan):
    activity = ActivityFactory(plan=plan, status=ActivityStatus.PLANNED, ends_on=date(2016, 6, 30))
    activity.status = ActivityStatus.IN_PROGRESS
    activity.ends_on = date(2016, 12, 31)
    activity.save()
    milestone = MilestoneFactory(activity=activity, due_on=date(2016, 3, 1))
    milestone.due_on = date(2016, 4, 1)
    milestone.save()
    update = StatusUpdateFactory(activity=activity, reported_on=MEETING - timedelta(days=1))
    StatusUpdate.objects.filter(pk=update.pk).update(created_at=BEFORE)
    made_before_the_meeting(activity)
    made_before_the_meeting(milestone)

    assert changes_since(plan, MEETING).groups == []
    # … while the same data seen from before it is all there
    earlier = changes_since(plan, BEFORE.date())
    assert earlier.status_changes == 1
    assert earlier.slipped == 2
    assert earlier.new_updates == 1


def test_added_and_deleted_activities(plan):
    gone = old_activity(plan, title="Nedlagt aktivitet")
    gone.delete()
    ActivityFactory(plan=plan, title="Ny aktivitet")

    assert kinds_of(changes_since(plan, MEETING)) == [
        ("Ny aktivitet", [ChangeKind.ADDED]),
        ("Nedlagt aktivitet", [ChangeKind.DELETED]),
    ]


def test_other_plans_are_not_included(plan, municipality):
    other = old_activity(ActionPlanFactory(municipality=municipality))
    other.status = ActivityStatus.DONE
    other.save()
    StatusUpdateFactory(activity=other, reported_on=TODAY)

    assert changes_since(plan, MEETING).groups == []


def test_own_activities_come_first_then_the_plan_order(plan, user):
    first = old_activity(plan, title="A: en andens", order=1)
    second = old_activity(plan, title="B: også en andens", order=2)
    mine = old_activity(plan, title="C: min", order=3, owner=user)
    for activity in (first, second, mine):
        StatusUpdateFactory(activity=activity, reported_on=TODAY)

    result = changes_since(plan, MEETING, user)

    assert [g.title for g in result.groups] == ["C: min", "A: en andens", "B: også en andens"]
    assert [g.is_own for g in result.groups] == [True, False, False]
    assert [g.title for g in result.groups if g.is_own] == ["C: min"]
    assert [g.title for g in changes_since(plan, MEETING).groups] == [
        "A: en andens",
        "B: også en andens",
        "C: min",
    ]


def test_changes_within_an_activity_are_oldest_first(plan):
    activity = old_activity(plan, ends_on=date(2016, 6, 30))
    activity.status = ActivityStatus.IN_PROGRESS
    activity.save()
    StatusUpdateFactory(activity=activity, reported_on=TODAY)
    activity.ends_on = date(2016, 9, 30)
    activity.save()

    (group,) = changes_since(plan, MEETING).groups

    assert [c.kind for c in group.changes] == [
        ChangeKind.STATUS,
        ChangeKind.UPDATE,
        ChangeKind.SLIPPED_END,
    ]


def changes_queries(plan) -> int:
    with CaptureQueriesContext(connection) as captured:
        changes_since(plan, MEETING)
    return len(captured.captured_queries)


def busy_activity(plan, number):
    activity = old_activity(plan, title=f"Aktivitet {number}", ends_on=date(2016, 6, 30))
    milestone = made_before_the_meeting(MilestoneFactory(activity=activity))
    activity.status = ActivityStatus.IN_PROGRESS
    activity.ends_on = date(2016, 9, 30)
    activity.save()
    milestone.due_on = date(2016, 7, 31)
    milestone.save()
    StatusUpdateFactory(activity=activity, reported_on=TODAY)


def test_the_number_of_queries_does_not_grow_with_the_changes(plan):
    for number in range(3):
        busy_activity(plan, number)
    few = changes_queries(plan)
    for number in range(3, 30):
        busy_activity(plan, number)

    assert changes_queries(plan) == few
    assert changes_since(plan, MEETING).slipped == 60
