"""One official figure for several areas side by side: the municipality, its neighbours, the
region and the country, as a table and a server-rendered SVG bar chart (no JavaScript, prints).

What is compared is the latest period every area has a figure for, so that no area is shown with
an older year than the others. Per capita (per 1,000 inhabitants, FOLK1A's population at the
start of the period) when the series says so: that is fair for a count that grows with the
population (jobs, firms), and is what makes a municipality comparable with the region and the
country; a series whose figure is already a rate or a share is shown as it is.

`comparison(series)` returns the data and `render_comparison(series)` the HTML (table and chart),
for the public page and for any report that wants the same comparison; `render(comparison)` is
that HTML of data already computed (the committee report keeps the numbers it shows).
`compared_series(municipality)` are the series compared between areas, those with an area
variable, in the order the public page shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.template.loader import render_to_string

from officialstats.models import OfficialFigure, OfficialSeries
from strategy.charts import nice_ticks

WIDTH, LABEL_WIDTH, VALUE_WIDTH, BAR_HEIGHT, GAP, TOP = 720, 190, 90, 22, 10, 8
# How many periods back the table shows the change from, and how many periods a series without
# areas shows.
CHANGE_YEARS = 5


@dataclass
class Row:
    area: str
    name: str
    value: Decimal
    per_thousand: Decimal | None
    earlier: Decimal | None
    is_own: bool
    bar_y: float = 0.0
    bar_width: float = 0.0

    @property
    def change(self) -> Decimal | None:
        """The change since `earlier` as a share (0.05 is 5 %), None without an earlier figure."""
        if not self.earlier:
            return None
        return (self.value - self.earlier) / self.earlier


@dataclass
class Comparison:
    series: OfficialSeries
    period: str = ""
    earlier_period: str = ""
    rows: list[Row] = field(default_factory=list)
    per_capita: bool = False
    width: int = WIDTH
    height: int = 0
    label_width: int = LABEL_WIDTH
    ticks: list[tuple[float, float]] = field(default_factory=list)
    # A series without areas: its latest periods, oldest first.
    history: list[tuple[str, Decimal]] = field(default_factory=list)

    @property
    def shown(self) -> str:
        """Which number the bars show: 'per_thousand' or 'value'."""
        return "per_thousand" if self.per_capita else "value"


def _latest_common_period(figures: list[OfficialFigure], areas: list[str]) -> str:
    periods_of: dict[str, set[str]] = {}
    starts = {}
    for figure in figures:
        periods_of.setdefault(figure.area_code, set()).add(figure.period)
        starts[figure.period] = figure.period_start
    common = set.intersection(*(periods_of.get(area, set()) for area in areas))
    return max(common, key=starts.__getitem__) if common else ""


def compared_series(municipality) -> QuerySet[OfficialSeries]:
    """The municipality's series with an area variable and their figures, in its order (two
    queries): the comparisons between areas its public page shows."""
    return (
        OfficialSeries.objects.of_municipality(municipality)
        .exclude(area_variable="")
        .for_comparison()
    )


def comparison(series: OfficialSeries) -> Comparison:
    """The series' areas in the order the selection lists them, at the latest common period,
    with the figure `CHANGE_YEARS` periods before it; for a series without areas, its last
    `CHANGE_YEARS` + 1 periods. One query (the series' figures), none when they are prefetched."""
    result = Comparison(series, per_capita=series.per_capita)
    figures = sorted(series.figures.all(), key=lambda f: (f.period_start, f.area_code))
    if not series.area_variable:
        result.history = [(f.period, f.value) for f in figures][-(CHANGE_YEARS + 1) :]
        result.period = result.history[-1][0] if result.history else ""
        return result
    areas = list(series.selection.get(series.area_variable, []))
    period = _latest_common_period(figures, areas)
    if not period:
        return result
    by_key = {(f.area_code, f.period): f for f in figures}
    starts = {f.period: f.period_start for f in figures}
    periods = sorted(starts, key=starts.__getitem__)
    index = periods.index(period)
    earlier = periods[index - CHANGE_YEARS] if index >= CHANGE_YEARS else ""
    result.period, result.earlier_period = period, earlier
    for area in areas:
        figure = by_key[(area, period)]
        before = by_key.get((area, earlier))
        result.rows.append(
            Row(
                area=area,
                name=figure.area_name or area,
                value=figure.value,
                per_thousand=figure.per_thousand,
                earlier=before.value if before else None,
                is_own=area == series.municipality.code,
            )
        )
    _layout(result)
    return result


def _layout(result: Comparison) -> None:
    """Horizontal bars, one per area, scaled from zero to a round maximum."""
    values = [float(getattr(row, result.shown) or 0) for row in result.rows]
    ticks = nice_ticks(0, max(values + [1]), 4)
    top = ticks[-1] or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    result.ticks = [(round(LABEL_WIDTH + tick / top * span, 1), tick) for tick in ticks]
    for index, (row, value) in enumerate(zip(result.rows, values, strict=True)):
        row.bar_y = TOP + index * (BAR_HEIGHT + GAP)
        row.bar_width = round(max(value, 0) / top * span, 1)
    result.height = TOP + len(result.rows) * (BAR_HEIGHT + GAP) + 24


def render(result: Comparison, request=None) -> str:
    """The heading-less HTML of a comparison: the SVG chart and the table with its source."""
    return render_to_string("officialstats/_comparison.html", {"comparison": result}, request)


def render_comparison(series: OfficialSeries, request=None) -> str:
    """The series' comparison's heading-less HTML: the SVG chart and the table with its source."""
    return render(comparison(series), request)
