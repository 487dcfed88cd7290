"""Read-side queries for action plans and timetables: what each page selects and prefetches.

Every page query here runs a fixed number of SQL queries, whatever the number of activities:
relations are fetched with `select_related`/`prefetch_related`, and the latest traffic light
is a subquery annotation. The rules they apply (the late rule, an overdue milestone) are in
`actions.rules`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import Count, F, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actions.enums import ActivityStatus
from actions.gantt import build_gantt
from actions.models import Activity, Milestone, Partner, StatusUpdate
from actions.rules import CLOSED_STATUSES, is_late, is_milestone_overdue
from core.history import HistoryEntry, changed_fields
from core.ids import parse_id
from core.models import User
from core.templatetags.kurs import short_date
from strategy.enums import PlanKind
from strategy.models import Goal, Plan, Theme

TIMETABLE_KINDS = [PlanKind.ACTION_PLAN, PlanKind.TIMETABLE]
GROUPINGS = {"theme": gettext_lazy("Tema"), "track": gettext_lazy("Spor")}


# Ordering


def in_period_order(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Activities by when they happen: start, then end, then the plan's order; undated last."""
    return activities.order_by(
        F("starts_on").asc(nulls_last=True),
        F("ends_on").asc(nulls_last=True),
        "order",
        "pk",
    )


def period_sort_key(activity: Activity):
    """The same order as `in_period_order`, for activities already in memory."""
    return (
        activity.starts_on is None,
        activity.starts_on or date.max,
        activity.ends_on is None,
        activity.ends_on or date.max,
        activity.order,
        activity.pk or 0,
    )


# Plans


@dataclass
class PlanSummary:
    plan: Plan
    activity_count: int
    late_count: int


def timetables() -> QuerySet[Plan]:
    """Action plans and timetables (not strategies), with what their pages' headers show."""
    return Plan.objects.filter(kind__in=TIMETABLE_KINDS).select_related(
        "municipality", "implements"
    )


def timetable_plans(municipality, today: date | None = None) -> list[PlanSummary]:
    """The municipality's action plans and timetables with counts of activities and late ones.

    Three queries: plans, their open activities, and those activities' milestones.
    """
    today = today or timezone.localdate()
    plans = list(
        timetables()
        .of_municipality(municipality)
        .annotate(activity_count=Count("activities"))
        .order_by("-period_start", "title")
    )
    open_activities = (
        Activity.objects.filter(plan__in=plans)
        .exclude(status__in=CLOSED_STATUSES)
        .only("pk", "plan_id", "status", "ends_on")
        .prefetch_related(
            Prefetch(
                "milestones",
                queryset=Milestone.objects.only("pk", "activity_id", "due_on", "done_on"),
            )
        )
    )
    late_by_plan: dict[int, int] = defaultdict(int)
    for activity in open_activities:
        if is_late(activity, today):
            late_by_plan[activity.plan_id] += 1
    return [PlanSummary(p, p.activity_count, late_by_plan[p.pk]) for p in plans]


# Filters


class Choice(NamedTuple):
    pk: int
    label: str


@dataclass(frozen=True)
class FilterOptions:
    """What the filters may offer for a plan: only what its activities actually use, as plain
    choices (kept in the page cache, where model objects would cost their unpickling on every
    request)."""

    owners: list[Choice]
    partners: list[Choice]
    goals: list[Choice]

    @property
    def ids(self) -> FilterIds:
        return FilterIds(
            *(
                frozenset(c.pk for c in choices)
                for choices in (self.owners, self.partners, self.goals)
            )
        )


class FilterIds(NamedTuple):
    """The ids each filter accepts: what a request's filters are checked against (cheaper to
    keep and read back than the choices with their labels)."""

    owners: frozenset[int]
    partners: frozenset[int]
    goals: frozenset[int]


