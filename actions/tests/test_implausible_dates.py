"""Dates stored before writes were bounded (core.bounds): 31-12-9999 and 1-1-0001 must not break
the pages, the calendar feed or the daily reminder job for anybody.

The rows are written with a raw SQL UPDATE, as they were written before the bound existed.
"""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from icalendar import Calendar

from actions.gantt import build_gantt
from actions.models import Activity, Milestone, PlanSteering, ReminderLog, StatusUpdate
from actions.queries import TimetableGroup, TimetableRow
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    StatusUpdateFactory,
)
from actions.tests.mail import send
from core.tests.factories import MembershipFactory
from core.tests.mail import body_of
from strategy.models import Goal, Measurement
from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory

FAR_FUTURE = date(9999, 12, 31)
FAR_PAST = date(1, 1, 1)


def store(model, pk: int, **values) -> None:
    """Write `values` straight into the row, past every validator (as before core.bounds)."""
    table = connection.ops.quote_name(model._meta.db_table)
    assignments = ", ".join(
        f"{connection.ops.quote_name(model._meta.get_field(name).column)} = %s" for name in values
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {assignments} WHERE id = %s",
            [*values.values(), pk],
        )


def poison(plan, owner=None) -> Activity:
    """A plan whose activities, milestones, updates, goal, measurement and evaluation hold the
    extreme dates; returns the activity that ends on 31-12-9999."""
    strategy = PlanFactory(municipality=plan.municipality)
    goal = GoalFactory(plan=strategy, owner=owner, title="Mål uden ende")
    measurement = MeasurementFactory(goal=goal, value=Decimal(10))
    store(Goal, goal.pk, deadline=FAR_FUTURE, baseline_date=FAR_PAST)
    store(Measurement, measurement.pk, measured_on=FAR_FUTURE)

    endless = ActivityFactory(plan=plan, owner=owner, title="Uendelig aktivitet")
    endless.goals.add(goal)
    store(Activity, endless.pk, ends_on=FAR_FUTURE)
    ancient = ActivityFactory(plan=plan, owner=owner, title="Oldtidsaktivitet")
    store(Activity, ancient.pk, starts_on=FAR_PAST)
    future = ActivityFactory(plan=plan, owner=owner, title="Starter om 8000 år")
    store(Activity, future.pk, starts_on=FAR_FUTURE, ends_on=FAR_FUTURE)

    for activity, day in ((endless, FAR_FUTURE), (ancient, FAR_PAST)):
        store(Milestone, MilestoneFactory(activity=activity).pk, due_on=day, done_on=day)
        store(Milestone, MilestoneFactory(activity=activity).pk, due_on=day)
        store(StatusUpdate, StatusUpdateFactory(activity=activity).pk, reported_on=day)
    steering, _ = PlanSteering.objects.get_or_create(plan=plan)
    store(PlanSteering, steering.pk, evaluation_due=FAR_FUTURE)
    return endless


@pytest.fixture
def plan(municipality):
    return ActionPlanFactory(municipality=municipality, title="Handleplan med tastefejl")


@pytest.mark.parametrize(
    "path",
    ["", "?group=track", "aktiviteter/", "styring/", "ressourcer/"],
    ids=["gantt", "gantt-by-track", "list", "steering", "resources"],
)
def test_pages_survive_dates_stored_before_the_bound(client, staff, plan, path):
    poison(plan, owner=staff)
    client.force_login(staff)

    response = client.get(f"/k/165/handleplaner/{plan.pk}/{path}")

    assert response.status_code == 200
    shown = "Mål uden ende" if path == "ressourcer/" else "Uendelig aktivitet"
    assert shown in response.content.decode()


