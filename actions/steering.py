"""What changed in a plan since a date (the last committee meeting, say), for the steering page.

Computed from the history django-simple-history keeps of activities and milestones, and from the
status updates themselves:

- status changes of an activity, old → new (planned → in progress, … → done);
- new status updates: reported on or after the date, or entered on or after it (an update
  dated before the meeting but written after it is news to the committee all the same);
- slipped dates: an activity's end date or a milestone's due date moved later; a date moved
  earlier, or set where there was none, is not a slip;
- milestones reached, and activities and milestones added or deleted.

Each history record is compared with the one before it, which for the first record after the
date is the latest one before the date. The changes are grouped per activity, the current
user's own activities first, then in the plan's order; within an activity, oldest first.
Six queries, however many activities and changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actions.enums import ActivityStatus
from actions.models import Activity, Milestone, StatusUpdate


class ChangeKind:
    STATUS = "status"
    UPDATE = "update"
    SLIPPED_END = "slipped_end"
    SLIPPED_MILESTONE = "slipped_milestone"
    MILESTONE_REACHED = "milestone_reached"
    MILESTONE_ADDED = "milestone_added"
    MILESTONE_DELETED = "milestone_deleted"
    ADDED = "added"
    DELETED = "deleted"


LABELS = {
    ChangeKind.STATUS: _("Status ændret"),
    ChangeKind.UPDATE: _("Ny statusopdatering"),
    ChangeKind.SLIPPED_END: _("Slutdato rykket"),
    ChangeKind.SLIPPED_MILESTONE: _("Milepæl rykket"),
    ChangeKind.MILESTONE_REACHED: _("Milepæl nået"),
    ChangeKind.MILESTONE_ADDED: _("Ny milepæl"),
    ChangeKind.MILESTONE_DELETED: _("Milepæl slettet"),
    ChangeKind.ADDED: _("Aktivitet oprettet"),
    ChangeKind.DELETED: _("Aktivitet slettet"),
}


@dataclass
class Change:
    """One change: what, when (for ordering), by whom, and the values before and after."""

    kind: str
    when: datetime
    who: object = None
    old: object = None
    new: object = None
    subject: str = ""  # the milestone's title, where the change is about a milestone
    update: StatusUpdate | None = None

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])

    @property
    def slipped_days(self) -> int | None:
        if self.kind in {ChangeKind.SLIPPED_END, ChangeKind.SLIPPED_MILESTONE}:
            return (self.new - self.old).days
        return None


@dataclass
class ActivityChanges:
    activity_id: int
    title: str
    activity: Activity | None  # None once the activity is deleted
    is_own: bool = False
    changes: list[Change] = field(default_factory=list)

    @property
    def owner(self):
        return self.activity.owner if self.activity is not None else None

    def count(self, *kinds) -> int:
        return sum(1 for change in self.changes if change.kind in kinds)


@dataclass
class SteeringChanges:
    since: date
    groups: list[ActivityChanges]

    def count(self, *kinds) -> int:
        return sum(group.count(*kinds) for group in self.groups)

    @property
    def status_changes(self) -> int:
        return self.count(ChangeKind.STATUS)

    @property
    def new_updates(self) -> int:
        return self.count(ChangeKind.UPDATE)

    @property
    def slipped(self) -> int:
        return self.count(ChangeKind.SLIPPED_END, ChangeKind.SLIPPED_MILESTONE)

    def page(self, start: int, size: int) -> list[tuple[str | None, ActivityChanges]]:
        """The groups from `start` (`size` of them), each with the section heading that begins
        before it: "Dine aktiviteter" before the first own one, "Øvrige aktiviteter" before the
        first other one when there are own ones, wherever the page starts."""
        shown = []
        for index in range(start, min(start + size, len(self.groups))):
            group = self.groups[index]
            previous = self.groups[index - 1] if index else None
            heading = None
            if group.is_own and previous is None:
                heading = _("Dine aktiviteter")
            elif not group.is_own and previous is not None and previous.is_own:
                heading = _("Øvrige aktiviteter")
            shown.append((heading, group))
        return shown


def start_of(day: date) -> datetime:
    """Midnight at the start of `day`, local time."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _records_with_baseline(history, scope: Q, since_at: datetime) -> list:
    """The history records in `scope` from `since_at` on, each object's oldest first, preceded by
    that object's latest record before `since_at` where there is one. Two queries."""
    recent = list(
        history.filter(scope, history_date__gte=since_at)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    ids = {record.id for record in recent}
    if not ids:
        return []
    latest_before = (
        history.filter(id=OuterRef("id"), history_date__lt=since_at)
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    baselines = (
        history.filter(id__in=ids, history_date__lt=since_at)
        .annotate(latest_before=Subquery(latest_before))
        .filter(history_id=F("latest_before"))
    )
    for baseline in baselines:
        baseline.is_baseline = True
        recent.append(baseline)
    return sorted(recent, key=lambda r: (r.id, r.history_date, r.history_id))


def _pairs(records):
    """(previous, record) for every record after the date; previous is None for an object's
    first record."""
    previous = None
    for record in records:
        if previous is not None and previous.id != record.id:
            previous = None
        if not getattr(record, "is_baseline", False):
            yield previous, record
        previous = record


def _status_label(value: str) -> str:
    return ActivityStatus(value).label if value in ActivityStatus.values else value


def activity_changes(plan, since_at: datetime) -> tuple[dict[int, list[Change]], dict[int, str]]:
    """Status changes, slipped end dates, and activities added or deleted, per activity id;
    and the titles the records give (the only title a deleted activity still has)."""
    found: dict[int, list[Change]] = {}
    records = _records_with_baseline(Activity.history, Q(plan_id=plan.pk), since_at)
    titles: dict[int, str] = {}
    for previous, record in _pairs(records):
        titles[record.id] = record.title
        changes = found.setdefault(record.id, [])
        who = record.history_user
        if record.history_type == "+":
            changes.append(Change(ChangeKind.ADDED, record.history_date, who))
            continue
        if record.history_type == "-":
            changes.append(Change(ChangeKind.DELETED, record.history_date, who))
            continue
        if previous is None:
            continue
        if previous.status != record.status:
            changes.append(
                Change(
                    ChangeKind.STATUS,
                    record.history_date,
                    who,
                    _status_label(previous.status),
                    _status_label(record.status),
                )
            )
        if previous.ends_on and record.ends_on and record.ends_on > previous.ends_on:
            changes.append(
                Change(
                    ChangeKind.SLIPPED_END,
                    record.history_date,
                    who,
                    previous.ends_on,
                    record.ends_on,
                )
            )
    return {key: value for key, value in found.items() if value}, titles


def milestone_changes(plan, since_at: datetime) -> dict[int, list[Change]]:
    """Milestones added, reached, moved later or deleted, per activity id."""
    found: dict[int, list[Change]] = {}
    in_plan = Q(activity_id__in=Activity.objects.filter(plan=plan).values("pk"))
    records = _records_with_baseline(Milestone.history, in_plan, since_at)
    for previous, record in _pairs(records):
        changes = found.setdefault(record.activity_id, [])
        who, when, title = record.history_user, record.history_date, record.title
        if record.history_type == "+":
            changes.append(
                Change(ChangeKind.MILESTONE_ADDED, when, who, None, record.due_on, title)
            )
            if record.done_on:
                changes.append(
                    Change(ChangeKind.MILESTONE_REACHED, when, who, None, record.done_on, title)
                )
            continue
        if record.history_type == "-":
            changes.append(
                Change(ChangeKind.MILESTONE_DELETED, when, who, record.due_on, None, title)
            )
            continue
        if previous is None:
            continue
        if record.due_on > previous.due_on:
            changes.append(
                Change(
                    ChangeKind.SLIPPED_MILESTONE, when, who, previous.due_on, record.due_on, title
                )
            )
        if record.done_on and not previous.done_on:
            changes.append(
                Change(ChangeKind.MILESTONE_REACHED, when, who, None, record.done_on, title)
            )
    return {key: value for key, value in found.items() if value}


def new_updates(plan, since: date, since_at: datetime) -> dict[int, list[Change]]:
    """Status updates reported or entered on or after the date, per activity id."""
    found: dict[int, list[Change]] = {}
    updates = (
        StatusUpdate.objects.filter(activity__plan=plan)
        .filter(Q(reported_on__gte=since) | Q(created_at__gte=since_at))
        .select_related("author")
        .order_by("created_at", "pk")
    )
    for update in updates:
        found.setdefault(update.activity_id, []).append(
            Change(ChangeKind.UPDATE, update.created_at, update.author, update=update)
        )
    return found


def changes_since(plan, since: date, user=None) -> SteeringChanges:
    """Everything that changed in `plan` from the start of `since` until now, grouped per
    activity, `user`'s own activities first (see the module doc)."""
    since_at = start_of(since)
    merged: dict[int, list[Change]] = {}
    history, titles = activity_changes(plan, since_at)
    for source in (history, milestone_changes(plan, since_at), new_updates(plan, since, since_at)):
        for activity_id, changes in source.items():
            merged.setdefault(activity_id, []).extend(changes)
    activities = Activity.objects.filter(plan=plan, pk__in=merged).select_related("owner")
    current = {activity.pk: activity for activity in activities}
    user_id = user.pk if user is not None and user.is_authenticated else None
    groups = []
    for activity_id, changes in merged.items():
        activity = current.get(activity_id)
        changes.sort(key=lambda change: change.when)
        groups.append(
            ActivityChanges(
                activity_id,
                activity.title if activity else titles.get(activity_id, ""),
                activity,
                is_own=activity is not None
                and user_id is not None
                and activity.owner_id == user_id,
                changes=changes,
            )
        )
    groups.sort(
        key=lambda g: (
            not g.is_own,
            g.activity is None,
            g.activity.order if g.activity else 0,
            g.activity_id,
        )
    )
    return SteeringChanges(since, groups)
