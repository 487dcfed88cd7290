"""Which reminders are due on a given day, and which owners are behind: the one place it is decided.

Plans die when owners stop reporting, so every activity and goal has an owner who is reminded.

Update due (`ReminderLog.Kind.UPDATE_DUE`)
    An activity that is neither done nor dropped needs a status update every reporting cycle of
    its plan (`PlanSteering.reporting_cycle`, quarterly when the plan has no steering). The cycle
    counts from the activity's latest status update (`reported_on`), or, without one, from the
    plan's start (1 January of its first year) or the activity's own start if that is later. An
    update is due once a whole cycle has passed: quarterly from 1 January, due on 1 April. Each
    missed cycle is a reminder of its own (period key: the date it fell due), so a silent owner
    is reminded once per cycle, never twice for the same one.

Measurement due (`MEASUREMENT_DUE`)
    A goal with an owner needs a measurement (or an assessment) every cycle from its latest
    measurement, or without one from its plan's start (or its baseline date, if later). The cycle
    is the shortest reporting cycle of the plan's own steering and of the action plans that
    implement the goal's plan, quarterly by default. Goals counted by the platform itself
    (`DataSource.PLATFORM`) are not reminded, and nor is a goal measured on or after its deadline.

Due soon (`DUE_SOON`) and overdue (`OVERDUE`)
    An open activity whose end date or an unreached milestone falls within the next
    `DUE_SOON_DAYS` days is due soon; one whose end date or an unreached milestone is before today
    is overdue (the same rule as `actions.queries.is_late`). The period key is the date itself, so
    moving the date gives a new reminder and keeping it does not.

Nobody is e-mailed about the distant past: reminders stop `FOLLOW_UP_DAYS` (a year) after an
activity's end (or its plan's end), a deadline or milestone date, or a goal's deadline. An
activity still open by then is shown as behind on the steering page instead; a plan loaded years
after it ended (Ballerup's 2007-2009) does not fill anybody's inbox.

Only adopted plans are reminded, and only owners who are active users and still members of the
plan's municipality (a former colleague's activities show up as behind on the steering page
instead). Recipients without an e-mail address are returned all the same, so the command can
report them.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import F, Max, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actions.enums import ActivityStatus, ReportingCycle
from actions.models import Activity, Milestone, PlanSteering, ReminderLog
from core.templatetags.kurs import short_date
from strategy.enums import DataSource, PlanStatus
from strategy.models import Goal

Kind = ReminderLog.Kind

DUE_SOON_DAYS = 14
CLOSED_STATUSES = {ActivityStatus.DONE, ActivityStatus.DROPPED}
CYCLE_MONTHS = {
    ReportingCycle.MONTHLY: 1,
    ReportingCycle.QUARTERLY: 3,
    ReportingCycle.HALF_YEARLY: 6,
    ReportingCycle.YEARLY: 12,
}
DEFAULT_CYCLE = ReportingCycle.QUARTERLY
FOLLOW_UP_DAYS = 365


def is_history(day: date, today: date) -> bool:
    """Whether `day` is so long ago that nobody is reminded of it any more."""
    return (today - day).days > FOLLOW_UP_DAYS


# Dates


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
    if since > today:  # a start in the future (even 31-12-9999): nothing can be due yet
        return None
    months = CYCLE_MONTHS.get(cycle, CYCLE_MONTHS[DEFAULT_CYCLE])
    first = add_months(since, months)
    if first > today:
        return None
    count = ((today.year - since.year) * 12 + today.month - since.month) // months
    while count > 1 and add_months(since, count * months) > today:
        count -= 1
    return CycleDue(first, add_months(since, count * months), count)


def plan_start(plan) -> date:
    return date(plan.period_start, 1, 1)


def cycle_label(cycle: str) -> str:
    return str(ReportingCycle(cycle).label).lower() if cycle in ReportingCycle.values else cycle


# The rules for one activity and one goal


def activity_cycle(activity: Activity) -> str:
    steering = getattr(activity.plan, "steering", None)
    return steering.reporting_cycle if steering is not None else DEFAULT_CYCLE


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


@dataclass(frozen=True)
class Deadline:
    """An end date or a milestone of an open activity that is overdue or due soon."""

    kind: str  # Kind.OVERDUE or Kind.DUE_SOON
    object_key: str
    due_on: date
    milestone: Milestone | None = None


def deadlines(activity: Activity, milestones, today: date) -> list[Deadline]:
    """The activity's end date and unreached milestones that are overdue or due within
    `DUE_SOON_DAYS` days, earliest first. Nothing for a done or dropped activity."""
    if activity.status in CLOSED_STATUSES:
        return []
    soon = today + timedelta(days=DUE_SOON_DAYS)
    found = []

    def check(object_key, due_on, milestone=None):
        if due_on < today:
            found.append(Deadline(Kind.OVERDUE, object_key, due_on, milestone))
        elif due_on <= soon:
            found.append(Deadline(Kind.DUE_SOON, object_key, due_on, milestone))

    if activity.ends_on is not None:
        check(f"activity:{activity.pk}", activity.ends_on)
    for milestone in milestones:
        if milestone.done_on is None:
            check(f"milestone:{milestone.pk}", milestone.due_on, milestone)
    return sorted(found, key=lambda d: (d.due_on, d.object_key))


def measurement_due(goal: Goal, latest_measured_on: date | None, cycle: str, today: date):
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


# Queries


def open_activities(activities):
    """Open activities with their plan, steering, owner, latest update date and unreached
    milestones: three queries, however many activities."""
    return (
        activities.exclude(status__in=CLOSED_STATUSES)
        .select_related("plan", "plan__municipality", "plan__steering", "owner")
        .annotate(last_reported_on=Max("updates__reported_on"))
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
    cycles: dict[int, str] = {}
    steerings = PlanSteering.objects.filter(
        Q(plan_id__in=plan_ids) | Q(plan__implements_id__in=plan_ids)
    ).values_list("plan_id", "plan__implements_id", "reporting_cycle")
    for plan_id, implements_id, cycle in steerings:
        for target in (plan_id, implements_id):
            if target in plan_ids:
                current = cycles.get(target)
                if current is None or CYCLE_MONTHS[cycle] < CYCLE_MONTHS[current]:
                    cycles[target] = cycle
    return cycles


@dataclass(frozen=True)
class Reminder:
    """One reminder for one person about one thing, ready to be claimed and sent."""

    kind: str
    recipient: object
    municipality_id: int
    object_key: str
    period_key: str
    title: str
    context: str
    text: str
    path: str
    due_on: date

    @property
    def key(self) -> tuple:
        return (self.kind, self.object_key, self.period_key, self.recipient.pk)


def _activity_path(activity: Activity) -> str:
    return reverse(
        "actions:activity",
        kwargs={"code": activity.plan.municipality.code, "activity_id": activity.pk},
    )


def _goal_path(goal: Goal) -> str:
    return reverse(
        "strategy:goal", kwargs={"code": goal.plan.municipality.code, "goal_id": goal.pk}
    )


def _update_text(activity: Activity, due: CycleDue) -> str:
    if activity.last_reported_on:
        last = _("Seneste statusopdatering er fra %(date)s.") % {
            "date": short_date(activity.last_reported_on)
        }
    else:
        last = _("Aktiviteten har ingen statusopdatering endnu.")
    return "{} {}".format(
        last,
        _("Planen følges op %(cycle)s, så en ny har været forfalden siden %(date)s.")
        % {"cycle": cycle_label(activity_cycle(activity)), "date": short_date(due.first)},
    )


def _deadline_text(deadline: Deadline) -> str:
    values = {"date": short_date(deadline.due_on)}
    if deadline.milestone is not None:
        values["milestone"] = deadline.milestone.title
        if deadline.kind == Kind.OVERDUE:
            return _("Milepælen “%(milestone)s” skulle være nået %(date)s.") % values
        return _("Milepælen “%(milestone)s” skal være nået %(date)s.") % values
    if deadline.kind == Kind.OVERDUE:
        return _("Aktiviteten skulle være afsluttet %(date)s.") % values
    return _("Aktiviteten skal være afsluttet %(date)s.") % values


def activity_reminders(activities, today: date) -> list[Reminder]:
    reminders = []
    recipients = activities.filter(
        owner__is_active=True, owner__memberships__municipality_id=F("plan__municipality_id")
    )
    for activity in open_activities(recipients):
        common = {
            "recipient": activity.owner,
            "municipality_id": activity.plan.municipality_id,
            "title": activity.title,
            "context": activity.plan.title,
            "path": _activity_path(activity),
        }
        ends = activity.ends_on or date(activity.plan.period_end, 12, 31)
        due = update_due(activity, activity.last_reported_on, today)
        if due is not None and not is_history(ends, today):
            reminders.append(
                Reminder(
                    kind=Kind.UPDATE_DUE,
                    object_key=f"activity:{activity.pk}",
                    period_key=due.latest.isoformat(),
                    text=_update_text(activity, due),
                    due_on=due.first,
                    **common,
                )
            )
        for deadline in deadlines(activity, activity.open_milestones, today):
            if is_history(deadline.due_on, today):
                continue
            reminders.append(
                Reminder(
                    kind=deadline.kind,
                    object_key=deadline.object_key,
                    period_key=deadline.due_on.isoformat(),
                    text=_deadline_text(deadline),
                    due_on=deadline.due_on,
                    **common,
                )
            )
    return reminders


def goal_reminders(goals, today: date) -> list[Reminder]:
    goals = list(
        goals.filter(
            owner__is_active=True, owner__memberships__municipality_id=F("plan__municipality_id")
        )
        .exclude(data_source=DataSource.PLATFORM)
        .select_related("plan", "plan__municipality", "owner")
        .annotate(latest_measured_on=Max("measurements__measured_on"))
        .order_by("plan_id", "order", "pk")
    )
    cycles = goal_cycles({goal.plan_id for goal in goals})
    reminders = []
    for goal in goals:
        cycle = cycles.get(goal.plan_id, DEFAULT_CYCLE)
        due = measurement_due(goal, goal.latest_measured_on, cycle, today)
        if due is None or is_history(goal.effective_deadline, today):
            continue
        if goal.latest_measured_on:
            last = _("Seneste måling er fra %(date)s.") % {
                "date": short_date(goal.latest_measured_on)
            }
        else:
            last = _("Målet er ikke målt endnu.")
        text = "{} {}".format(
            last,
            _("Målet følges op %(cycle)s, så en ny måling har været forfalden siden %(date)s.")
            % {"cycle": cycle_label(cycle), "date": short_date(due.first)},
        )
        reminders.append(
            Reminder(
                kind=Kind.MEASUREMENT_DUE,
                recipient=goal.owner,
                municipality_id=goal.plan.municipality_id,
                object_key=f"goal:{goal.pk}",
                period_key=due.latest.isoformat(),
                title=goal.title,
                context=goal.plan.title,
                text=text,
                path=_goal_path(goal),
                due_on=due.first,
            )
        )
    return reminders


# Overdue first: it is what most needs doing.
KINDS_IN_ORDER = [Kind.OVERDUE, Kind.UPDATE_DUE, Kind.MEASUREMENT_DUE, Kind.DUE_SOON]
KIND_ORDER = {kind: index for index, kind in enumerate(KINDS_IN_ORDER)}


def due_reminders(today: date | None = None, municipality=None) -> list[Reminder]:
    """Every reminder due on `today` in adopted plans (of one municipality, or of all), sorted by
    recipient, kind and date. Reminders already sent are included: claiming them is the
    command's job (`ReminderLog`)."""
    today = today or timezone.localdate()
    activities = Activity.objects.filter(plan__status=PlanStatus.ADOPTED)
    goals = Goal.objects.filter(plan__status=PlanStatus.ADOPTED)
    if municipality is not None:
        activities = activities.filter(plan__municipality=municipality)
        goals = goals.filter(plan__municipality=municipality)
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