def filter_options(plan: Plan) -> FilterOptions:
    """Owners, partners and goals used by the plan's activities, within the municipality.

    Three queries, each reading only what the filter shows (an id and a name). Owners must still
    be members of the municipality; partners and goals must belong to it, so a stray link to
    another municipality's data is never offered.
    """
    municipality = plan.municipality_id
    in_plan = Activity.objects.filter(plan=plan)
    owners = (
        User.objects.members_of(municipality)
        .filter(pk__in=in_plan.values("owner"))
        .only("first_name", "last_name", "username")
        .order_by("first_name", "last_name", "username")
    )
    partners = (
        Partner.objects.of_municipality(municipality)
        .filter(pk__in=in_plan.values("partners"))
        .only("name")
        .order_by("name")
    )
    goals = (
        Goal.objects.of_municipality(municipality)
        .filter(pk__in=in_plan.values("goals"))
        .only("title")
        .order_by("plan_id", "order", "pk")
    )
    return FilterOptions(
        [Choice(owner.pk, str(owner)) for owner in owners],
        [Choice(partner.pk, partner.name) for partner in partners],
        [Choice(goal.pk, goal.title) for goal in goals],
    )


@dataclass(frozen=True)
class ActivityFilters:
    """The timetable's filters, each checked against the options the plan offers.

    Unknown values (another municipality's partner, a made-up id, a status that does not
    exist) are ignored, as if the filter had not been set.
    """

    status: str = ""
    owner_id: int | None = None
    partner_id: int | None = None
    goal_id: int | None = None
    group: str = "theme"

    @classmethod
    def from_query(cls, query, *, known: FilterIds) -> ActivityFilters:
        def known_id(name, ids):
            chosen = parse_id(query.get(name))
            return chosen if chosen in ids else None

        status = query.get("status", "")
        group = query.get("group", "")
        return cls(
            status=status if status in ActivityStatus.values else "",
            owner_id=known_id("owner", known.owners),
            partner_id=known_id("partner", known.partners),
            goal_id=known_id("goal", known.goals),
            group=group if group in GROUPINGS else "theme",
        )

    @property
    def is_active(self) -> bool:
        return bool(self.status or self.owner_id or self.partner_id or self.goal_id)

    def as_query(self) -> str:
        """The filters as a query string, to carry them from the Gantt view to the list."""
        pairs = [
            ("status", self.status),
            ("owner", self.owner_id or ""),
            ("partner", self.partner_id or ""),
            ("goal", self.goal_id or ""),
            ("group", "" if self.group == "theme" else self.group),
        ]
        return "&".join(f"{name}={value}" for name, value in pairs if value)


# Activities for the Gantt view and the list


