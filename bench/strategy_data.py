"""A municipality's plans as the generator builds them: plans, tracks, themes, goals, and each
goal's monthly measurements. Unsaved model instances, linked by object; `bench.generate` writes
them in bulk.

Every municipality has an adopted business strategy (2013 or 2014 to 2028 or 2030) and an action
plan that implements it; Albertslund also has a business policy. A strategy is shaped like
Albertslund's real one: strategic and cross-cutting tracks with themes, an overall jobs goal
whose track goals add up to it, parents with children (some with grandchildren), yearly targets,
qualitative goals and milestones. Measurements are monthly, within the plan's period and up to
`DATA_END`: a quantified goal's values follow a line from its baseline towards its target at a
pace of its own (ahead, on track, behind), a qualitative goal gets a person's assessment each
month, a milestone a quarterly "not done yet" (0) and a final "done" (1) when it is reached.
All figures are invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from bench import texts
from bench.dates import DATA_END, LAST_MONTH, between, moment, month_end, month_number
from core.models import Municipality, User
from strategy.enums import (
    Assessment,
    Comparator,
    DataSource,
    Direction,
    GoalKind,
    PlanKind,
    PlanStatus,
    Recurrence,
    TrackKind,
)
from strategy.models import Commitment, Goal, KeyFigure, Measurement, Plan, Theme, Track

ALBERTSLUND_JOBS = (1000, 100, 400, 100, 100, 100, 200)
MILESTONE_REPORTS = 8
ADOPTERS = ("Kommunalbestyrelsen", "Byrådet", "Økonomiudvalget")


@dataclass
class Series:
    """Which months a goal can have measurements in, and how many it gets.

    Quantified and qualitative goals are measured monthly; `count` (at most `last - first + 1`)
    is set for all goals at once so that the national total comes out exactly
    (`bench.sizes.fill`); the series ends at `last`. A milestone's reports are fixed (`fixed`).
    """

    first: int
    last: int
    performance: float
    fixed: int | None = None
    count: int = 0

    @property
    def capacity(self) -> int:
        return self.fixed if self.fixed is not None else self.last - self.first + 1


@dataclass
class People:
    administrator: User
    staff: list[User]
    readers: list[User]


@dataclass
class MunicipalityPlans:
    municipality: Municipality
    region: str
    people: People
    plans: list[Plan] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    key_figures: list[KeyFigure] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    action_plan: Plan | None = None
    action_themes: list[Theme] = field(default_factory=list)


def danish_number(value) -> str:
    """1.234 or 4,5 as a Danish document writes a figure."""
    return f"{value:,}".replace(",", "§").replace(".", ",").replace("§", ".")


class GoalMaker:
    """Builds the goals of one plan, numbering them in the plan's order."""

    def __init__(self, rng: random.Random, plan: Plan, people: People, *, jobs_base: int):
        self.rng = rng
        self.plan = plan
        self.people = people
        self.jobs_base = jobs_base
        self.goals: list[Goal] = []

    # What every goal has

    def _add(self, goal: Goal, *, first: int | None = None, fixed: int | None = None) -> Goal:
        rng = self.rng
        plan_first = month_number(date(self.plan.period_start, 1, 1))
        last = min(LAST_MONTH, month_number(date(self.plan.period_end, 12, 31)))
        goal.plan = self.plan
        goal.order = len(self.goals) + 1
        goal.owner = rng.choice(self.people.staff)
        goal.rollup_weight = Decimal(rng.choice((1, 1, 1, 2, 3)))
        if rng.random() < 0.1:
            goal.internal_note = "Tallet opgøres af Erhverv og Beskæftigelse hvert kvartal."
        pace = rng.choices((1.15, 1.0, 0.8, 0.45), weights=(25, 40, 22, 13))[0]
        goal.bench_series = Series(
            first=plan_first if first is None else max(first, plan_first),
            last=last,
            performance=pace * rng.uniform(0.93, 1.07),
            fixed=fixed,
        )
        self.goals.append(goal)
        return goal

    def _deadline(self, *, final_share: float = 0.6) -> date:
        start, end = self.plan.period_start, self.plan.period_end
        if self.rng.random() < final_share:
            return date(end, 12, 31)
        return date(self.rng.randint(min(start + 3, end), end), 12, 31)

    def _place(self, goal: Goal, track: Track | None, theme: Theme | None) -> Goal:
        goal.track, goal.theme = track, theme
        return goal

    # The kinds of goal

    def quantified(self, track, theme, *, indicator=None, parent=None) -> Goal:
        rng = self.rng
        indicator = indicator or rng.choice([i for i in texts.INDICATORS if not i.yearly])
        step = Decimal(1).scaleb(-indicator.decimals)
        baseline = Decimal(str(round(rng.uniform(indicator.low, indicator.high), 2))).quantize(step)
        lower = indicator.change < 0
        target = (baseline * Decimal(str(1 + indicator.change))).quantize(step)
        if indicator.unit == "%":
            target = min(target, Decimal(99))
        if indicator.unit == "plads":
            target = max(target, Decimal(1))
        deadline = self._deadline()
        baseline_date = date(self.plan.period_start - rng.choice((0, 1)), 1, 1)
        with_baseline = rng.random() < 0.85
        comparator_text = "højst" if lower else "mindst"
        unit = indicator.unit
        if unit == "plads":
            figure = f"plads {danish_number(target)}"
        else:
            figure = f"{danish_number(target)} {unit}"
        goal = Goal(
            title=f"{indicator.title}: {comparator_text} {figure} inden udgangen af "
            f"{deadline.year}",
            kind=GoalKind.QUANTIFIED,
            metric=indicator.metric,
            unit=unit,
            direction=Direction.LOWER_IS_BETTER if lower else Direction.HIGHER_IS_BETTER,
            baseline_value=baseline if with_baseline else None,
            baseline_date=baseline_date if with_baseline else None,
            baseline_source=indicator.source if with_baseline else "",
            comparator=Comparator.AT_MOST if lower else Comparator.AT_LEAST,
            target_value=target,
            deadline=deadline,
            deadline_text=f"inden udgangen af {deadline.year}",
            data_source=DataSource.STATBANK
            if indicator.source.startswith("Danmarks Statistik")
            else DataSource.MANUAL,
            parent=parent,
        )
        # The line the values follow starts at the baseline, stated or not.
        goal.bench_start = (baseline_date, baseline)
        goal.bench_decimals = indicator.decimals
        return self._add(self._place(goal, track, theme))

    def jobs(self, track, theme, *, parent, target: int, sector: str) -> Goal:
        """A track's share of the overall jobs goal, counted from 0 at the plan's start."""
        deadline = date(self.plan.period_end, 12, 31)
        start = date(self.plan.period_start, 1, 1)
        goal = Goal(
            title=f"At skabe mindst {danish_number(target)} nye arbejdspladser inden for "
            f"{sector} inden {deadline.year}",
            kind=GoalKind.QUANTIFIED,
            metric=f"Nye arbejdspladser inden for {sector}",
            unit="arbejdspladser",
            baseline_value=Decimal(0),
            baseline_date=start,
            baseline_source="Nye arbejdspladser tælles fra strategiens start (0)",
            comparator=Comparator.AT_LEAST,
            target_value=Decimal(target),
            deadline=deadline,
            deadline_text=f"inden {deadline.year}",
            parent=parent,
        )
        goal.bench_start = (start, Decimal(0))
        goal.bench_decimals = 0
        return self._add(self._place(goal, track, theme))

    def overall_jobs(self, new_jobs: int) -> Goal:
        deadline = date(self.plan.period_end, 12, 31)
        base = Decimal(self.jobs_base)
        goal = Goal(
            title=f"Vi vil skabe {danish_number(new_jobs)} nye arbejdspladser i kommunen inden "
            f"{deadline.year}.",
            kind=GoalKind.QUANTIFIED,
            description=f"Målet er udgangspunktet {danish_number(self.jobs_base)} beskæftigede "
            f"plus de {danish_number(new_jobs)} nye arbejdspladser; sporenes jobmål udgør "
            "tilsammen de nye arbejdspladser.",
            metric="Beskæftigede med arbejdssted i kommunen",
            unit="beskæftigede",
            baseline_value=base,
            baseline_date=date(self.plan.period_start - 2, 1, 1),
            baseline_source=f"Danmarks Statistik, {self.plan.period_start - 2}",
            comparator=Comparator.AT_LEAST,
            target_value=base + new_jobs,
            deadline=deadline,
            deadline_text=f"inden {deadline.year}",
            data_source=DataSource.STATBANK,
        )
        goal.bench_start = (goal.baseline_date, base)
        goal.bench_decimals = 0
        return self._add(self._place(goal, None, None))

    def yearly(self, track, theme, *, parent=None) -> Goal:
        rng = self.rng
        indicator = rng.choice([i for i in texts.INDICATORS if i.yearly])
        target = Decimal(round(rng.uniform(indicator.low, indicator.high)))
        from_year = self.plan.period_start + rng.choice((0, 1, 2))
        goal = Goal(
            title=f"{indicator.title}: mindst {danish_number(target)} {indicator.unit} om året "
            f"fra {from_year}",
            kind=GoalKind.QUANTIFIED,
            metric=indicator.metric,
            unit=indicator.unit,
            comparator=Comparator.AT_LEAST,
            target_value=target,
            deadline=date(self.plan.period_end, 12, 31),
            deadline_text=f"om året fra {from_year}",
            recurrence=Recurrence.YEARLY,
            recurrence_from_year=from_year,
            data_source=DataSource.PLATFORM if rng.random() < 0.5 else DataSource.MANUAL,
            parent=parent,
        )
        goal.bench_start = None
        return self._add(self._place(goal, track, theme), first=month_number(date(from_year, 1, 1)))

    def qualitative(self, track, theme, *, parent=None, title=None) -> Goal:
        rng = self.rng
        title = title or rng.choice(texts.QUALITATIVE).format(sector=rng.choice(texts.SECTORS))
        goal = Goal(title=title, kind=GoalKind.QUALITATIVE, parent=parent)
        if rng.random() < 0.3:
            goal.deadline = self._deadline(final_share=0.5)
            goal.deadline_text = f"inden udgangen af {goal.deadline.year}"
        goal.bench_start = None
        return self._add(self._place(goal, track, theme))

    def milestone(self, track, theme, *, parent=None) -> Goal:
        rng = self.rng
        deadline = self._deadline(final_share=0.2)
        goal = Goal(
            title=f"{rng.choice(texts.MILESTONES)} inden udgangen af {deadline.year}",
            kind=GoalKind.MILESTONE,
            deadline=deadline,
            deadline_text=f"inden udgangen af {deadline.year}",
            parent=parent,
        )
        goal.bench_start = None
        first = month_number(date(self.plan.period_start, 1, 1))
        reports = _milestone_reports(first, month_number(deadline), rng.random())
        goal.bench_milestone = reports
        return self._add(self._place(goal, track, theme), fixed=len(reports))

    def single(self, track, theme, *, parent=None) -> Goal:
        kind = self.rng.choices(
            ("quantified", "yearly", "qualitative", "milestone"), weights=(62, 12, 12, 14)
        )[0]
        return getattr(self, kind)(track, theme, parent=parent)