# Owners behind, for the steering page


@dataclass
class OwnerBehind:
    """An owner of a plan's open activities and how far behind they are.

    `owner` is None for the activities nobody owns: those are behind by definition of the rule.
    """

    owner: object
    open_activities: int = 0
    updates_missing: int = 0
    oldest_missing: date | None = None
    overdue: int = 0
    activities: list = field(default_factory=list)

    @property
    def is_behind(self) -> bool:
        return bool(self.updates_missing or self.overdue)


def owners_behind(activities, today: date | None = None) -> list[OwnerBehind]:
    """Per owner of the open ones among `activities` (a queryset: one plan's, or a whole
    municipality's): how many lack a due update, since when, and how many are overdue. Owners
    who are behind come first, most missing updates first; three queries."""
    today = today or timezone.localdate()
    rows: dict[int | None, OwnerBehind] = {}
    for activity in open_activities(activities):
        row = rows.setdefault(activity.owner_id, OwnerBehind(activity.owner))
        row.open_activities += 1
        due = update_due(activity, activity.last_reported_on, today)
        late = any(
            d.kind == Kind.OVERDUE for d in deadlines(activity, activity.open_milestones, today)
        )
        if due is not None:
            row.updates_missing += 1
            if row.oldest_missing is None or due.first < row.oldest_missing:
                row.oldest_missing = due.first
        if late:
            row.overdue += 1
        if due is not None or late:
            row.activities.append(activity)
    return sorted(
        rows.values(),
        key=lambda r: (
            not r.is_behind,
            -r.updates_missing,
            r.oldest_missing or date.max,
            -r.overdue,
            r.owner is None,
            str(r.owner or ""),
        ),
    )


