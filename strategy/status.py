"""How a goal's status follows from its target and its measurements: the one place it is decided.

Every rule below is a plain function of the goal's facts, its measurements and today's date, so
the same goal always gets the same status and every case has a test (`tests/test_status.py`).

Statuses, worst first: off track, no longer measurable, at risk, not measured yet, on track,
achieved.

Qualitative goals
    The latest assessment a person recorded decides (achieved, on track, at risk, off track).
    Without one the goal is *not measured yet*, or *no longer measurable* once its deadline (the
    stated one, or else the end of the plan's period) has passed. After the deadline only a final
    assessment stands: *achieved* or *off track*; an "on track" or "at risk" from before the
    deadline says nothing about whether the goal was reached, so the goal is *no longer
    measurable* until someone assesses it as achieved or not.

Milestones (a yes/no goal with a date, e.g. "a business website by the end of 2013")
    A measurement of 1 means done, 0 means not done yet. Done at any time: *achieved*. Not done
    and the deadline passed: *off track*, or *no longer measurable* if nobody ever reported.
    Not done before the deadline: *at risk* within the last `MILESTONE_WARNING_DAYS` days,
    otherwise *on track*; with no report at all, *not measured yet*.

Quantified goals with one target at a deadline
    Without a measurement: *not measured yet*, or *no longer measurable* after the deadline.
    If the latest measurement meets the target ("at least" or "at most"): *achieved*.
    Otherwise, after the deadline: *off track*.
    Before it, the trajectory is the straight line from the baseline (or, without a baseline,
    the first measurement) to the target at the deadline. The latest measurement is compared
    with where that line stood on the measurement's own date (so that statistics published a
    year late are not punished for their lag). Progress is the share of the distance from
    baseline to target covered; the gap is expected share minus actual share. Gap at most 0:
    *on track*; at most `AT_RISK_TOLERANCE`: *at risk*; more: *off track*. This works the same
    for "lower is better" goals such as a rank: from 37 towards 10, reaching 30 is 7/27 of the way.
    A forecast at the deadline (least-squares line through the start point and the
    measurements) is shown beside the status but does not decide it.

Quantified goals with a yearly target from a given year ("at least 50 a year from 2013")
    Each year from the start year to the deadline's year is judged on its own. A year's figure is
    its latest measurement (people enter the running total for the year). The most recent year
    with a figure decides: a completed year that met the target gives *on track*, one that
    missed it *off track*. The current year: a figure that already meets the target is *on
    track* (for an "at most" ceiling: the running total is still under it), one over a ceiling
    is *off track*; an "at least" figure below the target is judged pro rata, against the
    target times the share of the year gone by at the measurement's date, the gap measured in
    shares of the target's size (so a negative target such as "at least -5" is judged the same
    way), with the same tolerance as above.
    The progress of a year's figure is 100 % when it meets the target; below an "at least"
    target it is the figure's share of a positive target; over an "at most" ceiling it is the
    ceiling's share of the figure (a ceiling of 10 with 30 measured: 33 %); otherwise 0 %.
    After the last year: *achieved* if every year with a figure met the target and the last year
    has one, *off track* if any year missed, *no longer measurable* if no year has a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from strategy.enums import Comparator, GoalKind, GoalStatus, Recurrence

AT_RISK_TOLERANCE = 0.10
MILESTONE_WARNING_DAYS = 90
# Worst first, as the statuses are declared: lists sort by it.
STATUS_RANK = {status: rank for rank, status in enumerate(GoalStatus)}
FINAL_ASSESSMENTS = {GoalStatus.ACHIEVED, GoalStatus.OFF_TRACK}


@dataclass(frozen=True)
class Point:
    on: date
    value: Decimal


@dataclass(frozen=True)
class GoalFacts:
    """What the status rules need to know about a goal, independent of the database."""

    kind: str
    deadline: date
    has_stated_deadline: bool = True
    comparator: str = ""
    target: Decimal | None = None
    baseline: Point | None = None
    recurrence: str = Recurrence.NONE
    recurrence_from_year: int | None = None

    @classmethod
    def from_goal(cls, goal) -> GoalFacts:
        baseline = None
        if goal.baseline_value is not None and goal.baseline_date is not None:
            baseline = Point(goal.baseline_date, goal.baseline_value)
        return cls(
            kind=goal.kind,
            deadline=goal.effective_deadline,
            has_stated_deadline=goal.deadline is not None,
            comparator=goal.comparator,
            target=goal.target_value,
            baseline=baseline,
            recurrence=goal.recurrence,
            recurrence_from_year=goal.recurrence_from_year,
        )

    def meets(self, value: Decimal, target: Decimal | None = None) -> bool:
        target = self.target if target is None else target
        if self.comparator == Comparator.AT_MOST:
            return value <= target
        return value >= target


@dataclass(frozen=True)
class Observation:
    """A measurement as the rules see it: a value, or a person's assessment.

    `measurement_id` names the stored measurement it came from, so that the goal can point to its
    latest one; the rules never read it."""

    on: date
    value: Decimal | None = None
    assessment: str = ""
    measurement_id: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class YearResult:
    year: int
    value: Decimal | None
    met: bool | None


@dataclass(frozen=True)
class StatusResult:
    status: GoalStatus
    reason: str
    progress: float | None = None
    expected_progress: float | None = None
    latest: Observation | None = None
    forecast: Decimal | None = None
    years: list[YearResult] = field(default_factory=list)


def evaluate(facts: GoalFacts, observations: list[Observation], today: date) -> StatusResult:
    """Return the goal's status on `today` from its facts and its measurements."""
    observations = sorted((o for o in observations if o.on <= today), key=lambda o: o.on)
    if facts.kind == GoalKind.QUALITATIVE:
        return _qualitative(facts, observations, today)
    if facts.kind == GoalKind.MILESTONE:
        return _milestone(facts, observations, today)
    if facts.recurrence == Recurrence.YEARLY:
        return _yearly(facts, observations, today)
    return _single_target(facts, observations, today)