def _milestone_reports(first: int, deadline: int, luck: float) -> list[tuple[int, int]]:
    """(month, 0 or 1): "not yet" each quarter, then "done" in the month it was reached.

    With `luck` from 0 to 1: most milestones are reached up to 18 months early, some up to 9
    months late, one in eight never. At most `MILESTONE_REPORTS` reports, the latest ones."""
    if luck < 0.7:
        done = deadline - int(luck / 0.7 * 18)
    elif luck < 0.875:
        done = deadline + 1 + int((luck - 0.7) / 0.175 * 9)
    else:
        done = None
    if done is not None:
        done = max(done, first)
    stop = done if done is not None and done <= LAST_MONTH else LAST_MONTH + 1
    reports = [(month, 0) for month in range(first, stop, 3)]
    if done is not None and done <= LAST_MONTH:
        reports.append((done, 1))
    return reports[-MILESTONE_REPORTS:]


def _tracks_and_themes(rng, plan, chosen) -> tuple[list[Track], list[Theme]]:
    tracks, themes = [], []
    for order, (title, strategic, theme_titles) in enumerate(chosen, start=1):
        track = Track(
            plan=plan,
            kind=TrackKind.STRATEGIC if strategic else TrackKind.CROSS_CUTTING,
            title=title,
            summary=f"Vi vil styrke {title.lower()} som drivkraft for vækst og arbejdspladser.",
            motivation="Sporet bygger på dialogen med virksomhederne og kommunens styrker.",
            order=order,
        )
        tracks.append(track)
        for theme_title in theme_titles:
            themes.append(Theme(plan=plan, track=track, title=theme_title, order=len(themes) + 1))
    return tracks, themes