# The e-mail


KIND_HEADINGS = {
    Kind.UPDATE_DUE: gettext_lazy("Statusopdateringer, der mangler"),
    Kind.MEASUREMENT_DUE: gettext_lazy("Målinger, der mangler"),
    Kind.OVERDUE: gettext_lazy("Frister, der er overskredet"),
    Kind.DUE_SOON: gettext_lazy("Frister inden for de næste %(days)s dage"),
}


def email_for(recipient, reminders: list[Reminder], today: date, site_url: str) -> tuple[str, str]:
    """The subject and plain-text body of one person's e-mail: every reminder, grouped by kind,
    each with a link to the page where the update or measurement is entered."""
    count = len(reminders)
    if count == 1:
        subject = _("Kurs: 1 påmindelse om dine aktiviteter og mål")
    else:
        subject = _("Kurs: %(count)s påmindelser om dine aktiviteter og mål") % {"count": count}
    name = recipient.first_name or recipient.get_full_name() or recipient.username
    lines = [
        _("Kære %(name)s") % {"name": name},
        "",
        _("Her er dine påmindelser fra Kurs pr. %(date)s.") % {"date": short_date(today)},
    ]
    base = site_url.rstrip("/")
    for kind in KINDS_IN_ORDER:
        items = [r for r in reminders if r.kind == kind]
        if not items:
            continue
        heading = str(KIND_HEADINGS[kind]) % {"days": DUE_SOON_DAYS}
        lines += ["", heading, "-" * len(heading)]
        for item in items:
            lines += [
                f"* {item.title} ({item.context})",
                f"  {item.text}",
                f"  {base}{item.path}",
            ]
    lines += [
        "",
        _(
            "Du får denne mail, fordi du er ansvarlig. Hver påmindelse sendes kun én gang; "
            "kommer der ikke en opdatering, minder Kurs dig om det igen ved næste frist."
        ),
        "",
        _("Venlig hilsen"),
        "Kurs",
    ]
    return subject, "\n".join(lines) + "\n"
