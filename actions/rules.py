"""The rules of action plans: when an activity is late, when a deadline is near, when a status
update or a measurement is due, and for how long owners are reminded. Decided here and nowhere
else, as pure functions of an activity or a goal, its milestones and a day, so that the timetable,
the activity page, the steering page, the dashboard and the daily reminders always agree.

Open activities
    An activity that is done or dropped (`CLOSED_STATUSES`) is closed: it is never late, has no
    deadlines and needs no status update. Every other status is open, planned and postponed too:
    postponing does not move the dates, and the plan still says when it should have happened.

Late (`is_late`, `is_milestone_overdue`)
    An open activity is late on a day when one of its deadlines is overdue: its period has ended
    (`ends_on` is before the day), or one of its milestones is due before the day and not reached
    (`done_on` empty). An activity ending today, or with a milestone due today, is not late yet;
    an activity without dates is late when one of its milestones is overdue.

Deadlines: overdue and due soon (`deadlines`)
    An open activity's deadlines are its end date and the due dates of its unreached milestones.
    A deadline before today is overdue (`ReminderLog.Kind.OVERDUE`), exactly when the activity is
    late; one from today to `DUE_SOON_DAYS` (14) days ahead is due soon (`DUE_SOON`). A reminder's
    period key is the date itself, so moving the date gives a new reminder and keeping it does not.

Update due (`update_due`)
    An open activity needs a status update every reporting cycle of its plan
    (`PlanSteering.reporting_cycle`, quarterly when the plan has no steering). The cycle counts from
    the activity's latest status update (`reported_on`), or, without one, from the plan's start
    (1 January of its first year) or the activity's own start if that is later. An update is due
    once a whole cycle has passed: quarterly from 1 January, due on 1 April. Each missed cycle is
    a reminder of its own (period key: the date it fell due), so a silent owner is reminded once
    per cycle, never twice for the same one.

Measurement due (`measurement_due`)
    A goal needs a measurement (or an assessment) every cycle from its latest measurement, or
    without one from its plan's start (or its baseline date, if later). The cycle is the shortest
    (`shortest_cycle`) of the reporting cycles of the plan's own steering and of the action plans
    that implement the goal's plan, quarterly by default. Goals counted by the platform itself
    (`DataSource.PLATFORM`) are not reminded, and nor is a goal measured on or after its deadline.

Cycles (`cycle_due`, `add_months`)
    A cycle of n months ends on the same day of the month n months on, or on that month's last
    day (31 January + 1 month = 29 February in a leap year). A cycle that starts after today
    (a report or a start dated in the future, even a mistyped 31-12-9999) has nothing due yet.

Follow-up ends (`is_history`)
    Nobody is reminded of the distant past: reminders stop `FOLLOW_UP_DAYS` (a year) after an
    activity's end (or its plan's end, `activity_end`), a deadline or milestone date, or a goal's
    deadline. An activity still open by then is shown as behind on the steering page instead; a
    plan loaded years after it ended (Ballerup's 2007-2009) does not fill anybody's inbox.

Who is reminded
    Only owners of activities and goals in adopted plans, and only owners who are active users
    and still members of the plan's municipality (a former colleague's activities show up as
    behind on the steering page instead). `actions.reminders.queries` selects them so.

Dates are compared and subtracted, never moved by adding days near the end of the calendar, so a
date stored before writes were bounded (`core.bounds`) cannot overflow any of these rules.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from actions.enums import ActivityStatus, ReportingCycle
from actions.models import Activity, Milestone, ReminderLog
from strategy.enums import DataSource
from strategy.models import Goal

Kind = ReminderLog.Kind

CLOSED_STATUSES = {ActivityStatus.DONE, ActivityStatus.DROPPED}
DUE_SOON_DAYS = 14
FOLLOW_UP_DAYS = 365
CYCLE_MONTHS = {
    ReportingCycle.MONTHLY: 1,
    ReportingCycle.QUARTERLY: 3,
    ReportingCycle.HALF_YEARLY: 6,
    ReportingCycle.YEARLY: 12,
}
DEFAULT_CYCLE = ReportingCycle.QUARTERLY


# Deadlines and the late rule


@dataclass(frozen=True)
class Deadline:
    """An end date or a milestone of an open activity that is overdue or due soon."""

    kind: str  # Kind.OVERDUE or Kind.DUE_SOON
    object_key: str
    due_on: date
    milestone: Milestone | None = None


def deadline_kind(due_on: date, today: date) -> str | None:
    """Kind.OVERDUE before today, Kind.DUE_SOON within `DUE_SOON_DAYS` days, else None."""
    days_left = (due_on - today).days
    if days_left < 0:
        return Kind.OVERDUE
    if days_left <= DUE_SOON_DAYS:
        return Kind.DUE_SOON
    return None


def deadlines(activity: Activity, milestones, today: date) -> list[Deadline]:
    """The activity's end date and unreached milestones that are overdue or due soon, earliest
    first. Nothing for a done or dropped activity."""
    if activity.status in CLOSED_STATUSES:
        return []
    dates = [(f"activity:{activity.pk}", activity.ends_on, None)] if activity.ends_on else []
    dates += [(f"milestone:{m.pk}", m.due_on, m) for m in milestones if m.done_on is None]
    found = []
    for object_key, due_on, milestone in dates:
        kind = deadline_kind(due_on, today)
        if kind is not None:
            found.append(Deadline(kind, object_key, due_on, milestone))
    return sorted(found, key=lambda d: (d.due_on, d.object_key))


def is_late(activity: Activity, today: date, milestones=None) -> bool:
    """Whether `activity` is late on `today` (see the module doc). `milestones` defaults to
    `activity.milestones.all()`, which the page queries prefetch."""
    if milestones is None:
        milestones = activity.milestones.all()
    return any(d.kind == Kind.OVERDUE for d in deadlines(activity, milestones, today))


def is_milestone_overdue(milestone: Milestone, today: date) -> bool:
    return milestone.done_on is None and deadline_kind(milestone.due_on, today) == Kind.OVERDUE


# Cycles


def add_months(day: date, months: int) -> date:
    """`day` moved `months` months on, on the same day of the month or the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class CycleDue:
    """A cycle's report is missing: due since `first`, and `latest` is the most recent due date."""

    first: date
    latest: date
    missed: int