def _choose_tracks(rng, count: int):
    strategic = [t for t in texts.TRACKS if t[1]]
    cross = [t for t in texts.TRACKS if not t[1]]
    strategic_count = max(1, min(len(strategic), round(count * 0.5)))
    cross_count = max(0, min(len(cross), count - strategic_count))
    return rng.sample(strategic, strategic_count) + rng.sample(cross, cross_count)


def _albertslund_tracks():
    by_title = {t[0]: t for t in texts.TRACKS}
    return [
        by_title[title]
        for title in (
            "Grøn vækst",
            "Kvalificeret arbejdskraft",
            "Vækst gennem velfærd",
            "Erhvervsservice",
            "Innovation",
            "Samarbejde & internationalisering",
            "Branding og profilering",
        )
    ]


def _family(maker: GoalMaker, track, theme, room: int) -> None:
    """A parent with 2-4 children (a weighted average), now and then a child with two children
    of its own; `room` goals at most."""
    rng = maker.rng
    parent = getattr(maker, rng.choice(("quantified", "qualitative")))(track, theme)
    room -= 1
    children = min(rng.randint(2, 4), room)
    for number in range(children):
        child = maker.single(track, theme, parent=parent)
        room -= 1
        spare = room - (children - number - 1)
        if spare >= 2 and rng.random() < 0.2:
            for _ in range(2):
                maker.single(track, theme, parent=child)
            room -= 2


