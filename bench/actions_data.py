"""A municipality's action plan as the generator builds it: partners, the committee and the
plan's steering, service promises, and the activities with their themes, goals, partners,
milestones and status updates. Unsaved model instances; `bench.generate` writes them.

Activities are spread over the plan's period with periods as documents write them ("2.
kvartal 2019", "foråret 2022", "2021-2023"; a few undated), read by the app's own
`actions.periods.parse_period`. Status follows the dates as of `DATA_END`: finished periods are
mostly done (some dropped, postponed or late), running ones in progress, future ones planned.
Status updates come every quarter up to the activity's end (or `DATA_END`), a traffic light
matching the status. A few activities changed status or slipped their end date in the last
months, and milestones were reached: the steering page's "what changed since" reads these from
the history, so each activity and milestone gets its "created" history record, and those
recent changes a "changed" record.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from actions.enums import ActivityStatus, ReportingCycle, TrafficLight
from actions.models import (
    Activity,
    Committee,
    CommitteeMember,
    Milestone,
    Partner,
    PlanSteering,
    ServicePromise,
    StatusUpdate,
)
from actions.periods import parse_period
from bench import texts
from bench.dates import DATA_END, between, moment
from strategy.models import Goal, Plan, Theme

QUARTERS = ("1. kvartal", "2. kvartal", "3. kvartal", "4. kvartal")
SEASONS = ("foråret", "sommeren", "efteråret")
MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
MILESTONE_TITLES = (
    "Kick-off med partnerne",
    "Ansøgning indsendt",
    "Aftale indgået",
    "Delrapport",
    "Pilotforsøg afsluttet",
    "Slutevaluering",
)
RECENT_DAYS = 100


@dataclass
class ActionPlanRows:
    """What an action plan adds to the municipality, besides its activities."""

    partners: list[Partner] = field(default_factory=list)
    committee: Committee | None = None
    committee_members: list[CommitteeMember] = field(default_factory=list)
    steering: PlanSteering | None = None
    promises: list[ServicePromise] = field(default_factory=list)


@dataclass
class ActivityRows:
    activities: list[Activity] = field(default_factory=list)
    themes: list[tuple[Activity, Theme]] = field(default_factory=list)
    goals: list[tuple[Activity, Goal]] = field(default_factory=list)
    partners: list[tuple[Activity, Partner]] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    updates: list[StatusUpdate] = field(default_factory=list)
    # Recent changes, as (object, {field: value when created}, when changed): the object gets a
    # "created" history record with the old values and a "changed" one with the current values.
    activity_changes: list = field(default_factory=list)
    milestone_changes: list = field(default_factory=list)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}"


def plan_rows(municipality, region: str, plan: Plan, themes: list[Theme], rng) -> ActionPlanRows:
    rows = ActionPlanRows()
    names = set()
    for template in rng.sample(texts.PARTNERS, rng.randint(8, len(texts.PARTNERS))):
        name = template.format(name=municipality.name, region=region)
        if name not in names:
            names.add(name)
            rows.partners.append(Partner(municipality=municipality, name=name))
    rows.committee = Committee(
        municipality=municipality,
        name=rng.choice(("Erhvervs- og Beskæftigelsesudvalget", "Økonomiudvalget")),
    )
    for order in range(1, rng.randint(5, 9) + 1):
        rows.committee_members.append(
            CommitteeMember(
                committee=rows.committee,
                name=person_name(rng),
                party=rng.choice(texts.PARTIES),
                role=texts.COMMITTEE_ROLES[order - 1],
                order=order,
            )
        )
    rows.steering = PlanSteering(
        plan=plan,
        committee=rows.committee,
        administration="Erhverv og Beskæftigelse",
        reporting_cycle=rng.choices(
            (ReportingCycle.QUARTERLY, ReportingCycle.MONTHLY, ReportingCycle.HALF_YEARLY),
            weights=(70, 15, 15),
        )[0],
        resource_pool=Decimal(rng.randint(2, 50) * 100_000),
        resource_note="Puljen fordeles af udvalget ved årets start.",
        evaluation_period=f"foråret {plan.period_end}",
        evaluation_due=date(plan.period_end, 5, 31),
        evaluation_note="Ressourcer holdes op mod resultater ved planens afslutning.",
    )
    for theme in rng.sample(themes, min(2, len(themes))):
        rows.promises.append(
            ServicePromise(
                plan=plan,
                theme=theme,
                text=f"Virksomheder, der henvender sig om {theme.title.lower()}, får svar inden "
                "for 72 timer.",
                response_time="72 timer",
            )
        )
    return rows


def _period(rng, first_year: int, last_year: int) -> str:
    """A period as a document writes it, within the years given."""
    year = rng.randint(first_year, last_year)
    form = rng.choices(
        ("quarter", "half", "season", "month", "year", "years"), weights=(30, 15, 10, 5, 20, 20)
    )[0]
    if form == "quarter":
        return f"{rng.choice(QUARTERS)} {year}"
    if form == "half":
        return f"{rng.choice(('1.', '2.'))} halvår {year}"
    if form == "season":
        return f"{rng.choice(SEASONS)} {year}"
    if form == "month":
        return f"{rng.choice(MONTHS)} {year}"
    if form == "year" or year == last_year:
        return str(year)
    return f"{year}-{min(year + rng.randint(1, 2), last_year)}"


def _status(rng, starts_on: date | None, ends_on: date | None) -> str:
    if starts_on is None:
        return rng.choice((ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS))
    if ends_on < DATA_END:
        return rng.choices(
            (
                ActivityStatus.DONE,
                ActivityStatus.IN_PROGRESS,
                ActivityStatus.POSTPONED,
                ActivityStatus.DROPPED,
            ),
            weights=(80, 10, 5, 5),
        )[0]
    if starts_on <= DATA_END:
        return rng.choices(
            (ActivityStatus.IN_PROGRESS, ActivityStatus.PLANNED, ActivityStatus.POSTPONED),
            weights=(85, 10, 5),
        )[0]
    return rng.choices((ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS), weights=(95, 5))[0]


def _late(status: str, ends_on: date | None) -> bool:
    return status == ActivityStatus.IN_PROGRESS and ends_on is not None and ends_on < DATA_END


def _light(rng, status: str, ends_on: date | None) -> str:
    if status == ActivityStatus.DONE:
        weights = (90, 8, 2)
    elif status in {ActivityStatus.POSTPONED, ActivityStatus.DROPPED} or _late(status, ends_on):
        weights = (10, 40, 50)
    else:
        weights = (60, 28, 12)
    return rng.choices((TrafficLight.GREEN, TrafficLight.YELLOW, TrafficLight.RED), weights)[0]


def _money(rng, status: str) -> dict:
    values = {"budget": None, "spent": None, "hours": None}
    if rng.random() < 0.6:
        budget = Decimal(round(rng.lognormvariate(11.5, 1.0) / 1_000) * 1_000 + 5_000)
        values["budget"] = budget
        if status == ActivityStatus.DONE:
            values["spent"] = (budget * Decimal(str(rng.uniform(0.7, 1.15)))).quantize(
                Decimal("0.01")
            )
        elif status == ActivityStatus.IN_PROGRESS:
            values["spent"] = (budget * Decimal(str(rng.uniform(0.05, 0.9)))).quantize(
                Decimal("0.01")
            )
    if rng.random() < 0.5:
        values["hours"] = Decimal(str(round(rng.uniform(10, 2_000), 1)))
    return values


def activities(
    plan: Plan,
    count: int,
    updates: list[int],
    *,
    themes: list[Theme],
    goals: list[Goal],
    partners: list[Partner],
    staff: list,
    region: str,
    rng: random.Random,
) -> ActivityRows:
    """`count` activities of `plan`; activity number i gets `updates[i]` status updates."""
    rows = ActivityRows()
    first_year, last_year = plan.period_start, plan.period_end - 1
    for number in range(count):
        theme = rng.choice(themes) if themes else None
        partner = rng.choice(partners) if partners else None
        title = rng.choice(texts.ACTIVITY_FORMS).format(
            sector=rng.choice(texts.SECTORS),
            theme=theme.title if theme else "erhvervsudvikling",
            theme_lower=(theme.title if theme else "erhvervsudvikling").lower(),
            partner=partner.name if partner else "lokale virksomheder",
            fund=rng.choice(texts.FUNDS).format(region=region),
        )
        if rng.random() < 0.03:
            period_text, starts_on, ends_on = "", None, None
        else:
            period_text = _period(rng, first_year, last_year)
            period = parse_period(period_text)
            starts_on, ends_on = period.starts_on, period.ends_on
        status = _status(rng, starts_on, ends_on)
        owner = rng.choice(staff) if rng.random() < 0.95 else None
        activity = Activity(
            plan=plan,
            title=title,
            description=f"{title}. Aktiviteten bidrager til handleplanens mål."
            if rng.random() < 0.6
            else "",
            is_central=rng.random() < 0.15,
            responsible_unit=rng.choice(texts.RESPONSIBLE_UNITS),
            owner=owner,
            period_text=period_text,
            starts_on=starts_on,
            ends_on=ends_on,
            status=status,
            order=number + 1,
            **_money(rng, status),
        )
        created = between(
            plan.adopted_on, min(starts_on or DATA_END, DATA_END) - timedelta(days=1), rng
        )
        activity._history_date = moment(created, rng)
        activity._history_user = owner
        rows.activities.append(activity)
        if theme:
            rows.themes.append((activity, theme))
            if rng.random() < 0.15:
                second = rng.choice(themes)
                if second is not theme:
                    rows.themes.append((activity, second))
        for goal in rng.sample(goals, min(len(goals), rng.choice((0, 1, 1, 2)))):
            rows.goals.append((activity, goal))
        for chosen in rng.sample(partners, min(len(partners), rng.choice((0, 1, 1, 2, 3)))):
            rows.partners.append((activity, chosen))
        _milestones(rows, activity, created, rng)
        _updates(rows, activity, updates[number], rng)
        _recent_change(rows, activity, created, rng)
    return rows


def _milestones(rows: ActivityRows, activity: Activity, created: date, rng) -> None:
    if activity.starts_on is None:
        return
    for title in rng.sample(MILESTONE_TITLES, rng.choices((0, 1, 2), weights=(35, 35, 30))[0]):
        due_on = between(activity.starts_on, activity.ends_on, rng)
        done_on = None
        if due_on < DATA_END and rng.random() < 0.85:
            late = between(due_on - timedelta(days=20), due_on + timedelta(days=20), rng)
            done_on = min(late, DATA_END)
        milestone = Milestone(activity=activity, title=title, due_on=due_on, done_on=done_on)
        milestone._history_date = moment(created, rng)
        milestone._history_user = activity.owner
        rows.milestones.append(milestone)
        if done_on and done_on >= DATA_END - timedelta(days=RECENT_DAYS) and done_on > created:
            # Reached lately: created open, then marked done.
            rows.milestone_changes.append((milestone, {"done_on": None}, moment(done_on, rng)))


def _updates(rows: ActivityRows, activity: Activity, count: int, rng) -> None:
    """`count` quarterly updates up to the activity's end (or `DATA_END`), latest first."""
    last = min(activity.ends_on or DATA_END, DATA_END) - timedelta(days=rng.randint(0, 45))
    earliest = activity.plan.adopted_on
    for number in range(count):
        reported_on = max(last - timedelta(days=91 * number), earliest)
        light = _light(rng, activity.status, activity.ends_on)
        update = StatusUpdate(
            activity=activity,
            reported_on=reported_on,
            light=light,
            comment=rng.choice(texts.UPDATE_COMMENTS[light]),
            is_internal=rng.random() < 0.85,
            author=activity.owner,
            created_at=moment(reported_on + timedelta(days=rng.randint(0, 3)), rng),
        )
        rows.updates.append(update)


def _recent_change(rows: ActivityRows, activity: Activity, created: date, rng) -> None:
    """One activity in twelve changed lately: a status moved on, or the end date slipped."""
    if activity.starts_on is None or activity.starts_on > DATA_END or rng.random() >= 1 / 12:
        return
    if activity.status == ActivityStatus.IN_PROGRESS:
        before = {"status": ActivityStatus.PLANNED}
    elif activity.status == ActivityStatus.DONE:
        before = {"status": ActivityStatus.IN_PROGRESS}
    elif activity.ends_on - timedelta(days=92) > activity.starts_on:
        before = {"ends_on": activity.ends_on - timedelta(days=92)}
    else:
        return
    recent = max(DATA_END - timedelta(days=RECENT_DAYS), created + timedelta(days=1))
    when = between(recent, DATA_END, rng)
    rows.activity_changes.append((activity, before, moment(when, rng)))