def _unmeasured(facts: GoalFacts, today: date) -> StatusResult:
    """Not measured yet, or no longer measurable once the deadline has passed."""
    if today > facts.deadline:
        return StatusResult(
            GoalStatus.NOT_MEASURABLE, _("Fristen er passeret, uden at målet er blevet målt.")
        )
    return StatusResult(GoalStatus.NOT_MEASURED, _("Målet er ikke målt endnu."))


def _qualitative(facts: GoalFacts, observations: list[Observation], today: date) -> StatusResult:
    assessed = [o for o in observations if o.assessment]
    if not assessed:
        return _unmeasured(facts, today)
    latest = assessed[-1]
    status = GoalStatus(latest.assessment)
    progress = 1.0 if status == GoalStatus.ACHIEVED else None
    if today > facts.deadline and status not in FINAL_ASSESSMENTS:
        return StatusResult(
            GoalStatus.NOT_MEASURABLE,
            _(
                "Fristen er passeret uden en endelig vurdering af, om målet er nået. "
                "Seneste vurdering: %(assessment)s."
            )
            % {"assessment": status.label},
            latest=latest,
        )
    return StatusResult(status, _("Seneste vurdering."), progress=progress, latest=latest)


def _milestone(facts: GoalFacts, observations: list[Observation], today: date) -> StatusResult:
    reports = [o for o in observations if o.value is not None]
    done = [o for o in reports if o.value >= 1]
    if done:
        return StatusResult(GoalStatus.ACHIEVED, _("Milepælen er nået."), 1.0, latest=done[0])
    latest = reports[-1] if reports else None
    if today > facts.deadline:
        if latest is None:
            return StatusResult(
                GoalStatus.NOT_MEASURABLE, _("Fristen er passeret uden nogen melding.")
            )
        return StatusResult(
            GoalStatus.OFF_TRACK,
            _("Fristen er passeret, og milepælen er ikke nået."),
            0.0,
            latest=latest,
        )
    if latest is None:
        return StatusResult(GoalStatus.NOT_MEASURED, _("Der er ikke meldt status endnu."))
    if (facts.deadline - today).days <= MILESTONE_WARNING_DAYS:
        return StatusResult(
            GoalStatus.AT_RISK,
            _("Fristen er tæt på, og milepælen er ikke nået."),
            0.0,
            latest=latest,
        )
    return StatusResult(GoalStatus.ON_TRACK, _("Milepælen er ikke nået endnu."), 0.0, latest=latest)


def _share(start: Decimal, target: Decimal, value: Decimal) -> float:
    """The share of the distance from start to target that value has covered."""
    if target == start:
        return 1.0 if value == target else 0.0
    return float((value - start) / (target - start))


def _elapsed(start: date, end: date, on: date) -> float:
    if end <= start:
        return 1.0
    return min(max((on - start).days / (end - start).days, 0.0), 1.0)


def _clamp(share: float) -> float:
    return min(max(share, 0.0), 1.0)