def build_goals(
    maker: GoalMaker,
    count: int,
    tracks: list[Track],
    themes: list[Theme],
    *,
    jobs: tuple[int, ...] | None = None,
    every_kind: bool = False,
) -> list[Goal]:
    """`count` goals for the maker's plan, in tracks and themes.

    `jobs`: an overall jobs goal first, with one child per track whose targets add up to it
    (a roll-up by sum). `every_kind`: a parent with children, a yearly target, a qualitative
    goal and a milestone are there however few goals there are."""
    rng = maker.rng
    themes_of = {id(track): [t for t in themes if t.track is track] for track in tracks}

    def placement():
        track = rng.choice(tracks) if tracks else None
        options = themes_of.get(id(track), [])
        theme = rng.choice(options) if options and rng.random() < 0.75 else None
        return track, theme

    if jobs and count >= len(tracks) + 1:
        root = maker.overall_jobs(sum(jobs))
        for track, target in zip(tracks, jobs, strict=True):
            maker.jobs(track, None, parent=root, target=target, sector=_sector_of(track, rng))
        if len(maker.goals) < count:
            maker.qualitative(
                None,
                None,
                title="Vi vil skabe optimale rammer for bæredygtig udvikling og vækst i "
                "virksomhederne.",
            )
    if every_kind:
        track, theme = placement()
        parent = maker.quantified(track, theme)
        maker.quantified(track, theme, parent=parent)
        maker.milestone(track, theme, parent=parent)
        maker.yearly(*placement())
        maker.qualitative(*placement())
    while len(maker.goals) < count:
        room = count - len(maker.goals)
        if room >= 3 and rng.random() < 0.12:
            _family(maker, *placement(), room)
        else:
            maker.single(*placement())
    assert len(maker.goals) == count, (len(maker.goals), count)
    return maker.goals


def _sector_of(track: Track, rng) -> str:
    named = {
        "Grøn vækst": "grøn teknologi",
        "Kvalificeret arbejdskraft": "uddannelse og forskning",
        "Vækst gennem velfærd": "sundhed, omsorg og pleje",
        "Turisme og oplevelser": "turisme",
        "Fødevarer og landbrug": "fødevarer",
        "Digitalisering": "it og digitalisering",
    }
    return named.get(track.title, rng.choice(texts.SECTORS))