def with_latest_update(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """`latest_light`, `latest_reported_on` and `latest_update_id` of each activity's newest
    status update."""
    latest = StatusUpdate.objects.filter(activity=OuterRef("pk")).order_by("-reported_on", "-pk")
    return activities.annotate(
        latest_light=Subquery(latest.values("light")[:1]),
        latest_reported_on=Subquery(latest.values("reported_on")[:1]),
        latest_update_id=Subquery(latest.values("pk")[:1]),
    )


# What a row of the Gantt view or the list shows of an activity and of its owner.
ROW_FIELDS = [
    "plan",
    "title",
    "status",
    "period_text",
    "starts_on",
    "ends_on",
    "order",
    "responsible_unit",
    "owner",
    "owner__first_name",
    "owner__last_name",
    "owner__username",
]


def with_row_relations(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Activities with what a row shows and nothing more: four queries, however many rows."""
    return with_latest_update(
        activities.select_related("owner").only(*ROW_FIELDS)
    ).prefetch_related(
        Prefetch(
            "themes",
            queryset=Theme.objects.select_related("track")
            .only("title", "order", "track", "track__title", "track__order")
            .order_by("order", "pk"),
        ),
        Prefetch("partners", queryset=Partner.objects.only("name").order_by("name")),
        Prefetch(
            "milestones",
            queryset=Milestone.objects.only("activity", "title", "due_on", "done_on").order_by(
                "due_on", "pk"
            ),
        ),
    )


@dataclass
class TimetableRow:
    """An activity as the timetable shows it."""

    activity: Activity
    late: bool
    milestones: list[Milestone]
    overdue_milestones: list[Milestone] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    entry: IndexedActivity | None = None

    @property
    def latest_light(self) -> str | None:
        return getattr(self.activity, "latest_light", None)


@dataclass
class TimetableGroup:
    key: str
    label: str
    rows: list[TimetableRow]
    total: int = 0


# An activity's place among the groups of the Gantt view: (0, order, pk) of its first theme (or
# that theme's track) in the plan's order, or (1, 0, 0) for none, which sorts after them.
NO_GROUP = (1, 0, 0)


@dataclass(frozen=True, slots=True)
class MilestoneDates:
    """What the late rule reads of a milestone (`actions.rules.deadlines`)."""

    pk: int
    due_on: date
    done_on: date | None


@dataclass(frozen=True, slots=True)
class IndexedActivity:
    """What the summary, the order and the pages of a timetable need of an activity: a few
    columns, not a model object, so that a plan of thousands of activities costs little memory
    and only the rows of one page are read in full."""

    pk: int
    status: str
    starts_on: date | None
    ends_on: date | None
    late: bool
    theme_key: tuple = NO_GROUP
    track_key: tuple = NO_GROUP

    @property
    def dated(self) -> bool:
        return bool(self.starts_on and self.ends_on)

    def group_key(self, group: str) -> tuple:
        return self.track_key if group == "track" else self.theme_key


@dataclass
class TimetableIndex:
    """Every activity after the filters, in period order, and the span of their dates."""

    entries: list[IndexedActivity]
    dates: list[date]

    def in_gantt_order(self, group: str) -> list[IndexedActivity]:
        """Dated activities by group (period order within each), then the undated."""
        dated = sorted((e for e in self.entries if e.dated), key=lambda e: e.group_key(group))
        return dated + [e for e in self.entries if not e.dated]

    def group_totals(self, group: str) -> Counter:
        return Counter(e.group_key(group) for e in self.entries if e.dated)


def filtered_activities(plan: Plan, filters: ActivityFilters) -> QuerySet[Activity]:
    activities = Activity.objects.filter(plan=plan)
    if filters.status:
        activities = activities.filter(status=filters.status)
    if filters.owner_id:
        activities = activities.filter(owner_id=filters.owner_id)
    if filters.partner_id:
        activities = activities.filter(partners=filters.partner_id)
    if filters.goal_id:
        activities = activities.filter(goals=filters.goal_id)
    return activities


def timetable_index(
    plan: Plan, filters: ActivityFilters, today: date | None = None
) -> TimetableIndex:
    """The plan's activities after the filters, in period order, with the late rule applied
    and their first theme and track: three narrow queries, however many activities."""
    today = today or timezone.localdate()
    activities = filtered_activities(plan, filters)
    milestones = defaultdict(list)
    for activity_id, *dates in Milestone.objects.filter(activity__in=activities).values_list(
        "activity_id", "pk", "due_on", "done_on"
    ):
        milestones[activity_id].append(MilestoneDates(*dates))
    first_themes = {}
    links = Activity.themes.through.objects.filter(activity__in=activities).values_list(
        "activity_id", "theme__order", "theme_id", "theme__track__order", "theme__track_id"
    )
    for activity_id, theme_order, theme_id, track_order, track_id in links:
        theme_key = (0, theme_order, theme_id)
        track_key = (0, track_order, track_id) if track_id else NO_GROUP
        if activity_id not in first_themes or theme_key < first_themes[activity_id][0]:
            first_themes[activity_id] = (theme_key, track_key)
    entries = []
    dates = [m.due_on for found in milestones.values() for m in found]
    rows = in_period_order(activities).values_list("pk", "status", "starts_on", "ends_on")
    for pk, status, starts_on, ends_on in rows:
        dates += [day for day in (starts_on, ends_on) if day]
        late = is_late(
            IndexedActivity(pk, status, starts_on, ends_on, False), today, milestones[pk]
        )
        entries.append(
            IndexedActivity(
                pk, status, starts_on, ends_on, late, *first_themes.get(pk, (NO_GROUP, NO_GROUP))
            )
        )
    return TimetableIndex(entries, dates)


def timetable_rows(entries: list[IndexedActivity], today: date | None = None):
    """The activities of `entries` read in full, as rows of the Gantt view or the list, in the
    order of `entries`."""
    today = today or timezone.localdate()
    by_pk = {
        activity.pk: activity
        for activity in with_row_relations(
            Activity.objects.filter(pk__in=[entry.pk for entry in entries])
        )
    }
    rows = []
    for entry in entries:
        activity = by_pk[entry.pk]
        milestones = list(activity.milestones.all())
        rows.append(
            TimetableRow(
                activity,
                entry.late,
                milestones,
                [m for m in milestones if is_milestone_overdue(m, today)],
                list(activity.themes.all()),
                entry,
            )
        )
    return rows


def group_rows(rows: list[TimetableRow], plan: Plan, group: str = "theme", totals=None):
    """Dated rows grouped by their first theme (or that theme's track), and the undated rows.

    An activity serving several themes is drawn once, under the first in the plan's order.
    Groups follow the plan's order of themes or tracks; "Uden tema"/"Uden spor" comes after
    them. `totals` (`TimetableIndex.group_totals`) counts a group's activities on every page;
    without it a group counts its rows here. Returns (groups, undated_rows).
    """
    dated = [r for r in rows if r.activity.starts_on and r.activity.ends_on]
    undated = [r for r in rows if not (r.activity.starts_on and r.activity.ends_on)]
    buckets: dict[tuple, TimetableGroup] = {}
    for row in dated:
        theme = next(iter(row.themes), None)
        if group == "track":
            track = theme.track if theme is not None else None
            label = track.title if track else _("Uden spor")
        else:
            label = theme.title if theme else _("Uden tema")
        key = row.entry.group_key(group)
        bucket = buckets.setdefault(key, TimetableGroup(f"{group}-{key[2]}", label, []))
        bucket.rows.append(row)
    for key, bucket in buckets.items():
        bucket.total = totals[key] if totals else len(bucket.rows)
    return [buckets[key] for key in sorted(buckets)], undated


def gantt_chart(plan: Plan, index: TimetableIndex, rows: list[TimetableRow], group: str, today):
    """The Gantt chart of `rows` (some or all of `index`'s activities, read in full), grouped by
    theme or track, on an axis that spans the plan's period and all of `index`'s dates."""
    groups, undated = group_rows(rows, plan, group, index.group_totals(group))
    return build_gantt(
        groups,
        undated,
        plan_period=(date(plan.period_start, 1, 1), date(plan.period_end, 12, 31)),
        today=today,
        span_dates=index.dates,
        undated_total=sum(1 for entry in index.entries if not entry.dated),
    )


@dataclass(frozen=True)
class RowSummary:
    total: int
    late: int
    by_status: list[tuple[str, str, int]]


def summarise(entries: list[IndexedActivity]) -> RowSummary:
    counts = Counter(entry.status for entry in entries)
    return RowSummary(
        total=len(entries),
        late=sum(1 for entry in entries if entry.late),
        by_status=[(s.value, s.label, counts[s.value]) for s in ActivityStatus if counts[s.value]],
    )


# One activity


def timetable_activities() -> QuerySet[Activity]:
    """Activities of action plans and timetables, with everything the activity page shows."""
    return with_latest_update(
        Activity.objects.filter(plan__kind__in=TIMETABLE_KINDS)
        .select_related("plan__municipality", "plan__implements", "owner")
        .prefetch_related(
            Prefetch(
                "themes", queryset=Theme.objects.select_related("track").order_by("order", "pk")
            ),
            Prefetch("partners", queryset=Partner.objects.order_by("name")),
            Prefetch("goals", queryset=Goal.objects.only("title").order_by("order", "pk")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
        )
    )


def spent_share(activity: Activity):
    """How much of the budget is spent, as a share (0.5 = half), or None without a budget."""
    if not activity.budget or activity.spent is None:
        return None
    return activity.spent / activity.budget


def status_updates(activity: Activity) -> list[StatusUpdate]:
    """Newest first, with authors: one query."""
    return list(
        activity.updates.select_related("author").order_by("-reported_on", "-created_at", "-pk")
    )


ACTIVITY_HISTORY_FIELDS = [
    "title",
    "description",
    "status",
    "period_text",
    "starts_on",
    "ends_on",
    "budget",
    "spent",
    "hours",
    "owner_id",
    "responsible_unit",
    "is_central",
]
ACTIVITY_HISTORY_M2M = {"partners": "partner", "goals": "goal", "themes": "theme"}


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name.removesuffix("_id")).verbose_name).capitalize()


def activity_history(activity: Activity) -> list[HistoryEntry]:
    """Who changed the activity, its milestones and status updates, when and what.

    Newest first, in a fixed number of queries: the activity's records, one per linked list
    (partners, goals, themes), the owners named, milestone records and status update records.
    """
    history_model = Activity.history.model
    records = list(
        activity.history.select_related("history_user").order_by("history_date", "history_id")
    )
    linked: dict[str, dict[int, set[str]]] = {}
    for name, target in ACTIVITY_HISTORY_M2M.items():
        m2m_model = history_model._meta.get_field(f"historicalactivity_{name}").related_model
        rows = m2m_model.objects.filter(history__in=[r.history_id for r in records])
        by_record: dict[int, set[str]] = defaultdict(set)
        for row in rows.select_related(target):
            by_record[row.history_id].add(str(getattr(row, target)))
        linked[name] = by_record
    owner_ids = {r.owner_id for r in records if r.owner_id}
    owners = {u.pk: u for u in User.objects.filter(pk__in=owner_ids)} if owner_ids else {}
    statuses = dict(ActivityStatus.choices)

    def shown(name, value):
        if name == "owner_id":
            return owners.get(value, value)
        if name == "status":
            return statuses.get(value, value)
        return value

    entries = []
    previous = None
    for record in records:
        changes = [
            (_label(Activity, name), shown(name, old), shown(name, new))
            for name, old, new in changed_fields(previous, record, ACTIVITY_HISTORY_FIELDS)
        ]
        if previous is not None:
            for name, by_record in linked.items():
                old, new = by_record[previous.history_id], by_record[record.history_id]
                if old != new:
                    changes.append(
                        (
                            _label(Activity, name),
                            ", ".join(sorted(old)) or None,
                            ", ".join(sorted(new)) or None,
                        )
                    )
        if previous is None or changes or record.history_type != "~":
            entries.append(HistoryEntry.of(record, changes))
        previous = record

    for record in Milestone.history.filter(activity_id=activity.pk).select_related("history_user"):
        done = f" – {_('nået')} {short_date(record.done_on)}" if record.done_on else ""
        milestone = f"{record.title} ({short_date(record.due_on)}){done}"
        entries.append(HistoryEntry.of(record, [(_("Milepæl"), None, milestone)]))
    for record in StatusUpdate.history.filter(activity_id=activity.pk).select_related(
        "history_user"
    ):
        light = record.get_light_display()
        entries.append(HistoryEntry.of(record, [(_("Statusopdatering"), None, light)]))
    return sorted(entries, key=lambda e: e.when, reverse=True)