def forecast_at(points: list[Point], deadline: date) -> Decimal | None:
    """The value at `deadline` on the least-squares line through `points` (two or more)."""
    if len({p.on for p in points}) < 2:
        return None
    xs = [p.on.toordinal() for p in points]
    ys = [float(p.value) for p in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    value = mean_y + slope * (deadline.toordinal() - mean_x)
    return Decimal(str(round(value, 4)))


def _judge_gap(gap: float) -> GoalStatus:
    if gap <= 0:
        return GoalStatus.ON_TRACK
    if gap <= AT_RISK_TOLERANCE:
        return GoalStatus.AT_RISK
    return GoalStatus.OFF_TRACK


def _single_target(facts: GoalFacts, observations: list[Observation], today: date) -> StatusResult:
    values = [o for o in observations if o.value is not None]
    if not values:
        return _unmeasured(facts, today)
    latest = values[-1]
    start = facts.baseline or Point(values[0].on, values[0].value)
    points = [start] + [Point(o.on, o.value) for o in values if o.on > start.on]
    forecast = forecast_at(points, facts.deadline)
    actual = _share(start.value, facts.target, latest.value)
    common = {"progress": _clamp(actual), "latest": latest, "forecast": forecast}
    if facts.meets(latest.value):
        return StatusResult(GoalStatus.ACHIEVED, _("Måltallet er nået."), **common)
    if today > facts.deadline:
        return StatusResult(
            GoalStatus.OFF_TRACK, _("Fristen er passeret, og måltallet er ikke nået."), **common
        )
    expected = _elapsed(start.on, facts.deadline, latest.on)
    status = _judge_gap(expected - actual)
    reasons = {
        GoalStatus.ON_TRACK: _("Seneste måling ligger på eller over kursen mod måltallet."),
        GoalStatus.AT_RISK: _("Seneste måling ligger lidt under kursen mod måltallet."),
        GoalStatus.OFF_TRACK: _("Seneste måling ligger klart under kursen mod måltallet."),
    }
    return StatusResult(status, reasons[status], expected_progress=expected, **common)


def _year_progress(facts: GoalFacts, value: Decimal) -> float:
    """How far a year's figure has come towards the year's target (see the module doc)."""
    if facts.meets(value):
        return 1.0
    if facts.comparator == Comparator.AT_MOST:
        return _clamp(float(facts.target / value)) if value > 0 and facts.target > 0 else 0.0
    return _clamp(float(value / facts.target)) if facts.target > 0 else 0.0


def _yearly(facts: GoalFacts, observations: list[Observation], today: date) -> StatusResult:
    last_year = facts.deadline.year
    by_year: dict[int, Observation] = {}
    for o in observations:
        if o.value is not None and facts.recurrence_from_year <= o.on.year <= last_year:
            by_year[o.on.year] = o
    years = [
        YearResult(
            year,
            by_year[year].value if year in by_year else None,
            facts.meets(by_year[year].value) if year in by_year else None,
        )
        for year in range(facts.recurrence_from_year, min(today.year, last_year) + 1)
    ]
    if not by_year:
        result = _unmeasured(facts, today)
        return StatusResult(result.status, result.reason, years=years)

    latest_year = max(by_year)
    latest = by_year[latest_year]
    common = {"latest": latest, "years": years, "progress": _year_progress(facts, latest.value)}
    if today > facts.deadline:
        judged = [y for y in years if y.met is not None]
        if any(not y.met for y in judged):
            return StatusResult(
                GoalStatus.OFF_TRACK, _("Måltallet blev ikke nået alle år."), **common
            )
        if by_year.get(last_year) is None:
            return StatusResult(
                GoalStatus.NOT_MEASURABLE, _("Det sidste år i perioden er ikke målt."), **common
            )
        return StatusResult(GoalStatus.ACHIEVED, _("Måltallet er nået hvert målt år."), **common)

    if latest_year < today.year:
        if facts.meets(latest.value):
            return StatusResult(
                GoalStatus.ON_TRACK,
                _("Måltallet blev nået i %(year)s.") % {"year": latest_year},
                **common,
            )
        return StatusResult(
            GoalStatus.OFF_TRACK,
            _("Måltallet blev ikke nået i %(year)s.") % {"year": latest_year},
            **common,
        )

    if facts.meets(latest.value):
        if facts.comparator == Comparator.AT_MOST:
            return StatusResult(
                GoalStatus.ON_TRACK, _("Årets tal er under loftet indtil nu."), **common
            )
        return StatusResult(GoalStatus.ON_TRACK, _("Årets måltal er allerede nået."), **common)
    if facts.comparator == Comparator.AT_MOST:
        return StatusResult(GoalStatus.OFF_TRACK, _("Årets tal er over loftet."), **common)
    elapsed = _elapsed(date(latest_year, 1, 1), date(latest_year, 12, 31), latest.on)
    # A zero target is zero all year, so a running total below it is clearly under the line.
    if facts.target:
        expected = facts.target * Decimal(str(elapsed))
        status = _judge_gap(float((expected - latest.value) / abs(facts.target)))
    else:
        status = GoalStatus.OFF_TRACK
    reasons = {
        GoalStatus.ON_TRACK: _("Årets tal følger kursen mod årets måltal."),
        GoalStatus.AT_RISK: _("Årets tal ligger lidt under kursen mod årets måltal."),
        GoalStatus.OFF_TRACK: _("Årets tal ligger klart under kursen mod årets måltal."),
    }
    return StatusResult(status, reasons[status], expected_progress=elapsed, **common)