def cycle_due(since: date, cycle: str, today: date) -> CycleDue | None:
    """Whether a report is due on `today` when the last one (or the start) was on `since`."""
    if since > today:
        return None
    months = CYCLE_MONTHS.get(cycle, CYCLE_MONTHS[DEFAULT_CYCLE])
    first = add_months(since, months)
    if first > today:
        return None
    count = ((today.year - since.year) * 12 + today.month - since.month) // months
    while count > 1 and add_months(since, count * months) > today:
        count -= 1
    return CycleDue(first, add_months(since, count * months), count)


def shortest_cycle(cycles: Iterable[str]) -> str | None:
    """The most frequent of `cycles`, or None when there is none."""
    return min(cycles, key=lambda cycle: CYCLE_MONTHS[cycle], default=None)


def cycle_label(cycle: str) -> str:
    """The cycle in words, as in "Planen følges op kvartalsvis"."""
    return str(ReportingCycle(cycle).label).lower() if cycle in ReportingCycle.values else cycle


def plan_start(plan) -> date:
    return date(plan.period_start, 1, 1)


def activity_end(activity: Activity) -> date:
    """The activity's last day, or its plan's when it has no dates."""
    return activity.ends_on or date(activity.plan.period_end, 12, 31)


def activity_cycle(activity: Activity) -> str:
    steering = getattr(activity.plan, "steering", None)
    return steering.reporting_cycle if steering is not None else DEFAULT_CYCLE


# Reports due


def update_due(activity: Activity, last_reported_on: date | None, today: date) -> CycleDue | None:
    """The activity's missing status update, if one is due on `today` (see the module doc)."""
    if activity.status in CLOSED_STATUSES:
        return None
    since = last_reported_on
    if since is None:
        since = plan_start(activity.plan)
        if activity.starts_on and activity.starts_on > since:
            since = activity.starts_on
    return cycle_due(since, activity_cycle(activity), today)


def measurement_due(
    goal: Goal, latest_measured_on: date | None, cycle: str, today: date
) -> CycleDue | None:
    """The goal's missing measurement, if one is due on `today` (see the module doc)."""
    if goal.data_source == DataSource.PLATFORM:
        return None
    if latest_measured_on is not None:
        if latest_measured_on >= goal.effective_deadline:
            return None
        since = latest_measured_on
    else:
        since = plan_start(goal.plan)
        if goal.baseline_date and goal.baseline_date > since:
            since = goal.baseline_date
    return cycle_due(since, cycle, today)


def is_history(day: date, today: date) -> bool:
    """Whether `day` is so long ago that nobody is reminded of it any more."""
    return (today - day).days > FOLLOW_UP_DAYS