def _jobs_split(rng, tracks: list[Track], total: int) -> tuple[int, ...]:
    from bench.sizes import split

    weights = [3.0 if t.kind == TrackKind.STRATEGIC else 1.0 for t in tracks]
    weights = [w * rng.uniform(0.5, 1.5) for w in weights]
    return tuple(part * 10 for part in split(total // 10, weights, minimum=1))


def _plan(municipality, rng, *, kind, title, start, end, summary, implements=None) -> Plan:
    adopted_on = date(start, 1, 1) - timedelta(days=rng.randint(20, 120))
    return Plan(
        municipality=municipality,
        kind=kind,
        title=title,
        status=PlanStatus.ADOPTED,
        period_start=start,
        period_end=end,
        adopted_on=adopted_on,
        adopted_by=rng.choice(ADOPTERS),
        implements=implements,
        summary=summary,
        internal_note="Opfølgning på planen sker kvartalsvis i direktionen.",
    )


def build_plans(
    data: MunicipalityPlans,
    rng: random.Random,
    *,
    goal_count: int,
    big_plan_goals: int | None = None,
) -> MunicipalityPlans:
    """The municipality's strategy, its action plan (and for Albertslund, `big_plan_goals` set,
    a policy too) with `goal_count` goals in all."""
    municipality, people = data.municipality, data.people
    jobs_base = rng.randint(4, 60) * 1_000 + rng.randint(0, 999)
    if big_plan_goals is not None:
        start, end, action_start = 2013, 2030, 2015
        jobs_base = 19_369
        strategy_goals = big_plan_goals
        rest = goal_count - strategy_goals
        policy_goals = max(1, round(rest * 0.4))
        action_goals = rest - policy_goals
    else:
        start, end = rng.choice((2013, 2014)), rng.choice((2028, 2030))
        action_start = start + rng.choice((1, 1, 2))
        action_goals = max(1, round(goal_count * 0.25))
        strategy_goals = goal_count - action_goals
        policy_goals = 0

    name = municipality.name
    strategy = _plan(
        municipality,
        rng,
        kind=PlanKind.STRATEGY,
        title=f"Erhvervsstrategi {start}-{end}",
        start=start,
        end=end,
        summary=f"{name} Kommunes erhvervsstrategi sætter retningen for vækst, arbejdspladser "
        "og et stærkt samarbejde med virksomhederne.",
    )
    action = _plan(
        municipality,
        rng,
        kind=PlanKind.ACTION_PLAN,
        title=f"Handleplan {action_start}-{end} for erhvervsstrategien",
        start=action_start,
        end=end,
        summary="Handleplanen udmønter erhvervsstrategien i konkrete aktiviteter.",
        implements=strategy,
    )
    data.plans += [strategy, action]
    data.action_plan = action

    chosen = (
        _albertslund_tracks()
        if big_plan_goals is not None
        else _choose_tracks(rng, rng.randint(3, 6))
    )
    tracks, themes = _tracks_and_themes(rng, strategy, chosen)
    data.tracks += tracks
    data.themes += themes
    maker = GoalMaker(rng, strategy, people, jobs_base=jobs_base)
    jobs = (
        ALBERTSLUND_JOBS
        if big_plan_goals is not None
        else _jobs_split(rng, tracks, rng.randint(5, 40) * 100)
    )
    data.goals += build_goals(
        maker, strategy_goals, tracks, themes, jobs=jobs, every_kind=big_plan_goals is not None
    )

    # The action plan has tracks and themes of its own, as Albertslund's Handleplan 2016-2017.
    action_tracks, action_themes = _tracks_and_themes(rng, action, chosen[:4])
    data.tracks += action_tracks
    data.themes += action_themes
    data.action_themes = action_themes
    maker = GoalMaker(rng, action, people, jobs_base=jobs_base)
    data.goals += build_goals(maker, action_goals, action_tracks, action_themes)

    if policy_goals:
        policy = _plan(
            municipality,
            rng,
            kind=PlanKind.POLICY,
            title=f"Erhvervspolitik 2014-{end}",
            start=2014,
            end=end,
            summary="Erhvervspolitikken beskriver, hvordan kommunen arbejder sammen med "
            "virksomhederne.",
        )
        data.plans.append(policy)
        maker = GoalMaker(rng, policy, people, jobs_base=jobs_base)
        data.goals += build_goals(maker, policy_goals, [], [])
        for order, title in enumerate(
            ("Partnerskaber", "Gennemsigtige udbud", "Koordineret erhvervsdialog"), start=1
        ):
            data.commitments.append(
                Commitment(plan=policy, title=title, text=f"Vi arbejder med {title.lower()}.")
            )
            data.commitments[-1].order = order

    for order, (label, unit) in enumerate(
        (
            ("Beskæftigede med arbejdssted i kommunen", "personer"),
            ("Virksomheder i kommunen", "virksomheder"),
            ("Indpendlere", "personer"),
            ("Udpendlere", "personer"),
        ),
        start=1,
    ):
        data.key_figures.append(
            KeyFigure(
                plan=strategy,
                label=label,
                value=Decimal(rng.randint(1_000, 60_000)),
                unit=unit,
                period=str(start - 2),
                source="Danmarks Statistik",
                order=order,
            )
        )
    return data


# Measurements


def measurements_of(goal: Goal, rng: random.Random, people: People) -> list[Measurement]:
    """The goal's `bench_series.count` monthly measurements, ending at `bench_series.last`."""
    series = goal.bench_series
    if goal.kind == GoalKind.MILESTONE:
        points = [(month, None, Decimal(done)) for month, done in goal.bench_milestone]
    else:
        months = range(series.last - series.count + 1, series.last + 1)
        if goal.kind == GoalKind.QUALITATIVE:
            points = list(_assessments(goal, months, rng))
        elif goal.recurrence == Recurrence.YEARLY:
            points = [(m, None, _yearly_value(goal, m, rng)) for m in months]
        else:
            points = [(m, None, _trend_value(goal, m, rng)) for m in months]
    source = _source(goal)
    found = []
    for month, assessment, value in points:
        measured_on = month_end(month)
        person = rng.choice(people.staff)
        measurement = Measurement(
            goal=goal,
            measured_on=measured_on,
            value=value,
            assessment=assessment or "",
            source=source,
            note="Foreløbigt tal." if rng.random() < 0.03 else "",
            entered_by=person,
            created_at=moment(measured_on + timedelta(days=rng.randint(3, 25)), rng),
        )
        measurement._history_date = measurement.created_at
        measurement._history_user = person
        found.append(measurement)
    return found


def _source(goal: Goal) -> str:
    if goal.kind == GoalKind.QUALITATIVE:
        return "Vurdering i styregruppen"
    if goal.kind == GoalKind.MILESTONE:
        return "Projektlederens statusrapport"
    return goal.baseline_source or "Kommunens egen opgørelse"


def _trend_value(goal: Goal, month: int, rng) -> Decimal:
    """On the line from the start towards the target, at the goal's own pace, with noise."""
    start_day, start_value = goal.bench_start
    begin, end = month_number(start_day), month_number(goal.deadline)
    share = min(max((month - begin) / max(end - begin, 1), 0.0), 1.3)
    distance = float(goal.target_value - start_value)
    noise = rng.gauss(0, 0.025) * abs(distance)
    value = float(start_value) + distance * share * goal.bench_series.performance + noise
    if goal.unit == "plads":
        value = min(max(value, 1.0), 98.0)
    elif goal.unit == "%":
        value = min(max(value, 0.0), 100.0)
    else:
        value = max(value, 0.0)
    places = goal.bench_decimals
    return Decimal(str(round(value, places))).quantize(Decimal(1).scaleb(-places))


def _yearly_value(goal: Goal, month: int, rng) -> Decimal:
    """The running total for the year so far, at the goal's pace."""
    month_of_year = month % 12 + 1
    pace = goal.bench_series.performance * rng.uniform(0.92, 1.08)
    return Decimal(max(round(float(goal.target_value) * pace * month_of_year / 12), 0))


def _assessments(goal: Goal, months, rng):
    """A person's monthly judgement: mostly on track, with spells at risk or off track; after a
    passed deadline, a final achieved or not."""
    deadline = month_number(goal.deadline) if goal.deadline else None
    state = Assessment.ON_TRACK if goal.bench_series.performance > 0.7 else Assessment.AT_RISK
    moves = {
        Assessment.ON_TRACK: ((Assessment.ON_TRACK, 90), (Assessment.AT_RISK, 10)),
        Assessment.AT_RISK: (
            (Assessment.ON_TRACK, 30),
            (Assessment.AT_RISK, 55),
            (Assessment.OFF_TRACK, 15),
        ),
        Assessment.OFF_TRACK: ((Assessment.AT_RISK, 25), (Assessment.OFF_TRACK, 75)),
    }
    for month in months:
        if deadline is not None and month > deadline:
            final = Assessment.ACHIEVED if state == Assessment.ON_TRACK else Assessment.OFF_TRACK
            yield month, final, None
            continue
        options, weights = zip(*moves[state], strict=True)
        state = rng.choices(options, weights=weights)[0]
        yield month, state, None


def creation_day(plan: Plan, rng) -> date:
    """When a row of `plan` was entered: around its adoption, never after `DATA_END`."""
    return min(between(plan.adopted_on, plan.adopted_on + timedelta(days=60), rng), DATA_END)