def test_the_gantt_axis_leaves_them_out_and_cuts_their_bars_at_its_edges():
    endless = TimetableRow(
        Activity(pk=1, title="Uendelig", starts_on=date(2016, 7, 1), ends_on=FAR_FUTURE),
        False,
        [Milestone(title="Aldrig", due_on=FAR_FUTURE)],
    )
    ancient = TimetableRow(
        Activity(pk=2, title="Oldtid", starts_on=FAR_PAST, ends_on=date(2016, 6, 30)), False, []
    )
    group = TimetableGroup("tema", "Tema", [endless, ancient])

    chart = build_gantt(
        [group], [], plan_period=(date(2016, 1, 1), date(2017, 12, 31)), today=date(2016, 7, 1)
    )

    assert (chart.starts_on, chart.ends_on) == (date(2016, 1, 1), date(2017, 12, 31))
    assert [year.label for year in chart.years] == ["2016", "2017"]
    first, second = chart.bars
    assert first.x + first.width == chart.right_edge
    assert first.milestones[0].x == chart.right_edge
    assert (second.x, second.x + second.width) == (chart.left, first.x)  # 30 June, 1 July


def test_the_activity_page_survives_them(client, staff, plan):
    endless = poison(plan, owner=staff)
    client.force_login(staff)

    response = client.get(f"/k/165/handleplaner/aktiviteter/{endless.pk}/")

    assert response.status_code == 200


def test_the_calendar_feed_survives_them_and_leaves_out_the_implausible_dates(client, plan):
    poison(plan)
    fine = ActivityFactory(plan=plan, title="Almindelig aktivitet", ends_on=date(2017, 6, 30))

    response = client.get(f"/k/165/handleplaner/{plan.pk}/kalender.ics")

    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    days = sorted(event.decoded("dtstart") for event in events)
    assert days == [date(2017, 6, 30), date(2017, 12, 31)]
    assert f"activity-{fine.pk}-deadline@kurs" in {str(event["uid"]) for event in events}


@pytest.fixture
def bo(other_municipality):
    return MembershipFactory(
        municipality=other_municipality, user__first_name="Bo", user__email="bo@ballerup.example"
    ).user


def test_the_reminder_job_survives_them_and_reminds_both_municipalities(
    smtp, municipality, other_municipality, owner, bo
):
    poison(ActionPlanFactory(municipality=municipality), owner=owner)
    ActivityFactory(plan=ActionPlanFactory(municipality=other_municipality), owner=bo)

    output = send("2016-04-01")

    assert sorted(m.envelope_recipients[0] for m in smtp.messages) == [
        "bo@ballerup.example",
        "eva@albertslund.example",
    ]
    (to_eva,) = smtp.to("eva@albertslund.example")
    # Its update from year 1 is long overdue; an update or a start in year 9999 is not due yet.
    assert "Oldtidsaktivitet" in body_of(to_eva)
    assert "Uendelig aktivitet" not in body_of(to_eva)
    assert "Starter om 8000 år" not in body_of(to_eva)
    assert "sent 2 e-mail(s)" in output


def test_one_municipality_failing_does_not_stop_the_others(
    smtp, municipality, other_municipality, owner, bo, monkeypatch
):
    ActivityFactory(plan=ActionPlanFactory(municipality=municipality), owner=owner)
    ActivityFactory(plan=ActionPlanFactory(municipality=other_municipality), owner=bo)
    provoke_failure_for(monkeypatch, municipality)
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError) as failure:
        call_command("send_reminders", "--date", "2016-04-01", stdout=out, stderr=err)

    assert str(failure.value) == "Reminders failed for Albertslund (165)"
    assert err.getvalue() == (
        "Reminders for Albertslund (165) failed: OverflowError('date value out of range')\n"
    )
    assert [m.envelope_recipients for m in smtp.messages] == [["bo@ballerup.example"]]
    assert "Kære Bo" in body_of(smtp.messages[0])
    assert "sent 1 e-mail(s) with 1 reminder(s)" in out.getvalue()
    assert ReminderLog.objects.get().recipient == bo


def provoke_failure_for(monkeypatch, broken) -> None:
    """Make reading Albertslund's due reminders fail, as a poisoned row once did."""
    from actions.management.commands import send_reminders

    due = send_reminders.due_reminders

    def failing(today, municipality=None):
        if municipality == broken:
            raise OverflowError("date value out of range")
        return due(today, municipality)

    monkeypatch.setattr(send_reminders, "due_reminders", failing)
