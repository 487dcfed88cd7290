"""Reminders to owners: which are due, and the daily command that e-mails them through a real
SMTP server (aiosmtpd on 127.0.0.1), one e-mail per person and never the same reminder twice."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError
from django.db import connection

from actions import rules
from actions.enums import ActivityStatus, ReportingCycle
from actions.management.commands import send_reminders
from actions.models import Activity, PlanSteering, ReminderLog
from actions.reminders.queries import due_reminders, owners_behind
from actions.rules import is_late
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    StatusUpdateFactory,
)
from actions.tests.mail import send
from core.enums import Role
from core.tests.factories import MembershipFactory
from core.tests.mail import body_of, free_port, subject_of
from strategy.enums import DataSource, PlanStatus
from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory

Kind = ReminderLog.Kind


# Data


@pytest.fixture
def other_owner(municipality):
    return MembershipFactory(
        municipality=municipality,
        user__username="anden",
        user__first_name="Anders",
        user__email="anders@albertslund.example",
    ).user


@pytest.fixture
def plan(municipality):
    """A quarterly action plan for 2016-2017."""
    plan = ActionPlanFactory(municipality=municipality, title="Handleplan 2016-2017")
    PlanSteering.objects.create(plan=plan, reporting_cycle=ReportingCycle.QUARTERLY)
    return plan


def activity_in(plan, owner, title="Smart City-partnerskab", **fields):
    """An activity running through the whole plan, so only the update cycle makes it due."""
    return ActivityFactory(plan=plan, owner=owner, title=title, **fields)


def kinds(on: date, municipality=None):
    return sorted((r.kind, r.object_key, r.period_key) for r in due_reminders(on, municipality))


# The rules


def test_update_is_due_one_quarter_after_the_start_and_not_before(plan, owner):
    activity = activity_in(plan, owner)

    assert kinds(date(2016, 3, 31)) == []
    assert kinds(date(2016, 4, 1)) == [(Kind.UPDATE_DUE, f"activity:{activity.pk}", "2016-04-01")]


def test_update_is_due_one_quarter_after_the_latest_update(plan, owner):
    activity = activity_in(plan, owner)
    StatusUpdateFactory(activity=activity, reported_on=date(2016, 3, 15))

    assert kinds(date(2016, 6, 14)) == []
    assert kinds(date(2016, 6, 15)) == [(Kind.UPDATE_DUE, f"activity:{activity.pk}", "2016-06-15")]


def test_each_missed_quarter_is_a_reminder_of_its_own(plan, owner):
    activity = activity_in(plan, owner)

    assert kinds(date(2016, 9, 30)) == [(Kind.UPDATE_DUE, f"activity:{activity.pk}", "2016-07-01")]
    due = rules.update_due(activity, None, date(2016, 9, 30))
    assert (due.first, due.latest, due.missed) == (date(2016, 4, 1), date(2016, 7, 1), 2)


def test_the_plan_reporting_cycle_decides_and_quarterly_is_the_default(municipality, owner):
    monthly = ActionPlanFactory(municipality=municipality)
    PlanSteering.objects.create(plan=monthly, reporting_cycle=ReportingCycle.MONTHLY)
    without_steering = ActionPlanFactory(municipality=municipality)
    fast = activity_in(monthly, owner, "Månedlig")
    activity_in(without_steering, owner, "Kvartalsvis")

    assert kinds(date(2016, 2, 1)) == [(Kind.UPDATE_DUE, f"activity:{fast.pk}", "2016-02-01")]
    assert len(kinds(date(2016, 4, 1))) == 2


def test_an_activity_starting_later_is_due_a_cycle_after_its_own_start(plan, owner):
    activity = activity_in(plan, owner, starts_on=date(2016, 9, 1))

    assert kinds(date(2016, 11, 30)) == []
    assert kinds(date(2016, 12, 1)) == [(Kind.UPDATE_DUE, f"activity:{activity.pk}", "2016-12-01")]


@pytest.mark.parametrize("status", [ActivityStatus.DONE, ActivityStatus.DROPPED])
def test_done_and_dropped_activities_are_not_reminded(plan, owner, status):
    activity_in(plan, owner, status=status, ends_on=date(2016, 2, 1))

    assert kinds(date(2016, 6, 1)) == []


def test_draft_plans_unowned_activities_and_former_members_are_not_reminded(
    plan, owner, municipality, other_municipality
):
    draft = ActionPlanFactory(municipality=municipality, status=PlanStatus.DRAFT)
    activity_in(draft, owner)
    activity_in(plan, None, "Uden ansvarlig")
    former = MembershipFactory(municipality=other_municipality, user__email="x@example.com").user
    activity_in(plan, former, "Tidligere kollega")
    inactive = MembershipFactory(municipality=municipality, user__is_active=False).user
    activity_in(plan, inactive, "Deaktiveret bruger")

    assert kinds(date(2016, 4, 1)) == []


def test_due_soon_within_14_days_and_overdue(plan, owner):
    ending = activity_in(plan, owner, "Slutter snart", ends_on=date(2016, 4, 14))
    StatusUpdateFactory(activity=ending, reported_on=date(2016, 3, 1))
    late = activity_in(plan, owner, "Med overskredet milepæl")
    StatusUpdateFactory(activity=late, reported_on=date(2016, 3, 1))
    milestone = MilestoneFactory(activity=late, title="Workshop holdt", due_on=date(2016, 3, 20))
    MilestoneFactory(
        activity=late, title="Nået", due_on=date(2016, 3, 10), done_on=date(2016, 3, 9)
    )
    far = MilestoneFactory(activity=late, title="Langt ude", due_on=date(2016, 4, 16))

    assert kinds(date(2016, 3, 31)) == [
        (Kind.DUE_SOON, f"activity:{ending.pk}", "2016-04-14"),
        (Kind.OVERDUE, f"milestone:{milestone.pk}", "2016-03-20"),
    ]
    assert kinds(date(2016, 4, 15)) == [
        (Kind.DUE_SOON, f"milestone:{far.pk}", "2016-04-16"),
        (Kind.OVERDUE, f"activity:{ending.pk}", "2016-04-14"),
        (Kind.OVERDUE, f"milestone:{milestone.pk}", "2016-03-20"),
    ]


def test_overdue_follows_the_timetable_late_rule(plan, owner):
    today = date(2016, 6, 1)
    cases = [
        activity_in(plan, owner, "Slut overskredet", ends_on=date(2016, 5, 31)),
        activity_in(plan, owner, "Slutter i dag", ends_on=today),
        activity_in(
            plan, owner, "Udskudt", status=ActivityStatus.POSTPONED, ends_on=date(2016, 5, 1)
        ),
        activity_in(
            plan, owner, "Gennemført", status=ActivityStatus.DONE, ends_on=date(2016, 5, 1)
        ),
        activity_in(plan, owner, "Uden datoer", starts_on=None, ends_on=None),
    ]
    MilestoneFactory(activity=cases[1], due_on=date(2016, 5, 1))

    for activity in cases:
        milestones = list(activity.milestones.all())
        overdue = any(d.kind == Kind.OVERDUE for d in rules.deadlines(activity, milestones, today))
        assert overdue == is_late(activity, today, milestones), activity.title


def test_measurement_is_due_a_quarter_after_the_latest_measurement(municipality, owner):
    strategy = PlanFactory(municipality=municipality, title="Erhvervsstrategi 2013-2017")
    goal = GoalFactory(plan=strategy, owner=owner, title="1000 nye arbejdspladser")
    MeasurementFactory(goal=goal, measured_on=date(2015, 1, 1), value=Decimal(400))
    GoalFactory(plan=strategy, title="Uden ansvarlig")

    assert kinds(date(2015, 3, 31)) == []
    assert kinds(date(2015, 4, 1)) == [(Kind.MEASUREMENT_DUE, f"goal:{goal.pk}", "2015-04-01")]


def test_measurement_cycle_comes_from_an_action_plan_implementing_the_goal_plan(
    municipality, owner
):
    strategy = PlanFactory(municipality=municipality)
    action_plan = ActionPlanFactory(municipality=municipality, implements=strategy)
    PlanSteering.objects.create(plan=action_plan, reporting_cycle=ReportingCycle.MONTHLY)
    goal = GoalFactory(plan=strategy, owner=owner)
    MeasurementFactory(goal=goal, measured_on=date(2015, 1, 1))

    assert kinds(date(2015, 2, 1)) == [(Kind.MEASUREMENT_DUE, f"goal:{goal.pk}", "2015-02-01")]


def test_no_measurement_reminder_for_platform_counted_or_finally_measured_goals(
    municipality, owner
):
    strategy = PlanFactory(municipality=municipality)
    GoalFactory(plan=strategy, owner=owner, data_source=DataSource.PLATFORM)
    final = GoalFactory(plan=strategy, owner=owner, deadline=date(2015, 12, 31))
    MeasurementFactory(goal=final, measured_on=date(2015, 12, 31))

    assert kinds(date(2016, 6, 1)) == []


def test_a_goal_never_measured_is_due_a_quarter_after_its_plan_starts(municipality, owner):
    goal = GoalFactory(
        plan=PlanFactory(municipality=municipality, period_start=2013),
        owner=owner,
        baseline_date=date(2011, 1, 1),
    )

    assert kinds(date(2013, 3, 31)) == []
    assert kinds(date(2013, 4, 1)) == [(Kind.MEASUREMENT_DUE, f"goal:{goal.pk}", "2013-04-01")]


def test_nobody_is_reminded_of_the_distant_past(plan, owner, municipality):
    ended = activity_in(plan, owner, "Sluttede for længe siden", ends_on=date(2016, 6, 30))
    MilestoneFactory(activity=ended, due_on=date(2016, 5, 1))
    goal = GoalFactory(plan=PlanFactory(municipality=municipality), owner=owner)  # 2017 deadline

    # The milestone of 1 May 2016 is more than a year ago; the end date is exactly a year ago.
    assert [key for _kind, key, _period in kinds(date(2017, 6, 30))] == [
        f"goal:{goal.pk}",
        f"activity:{ended.pk}",
        f"activity:{ended.pk}",
    ]
    assert [key for _kind, key, _period in kinds(date(2017, 7, 1))] == [f"goal:{goal.pk}"]
    assert kinds(date(2019, 1, 1)) == []
    # … while the steering page still counts it as behind
    (row,) = owners_behind(Activity.objects.filter(plan=plan), date(2019, 1, 1))
    assert (row.updates_missing, row.overdue) == (1, 1)


def test_add_months_keeps_the_day_or_takes_the_month_end():
    assert rules.add_months(date(2016, 1, 31), 1) == date(2016, 2, 29)
    assert rules.add_months(date(2016, 11, 30), 3) == date(2017, 2, 28)
    assert rules.add_months(date(2016, 5, 15), 12) == date(2017, 5, 15)


# The command, through SMTP


def test_command_mails_the_owner_when_an_update_is_due(smtp, plan, owner):
    activity = activity_in(plan, owner)

    output = send("2016-04-01")

    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message.envelope_recipients == ["eva@albertslund.example"]
    assert message["To"] == "eva@albertslund.example"
    assert message["From"] == "kurs@albertslund.example"
    assert subject_of(message) == "Kurs: 1 påmindelse om dine aktiviteter og mål"
    body = body_of(message)
    assert "Kære Eva" in body
    assert "Statusopdateringer, der mangler" in body
    assert "Smart City-partnerskab (Handleplan 2016-2017)" in body
    assert "har været forfalden siden 1. apr. 2016" in body
    assert f"https://kurs.example/k/165/handleplaner/aktiviteter/{activity.pk}/" in body
    assert "sent 1 e-mail(s) with 1 reminder(s)" in output
    log = ReminderLog.objects.get()
    assert (log.kind, log.object_key, log.period_key, log.recipient, log.email) == (
        Kind.UPDATE_DUE,
        f"activity:{activity.pk}",
        "2016-04-01",
        owner,
        "eva@albertslund.example",
    )


def test_command_sends_nothing_before_the_quarter_is_over(smtp, plan, owner):
    activity_in(plan, owner)

    output = send("2016-03-31")

    assert smtp.messages == []
    assert "sent 0 e-mail(s)" in output
    assert not ReminderLog.objects.exists()


def test_command_mails_a_due_measurement_with_a_link_to_the_goal(smtp, municipality, owner):
    goal = GoalFactory(
        plan=PlanFactory(municipality=municipality), owner=owner, title="1000 nye arbejdspladser"
    )
    MeasurementFactory(goal=goal, measured_on=date(2015, 1, 1))

    send("2015-04-02")

    (message,) = smtp.to("eva@albertslund.example")
    body = body_of(message)
    assert "Målinger, der mangler" in body
    assert "1000 nye arbejdspladser" in body
    assert "Seneste måling er fra 1. jan. 2015." in body
    assert f"https://kurs.example/k/165/maal/{goal.pk}/" in body


def test_command_mails_due_soon_and_overdue_in_one_email(smtp, plan, owner):
    ending = activity_in(plan, owner, "Affaldskampagne", ends_on=date(2016, 3, 10))
    StatusUpdateFactory(activity=ending, reported_on=date(2016, 3, 1))
    soon = activity_in(plan, owner, "Workshop med Herlev og Gladsaxe")
    StatusUpdateFactory(activity=soon, reported_on=date(2016, 3, 1))
    MilestoneFactory(activity=soon, title="Fælles workshop", due_on=date(2016, 3, 25))

    send("2016-03-15")

    (message,) = smtp.messages
    assert subject_of(message) == "Kurs: 2 påmindelser om dine aktiviteter og mål"
    body = body_of(message)
    assert body.index("Frister, der er overskredet") < body.index(
        "Frister inden for de næste 14 dage"
    )
    assert "Affaldskampagne (Handleplan 2016-2017)" in body
    assert "Aktiviteten skulle være afsluttet 10. mar. 2016." in body
    assert "Workshop med Herlev og Gladsaxe (Handleplan 2016-2017)" in body
    assert "Milepælen “Fælles workshop” skal være nået 25. mar. 2016." in body


def test_running_the_command_twice_sends_nothing_the_second_time(smtp, plan, owner):
    activity_in(plan, owner)
    activity_in(plan, owner, "Fair trade city", ends_on=date(2016, 4, 10))

    send("2016-04-01")
    output = send("2016-04-01")
    send("2016-04-02")

    assert len(smtp.messages) == 1
    assert "Kurs: 3 påmindelser" in subject_of(smtp.messages[0])
    assert ReminderLog.objects.count() == 3
    assert "sent 0 e-mail(s) with 0 reminder(s); 3 already sent before" in output


def test_a_new_quarter_and_a_moved_deadline_are_new_reminders(smtp, plan, owner):
    activity = activity_in(plan, owner, ends_on=date(2016, 4, 10))
    send("2016-04-01")
    activity.ends_on = date(2016, 4, 12)
    activity.save()

    send("2016-04-02")
    send("2016-07-01")

    assert len(smtp.messages) == 3
    assert sorted(ReminderLog.objects.values_list("kind", "period_key")) == [
        (Kind.DUE_SOON, "2016-04-10"),
        (Kind.DUE_SOON, "2016-04-12"),
        (Kind.OVERDUE, "2016-04-12"),
        (Kind.UPDATE_DUE, "2016-04-01"),
        (Kind.UPDATE_DUE, "2016-07-01"),
    ]


def test_two_owners_get_an_email_each_about_their_own_activities(smtp, plan, owner, other_owner):
    activity_in(plan, owner, "Evas aktivitet")
    activity_in(plan, other_owner, "Anders' aktivitet")

    output = send("2016-04-01")

    assert len(smtp.messages) == 2
    (to_eva,) = smtp.to("eva@albertslund.example")
    (to_anders,) = smtp.to("anders@albertslund.example")
    assert "Evas aktivitet" in body_of(to_eva)
    assert "Anders' aktivitet" not in body_of(to_eva)
    assert "Anders' aktivitet" in body_of(to_anders)
    assert "Kære Anders" in body_of(to_anders)
    assert "sent 2 e-mail(s) with 2 reminder(s)" in output


def test_dry_run_prints_but_sends_and_logs_nothing(smtp, plan, owner):
    activity_in(plan, owner)

    output = send("2016-04-01", "--dry-run")

    assert smtp.messages == []
    assert not ReminderLog.objects.exists()
    assert "To: eva@albertslund.example" in output
    assert "Subject: Kurs: 1 påmindelse om dine aktiviteter og mål" in output
    assert "Smart City-partnerskab" in output
    assert "would send 1 e-mail(s) with 1 reminder(s)" in output
    # and the real run afterwards still sends it
    send("2016-04-01")
    assert len(smtp.messages) == 1


def test_an_owner_without_email_is_skipped_and_reported(smtp, plan, owner, municipality):
    no_email = MembershipFactory(
        municipality=municipality, role=Role.STAFF, user__username="uden", user__email=""
    ).user
    activity_in(plan, no_email, "Ingen mail")
    activity_in(plan, owner)

    output = send("2016-04-01")

    assert [m.envelope_recipients for m in smtp.messages] == [["eva@albertslund.example"]]
    assert "Ingen mail" not in body_of(smtp.messages[0])
    assert "Skipped uden" in output
    assert "no e-mail address, 1 reminder(s) not sent" in output
    assert list(ReminderLog.objects.values_list("recipient__username", flat=True)) == ["ejer"]


def test_a_reminder_claimed_by_a_racing_run_is_not_sent_again(smtp, plan, owner, monkeypatch):
    activity = activity_in(plan, owner)
    # The other run inserted the row after this run looked for sent reminders.
    monkeypatch.setattr(
        "actions.management.commands.send_reminders.already_sent", lambda reminders: set()
    )
    ReminderLog.objects.create(
        municipality=plan.municipality,
        kind=Kind.UPDATE_DUE,
        object_key=f"activity:{activity.pk}",
        period_key="2016-04-01",
        recipient=owner,
        email=owner.email,
    )

    output = send("2016-04-01")

    assert smtp.messages == []
    assert ReminderLog.objects.count() == 1
    assert "1 claimed by another run" in output


def test_an_smtp_failure_rolls_the_claims_back_for_the_next_run(smtp, settings, plan, owner):
    activity_in(plan, owner)
    settings.EMAIL_PORT = free_port()  # nobody listens there

    with pytest.raises(CommandError, match="could not be sent"):
        send("2016-04-01")

    assert not ReminderLog.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_time_send_each_reminder_once(smtp, plan, owner, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs two concurrent writers: run with DATABASE_URL=postgres://… (CI does)")
    activity_in(plan, owner)
    activity_in(plan, owner, "Fair trade city", ends_on=date(2016, 4, 10))
    # Both runs look for sent reminders before either claims one: the worst case.
    both_looked = threading.Barrier(2)
    look = send_reminders.already_sent

    def look_then_wait(reminders):
        seen = look(reminders)
        both_looked.wait(timeout=10)
        return seen

    monkeypatch.setattr(send_reminders, "already_sent", look_then_wait)
    outputs, errors = [], []

    def run():
        try:
            outputs.append(send("2016-04-01"))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    runs = [threading.Thread(target=run) for _ in range(2)]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join(timeout=30)

    assert errors == []
    assert len(smtp.messages) == 1
    assert ReminderLog.objects.count() == 3
    assert sorted(o.split(";")[0].split(": ")[1] for o in outputs) == [
        "sent 0 e-mail(s) with 0 reminder(s)",
        "sent 1 e-mail(s) with 3 reminder(s)",
    ]
    assert any("3 claimed by another run" in output for output in outputs)
