"""The goal chart as plain coordinates, drawn as SVG by a template (no JavaScript, prints well).

A goal with one target gets a line chart: baseline, measurements, the target line, the
trajectory from baseline to target and the forecast at the deadline. A goal with a yearly target
gets one bar per year against the target. "Lower is better" goals (ranks) get an inverted value
axis, so that up always means better.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from strategy.enums import Direction, GoalKind, Recurrence
from strategy.status import Point, StatusResult

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 20, 36


@dataclass
class Tick:
    position: float
    value: object


@dataclass
class Chart:
    kind: str  # "line" or "bars"
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    bottom_edge: int = HEIGHT - BOTTOM
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    series: str = ""
    points: list[tuple[float, float, Decimal, date]] = field(default_factory=list)
    baseline: tuple[float, float] | None = None
    target_y: float | None = None
    trajectory: tuple[float, float, float, float] | None = None
    forecast: tuple[float, float, float, float] | None = None
    deadline_x: float | None = None
    today_x: float | None = None
    bars: list[dict] = field(default_factory=list)
    inverted: bool = False


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high == low:
        high, low = high + 1, low - 1
    raw_step = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


MAX_TICKS = 12
MAX_BARS = 40


def year_step(first: int, last: int) -> int:
    """Every year, or every 2nd, 5th, 10th … so that the axis has at most `MAX_TICKS` labels
    (a deadline typed as 9999 must not draw eight thousand of them)."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if (last - first) // step + 1 <= MAX_TICKS:
            return step
    return 10000


def build_chart(goal, result: StatusResult, today: date) -> Chart | None:
    """The chart for `goal`, or None where a chart would say nothing (qualitative, milestone)."""
    if goal.kind != GoalKind.QUANTIFIED:
        return None
    if goal.recurrence == Recurrence.YEARLY:
        return _bars(goal, result)
    return _line(goal, result, today)


def _value_scale(values: list[float], inverted: bool):
    ticks = nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]

    def y(value) -> float:
        share = (float(value) - low) / (high - low)
        if inverted:
            share = 1 - share
        return round(TOP + (1 - share) * (HEIGHT - BOTTOM - TOP), 1)

    return y, [Tick(y(t), t) for t in ticks]


def _line(goal, result: StatusResult, today: date) -> Chart:
    measurements = [m for m in goal.measurements.all() if m.value is not None]
    start_date = goal.baseline_date or (
        measurements[0].measured_on if measurements else date(goal.plan.period_start, 1, 1)
    )
    deadline = goal.effective_deadline
    end_date = max([deadline] + [m.measured_on for m in measurements])
    span = max((end_date - start_date).days, 1)

    def x(on: date) -> float:
        return round(LEFT + (on - start_date).days / span * (WIDTH - RIGHT - LEFT), 1)

    values = [float(m.value) for m in measurements] + [float(goal.target_value)]
    if goal.baseline_value is not None:
        values.append(float(goal.baseline_value))
    if result.forecast is not None:
        values.append(float(result.forecast))
    inverted = goal.direction == Direction.LOWER_IS_BETTER
    y, y_ticks = _value_scale(values, inverted)

    chart = Chart(kind="line", y_ticks=y_ticks, inverted=inverted)
    first_year = start_date.year + (start_date > date(start_date.year, 1, 1))
    chart.x_ticks = [
        Tick(x(date(year, 1, 1)), year)
        for year in range(first_year, end_date.year + 1, year_step(first_year, end_date.year))
    ]
    chart.points = [(x(m.measured_on), y(m.value), m.value, m.measured_on) for m in measurements]
    start = (
        Point(goal.baseline_date, goal.baseline_value)
        if goal.baseline_value is not None
        else (Point(measurements[0].measured_on, measurements[0].value) if measurements else None)
    )
    line = ([(x(start.on), y(start.value))] if goal.baseline_value is not None else []) + [
        (px, py) for px, py, _value, _on in chart.points
    ]
    chart.series = " ".join(f"{px},{py}" for px, py in line)
    if goal.baseline_value is not None:
        chart.baseline = (x(goal.baseline_date), y(goal.baseline_value))
    chart.target_y = y(goal.target_value)
    if start is not None:
        chart.trajectory = (x(start.on), y(start.value), x(deadline), y(goal.target_value))
    if result.forecast is not None and result.latest is not None:
        chart.forecast = (
            x(result.latest.on),
            y(result.latest.value),
            x(deadline),
            y(result.forecast),
        )
    chart.deadline_x = x(deadline)
    if start_date <= today <= end_date:
        chart.today_x = x(today)
    return chart


def _bars(goal, result: StatusResult) -> Chart:
    years = result.years or []
    if not years:
        last = min(goal.effective_deadline.year, goal.recurrence_from_year + MAX_BARS - 1)
        year_list = range(goal.recurrence_from_year, last + 1)
    else:
        year_list = [y.year for y in years[-MAX_BARS:]]
    by_year = {y.year: y for y in years}
    values = [float(goal.target_value), 0.0] + [
        float(y.value) for y in years if y.value is not None
    ]
    y, y_ticks = _value_scale(values, inverted=False)
    slot = (WIDTH - RIGHT - LEFT) / max(len(year_list), 1)
    chart = Chart(kind="bars", y_ticks=y_ticks, target_y=y(goal.target_value))
    for index, year in enumerate(year_list):
        center = LEFT + slot * (index + 0.5)
        chart.x_ticks.append(Tick(round(center, 1), year))
        entry = by_year.get(year)
        if entry is None or entry.value is None:
            continue
        top = y(entry.value)
        chart.bars.append(
            {
                "x": round(center - slot * 0.3, 1),
                "y": top,
                "width": round(slot * 0.6, 1),
                "height": round(y(0) - top, 1),
                "value": entry.value,
                "year": year,
                "css": "bar-met" if entry.met else "bar-missed",
            }
        )
    return chart
