"""Which reminders are due on a day, and which owners are behind: the database reads.

The rules they apply (late, due soon, update and measurement due, who is reminded, for how long)
are stated and decided in `actions.rules`; this module selects the activities and goals, in a
fixed number of queries, and applies those rules to them. Reminders already sent are included:
claiming them is the command's job (`ReminderLog`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Max, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from actions import rules
from actions.models import Activity, Milestone, PlanSteering, ReminderLog, StatusUpdate
from strategy.enums import DataSource, PlanStatus
from strategy.models import Goal

Kind = ReminderLog.Kind

# Overdue first: it is what most needs doing.
KINDS_IN_ORDER = [Kind.OVERDUE, Kind.UPDATE_DUE, Kind.MEASUREMENT_DUE, Kind.DUE_SOON]
KIND_ORDER = {kind: index for index, kind in enumerate(KINDS_IN_ORDER)}


@dataclass(frozen=True)
class Reminder:
    """One reminder for one person about one thing, ready to be claimed and sent.

    `due_on` is the date the report fell due or the deadline; `last_on` the latest status update
    or measurement, `cycle` the reporting cycle (for a report due) and `milestone` the milestone's
    title (for a milestone's deadline): what the e-mail says about it."""

    kind: str
    recipient: object
    municipality_id: int
    object_key: str
    period_key: str
    title: str
    context: str
    path: str
    due_on: date
    last_on: date | None = None
    cycle: str = ""
    milestone: str = ""

    @property
    def key(self) -> tuple:
        return (self.kind, self.object_key, self.period_key, self.recipient.pk)

    @property
    def cycle_label(self) -> str:
        return rules.cycle_label(self.cycle)


def open_activities(activities):
    """Open activities with their plan, steering, owner, latest update date and unreached
    milestones: three queries, however many activities."""
    return (
        activities.exclude(status__in=rules.CLOSED_STATUSES)
        .select_related("plan", "plan__municipality", "plan__steering", "owner")
        # A subquery per activity, not an aggregate over a join, so that the database reads only
        # each activity's newest update (index status_update_latest) and not every update.
        .annotate(
            last_reported_on=Subquery(
                StatusUpdate.objects.filter(activity=OuterRef("pk"))
                .order_by("-reported_on")
                .values("reported_on")[:1]
            )
        )
        .prefetch_related(
            Prefetch(
                "milestones",
                queryset=Milestone.objects.filter(done_on__isnull=True).order_by("due_on", "pk"),
                to_attr="open_milestones",
            )
        )
        .order_by("plan_id", "order", "pk")
    )


def goal_cycles(plan_ids) -> dict[int, str]:
    """For each plan id, the shortest reporting cycle among its own steering and the steering of
    the action plans that implement it. One query; plans without any are left out."""
    plan_ids = set(plan_ids)
    found: dict[int, list[str]] = defaultdict(list)
    steerings = PlanSteering.objects.filter(
        Q(plan_id__in=plan_ids) | Q(plan__implements_id__in=plan_ids)
    ).values_list("plan_id", "plan__implements_id", "reporting_cycle")
    for plan_id, implements_id, cycle in steerings:
        for target in {plan_id, implements_id} & plan_ids:
            found[target].append(cycle)
    return {plan_id: rules.shortest_cycle(cycles) for plan_id, cycles in found.items()}


def _with_reachable_owner(rows):
    """Rows whose owner is an active user and still a member of the plan's municipality."""
    return rows.filter(
        owner__is_active=True, owner__memberships__municipality_id=F("plan__municipality_id")
    )


def activity_reminders(activities, today: date) -> list[Reminder]:
    reminders = []
    for activity in open_activities(_with_reachable_owner(activities)):
        common = {
            "recipient": activity.owner,
            "municipality_id": activity.plan.municipality_id,
            "title": activity.title,
            "context": activity.plan.title,
            "path": reverse(
                "actions:activity",
                kwargs={"code": activity.plan.municipality.code, "activity_id": activity.pk},
            ),
        }
        due = rules.update_due(activity, activity.last_reported_on, today)
        if due is not None and not rules.is_history(rules.activity_end(activity), today):
            reminders.append(
                Reminder(
                    kind=Kind.UPDATE_DUE,
                    object_key=f"activity:{activity.pk}",
                    period_key=due.latest.isoformat(),
                    due_on=due.first,
                    last_on=activity.last_reported_on,
                    cycle=rules.activity_cycle(activity),
                    **common,
                )
            )
        for deadline in rules.deadlines(activity, activity.open_milestones, today):
            if rules.is_history(deadline.due_on, today):
                continue
            reminders.append(
                Reminder(
                    kind=deadline.kind,
                    object_key=deadline.object_key,
                    period_key=deadline.due_on.isoformat(),
                    due_on=deadline.due_on,
                    milestone=deadline.milestone.title if deadline.milestone else "",
                    **common,
                )
            )
    return reminders


def measurements_due(goals, today: date):
    """(goal, cycle, due) for each of `goals` (a queryset) with a measurement due on `today`
    (`actions.rules.measurement_due`), the goal with its plan, municipality and owner. Two
    queries, however many goals."""
    goals = list(
        goals.exclude(data_source=DataSource.PLATFORM)
        .select_related("plan", "plan__municipality", "owner")
        .annotate(latest_measured_on=Max("measurements__measured_on"))
        .order_by("plan_id", "order", "pk")
    )
    cycles = goal_cycles({goal.plan_id for goal in goals})
    for goal in goals:
        cycle = cycles.get(goal.plan_id, rules.DEFAULT_CYCLE)
        due = rules.measurement_due(goal, goal.latest_measured_on, cycle, today)
        if due is not None:
            yield goal, cycle, due


def goal_reminders(goals, today: date) -> list[Reminder]:
    reminders = []
    for goal, cycle, due in measurements_due(_with_reachable_owner(goals), today):
        if rules.is_history(goal.effective_deadline, today):
            continue
        reminders.append(
            Reminder(
                kind=Kind.MEASUREMENT_DUE,
                recipient=goal.owner,
                municipality_id=goal.plan.municipality_id,
                object_key=f"goal:{goal.pk}",
                period_key=due.latest.isoformat(),
                title=goal.title,
                context=goal.plan.title,
                path=reverse(
                    "strategy:goal",
                    kwargs={"code": goal.plan.municipality.code, "goal_id": goal.pk},
                ),
                due_on=due.first,
                last_on=goal.latest_measured_on,
                cycle=cycle,
            )
        )
    return reminders


def due_reminders(today: date | None = None, municipality=None) -> list[Reminder]:
    """Every reminder due on `today` in adopted plans (of one municipality, or of all), sorted by
    recipient, kind and date."""
    today = today or timezone.localdate()
    activities = Activity.objects.filter(plan__status=PlanStatus.ADOPTED)
    goals = Goal.objects.filter(plan__status=PlanStatus.ADOPTED)
    if municipality is not None:
        activities = activities.of_municipality(municipality)
        goals = goals.of_municipality(municipality)
    reminders = activity_reminders(activities, today) + goal_reminders(goals, today)
    return sorted(
        reminders,
        key=lambda r: (r.recipient.pk, KIND_ORDER[r.kind], r.due_on, r.object_key),
    )


def already_sent(reminders: list[Reminder]) -> set[tuple]:
    """The keys of those `reminders` that a `ReminderLog` row already claims (one query)."""
    if not reminders:
        return set()
    logged = ReminderLog.objects.filter(
        recipient_id__in={r.recipient.pk for r in reminders},
        object_key__in={r.object_key for r in reminders},
    ).values_list("kind", "object_key", "period_key", "recipient_id")
    return set(logged)


def by_recipient(reminders: list[Reminder]) -> dict:
    grouped = defaultdict(list)
    for reminder in reminders:
        grouped[reminder.recipient].append(reminder)
    return dict(grouped)


# Owners behind, for the steering page and the dashboard


@dataclass
class OwnerBehind:
    """An owner of open activities or of goals, and how far behind they are.

    `owner` is None for the activities and goals nobody owns: those are behind by definition of
    the rule.
    """

    owner: object
    open_activities: int = 0
    updates_missing: int = 0
    measurements_missing: int = 0
    oldest_missing: date | None = None
    overdue: int = 0
    activities: list = field(default_factory=list)
    goals: list = field(default_factory=list)

    @property
    def is_behind(self) -> bool:
        return bool(self.updates_missing or self.measurements_missing or self.overdue)

    def missing_since(self, first: date) -> None:
        if self.oldest_missing is None or first < self.oldest_missing:
            self.oldest_missing = first


def owners_behind(activities, today: date | None = None, goals=None) -> list[OwnerBehind]:
    """Per owner of the open ones among `activities` (a queryset: one plan's, or a whole
    municipality's) and of `goals` (a queryset, optional): how many activities lack a due
    update, how many goals a due measurement (`actions.rules`), since when the oldest, and how
    many activities are late. Owners who are behind come first, most missing reports first;
    five queries."""
    today = today or timezone.localdate()
    rows: dict[int | None, OwnerBehind] = {}
    for activity in open_activities(activities):
        row = rows.setdefault(activity.owner_id, OwnerBehind(activity.owner))
        row.open_activities += 1
        due = rules.update_due(activity, activity.last_reported_on, today)
        late = rules.is_late(activity, today, activity.open_milestones)
        if due is not None:
            row.updates_missing += 1
            row.missing_since(due.first)
        if late:
            row.overdue += 1
        if due is not None or late:
            row.activities.append(activity)
    for goal, _cycle, due in measurements_due(goals, today) if goals is not None else ():
        row = rows.setdefault(goal.owner_id, OwnerBehind(goal.owner))
        row.measurements_missing += 1
        row.missing_since(due.first)
        row.goals.append(goal)
    return sorted(
        rows.values(),
        key=lambda r: (
            not r.is_behind,
            -(r.updates_missing + r.measurements_missing),
            r.oldest_missing or date.max,
            -r.overdue,
            r.owner is None,
            str(r.owner or ""),
        ),
    )
