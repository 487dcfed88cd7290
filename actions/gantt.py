"""The timetable's Gantt chart as plain coordinates, drawn as SVG by a template.

No JavaScript and no inline styles: the template only places what is computed here, and
`static/kurs/actions.css` colours it. The chart covers the plan's period and every dated
activity and milestone. Its x axis is divided into months (up to 15 months), quarters (up to
5 years) or years. Each group (a theme or a track) gets a label row, each activity a bar from
its first to its last day, coloured by status; late activities get a red outline and a
"Forsinket" label; milestones are diamonds; a vertical line marks today when it falls inside.
Activities without dates are listed in a last group, "Uden periode", without a bar.

A date outside 1900-2100 (`core.bounds`; a typo such as 31-12-9999 stored before writes were
bounded) does not stretch the axis: its bar or diamond is cut off at the axis's edge. Positions are
counted in days from the axis's start, never by adding days to a date, so no date overflows.

The geometry is sized so that 30 activities in 8 groups fit one printed A4 landscape page.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from core.bounds import is_plausible_date
from core.locale import month_abbreviations
from core.templatetags.kurs import short_date

WIDTH = 1200
LEFT = 390  # the label column
RIGHT = 16
HEADER = 48  # two rows: years, then quarters or months
ROW = 22
GROUP_ROW = 24
FOOT = 26  # room for the "I dag" label, when today is inside the chart
BAR = 12
DIAMOND = 7
CHAR_WIDTH = 6.6  # average width of a 13-unit character in IBM Plex Sans, generously
LATE_LABEL_WIDTH = 80
LABEL_X = 22  # where an activity's title starts

MONTHS_UP_TO = 15
QUARTERS_UP_TO = 60


def label_room(late: bool) -> int:
    """How wide an activity's title may be: the label column, less the late label if late.

    The template also clips titles to this width, in case a title is wider than estimated.
    """
    return LEFT - LABEL_X - 10 - (LATE_LABEL_WIDTH if late else 0)


@dataclass
class Band:
    """A labelled stretch of the x axis: a year in the top row, a quarter or month below."""

    x: float
    width: float
    label: str
    center: float
    show_label: bool = True


@dataclass
class Diamond:
    x: float
    y: float
    points: str
    title: str
    css: str


@dataclass
class Bar:
    activity_id: int
    label: str
    title: str
    status: str
    status_label: str
    late: bool
    top: float  # the row's top
    height: float
    text_y: float
    x: float | None = None
    y: float | None = None
    width: float | None = None
    period: str = ""
    milestones: list[Diamond] = field(default_factory=list)
    stripe: bool = False


@dataclass
class GroupLabel:
    label: str
    top: float
    height: float
    text_y: float
    count: int


@dataclass
class Gantt:
    starts_on: date
    ends_on: date
    scale: str  # "months", "quarters" or "years"
    width: int = WIDTH
    height: int = 0
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    header: int = HEADER
    plot_bottom: float = 0
    years: list[Band] = field(default_factory=list)
    units: list[Band] = field(default_factory=list)
    groups: list[GroupLabel] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    today_x: float | None = None
    today_label: str = ""
    label_x: int = LABEL_X
    label_clip: int = LABEL_X + label_room(False)
    late_label_clip: int = LABEL_X + label_room(True)

    @property
    def plot_width(self) -> int:
        return self.right_edge - self.left


def truncate(text: str, width: float, char_width: float = CHAR_WIDTH) -> str:
    """`text` cut to fit `width` units, with an ellipsis when cut."""
    limit = max(int(width // char_width), 4)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def axis_span(dates: list[date], fallback: tuple[date, date]) -> tuple[date, date, str]:
    """The first and last day of the x axis, and its scale, snapped to whole units.

    Implausible dates are left out (see the module doc); the plan's period always counts."""
    dates = [day for day in dates if is_plausible_date(day)]
    first = min(dates + [fallback[0]])
    last = max(dates + [fallback[1]])
    months = _months_between(first, last)
    if months <= MONTHS_UP_TO:
        scale = "months"
        start = date(first.year, first.month, 1)
        end = date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    else:
        scale = "quarters" if months <= QUARTERS_UP_TO else "years"
        start, end = date(first.year, 1, 1), date(last.year, 12, 31)
    return start, end, scale


def build_gantt(
    groups,
    undated,
    *,
    plan_period: tuple[date, date],
    today: date,
    span_dates: list[date] | None = None,
    undated_total: int | None = None,
) -> Gantt:
    """The chart for `groups` (objects with `label`, `rows` and optionally `total`) and the
    `undated` rows.

    A row has `activity` (with pk, title, status, starts_on, ends_on, period_text), `late`
    and `milestones` (with title, due_on, done_on). A page of a longer timetable passes the
    dates of all its activities (`span_dates`) so that every page has the same axis, and the
    groups' totals so that a group's label counts its activities on every page.
    """
    dated_rows = [row for group in groups for row in group.rows]
    if span_dates is None:
        span_dates = [
            d for row in dated_rows for d in (row.activity.starts_on, row.activity.ends_on)
        ]
        span_dates += [m.due_on for row in dated_rows + list(undated) for m in row.milestones]
    start, end, scale = axis_span(span_dates, plan_period)
    gantt = Gantt(starts_on=start, ends_on=end, scale=scale)
    x = Axis(start, end, gantt.plot_width)

    _axis(gantt, x)

    y = HEADER
    index = 0
    sections = [(g.label, g.rows, getattr(g, "total", 0) or len(g.rows)) for g in groups]
    if undated:
        sections.append((_("Uden periode"), list(undated), undated_total or len(undated)))
    for label, rows, total in sections:
        gantt.groups.append(
            GroupLabel(
                truncate(label, LEFT - 16, CHAR_WIDTH * 1.05),
                y,
                GROUP_ROW,
                y + GROUP_ROW / 2,
                total,
            )
        )
        y += GROUP_ROW
        for row in rows:
            gantt.bars.append(_bar(row, y, x, today, stripe=index % 2 == 1))
            index += 1
            y += ROW
    gantt.plot_bottom = y
    gantt.height = int(y)
    if start <= today <= end:
        gantt.height = int(y + FOOT)
        gantt.today_x = x.start_of(today)
        gantt.today_label = _("I dag, %(day)s") % {"day": short_date(today)}
    return gantt


class Axis:
    """Where a day starts and ends on the x axis from `start` to `end`, `width` units wide.

    A day before the axis is placed at its left edge, one after it at its right edge."""

    def __init__(self, start: date, end: date, width: int):
        self.start, self.days, self.width = start, (end - start).days + 1, width

    def _at(self, offset: int) -> float:
        offset = min(max(offset, 0), self.days)
        return round(LEFT + offset / self.days * self.width, 1)

    def start_of(self, day: date) -> float:
        return self._at((day - self.start).days)

    def end_of(self, day: date) -> float:
        return self._at((day - self.start).days + 1)


def _axis(gantt: Gantt, x: Axis) -> None:
    start, end = gantt.starts_on, gantt.ends_on
    for year in range(start.year, end.year + 1):
        x1 = x.start_of(max(start, date(year, 1, 1)))
        x2 = x.end_of(min(end, date(year, 12, 31)))
        gantt.years.append(Band(x1, round(x2 - x1, 1), str(year), round((x1 + x2) / 2, 1)))
    if gantt.scale == "years":
        return
    step = 1 if gantt.scale == "months" else 3
    months = month_abbreviations()
    current = date(start.year, start.month, 1)
    while current <= end:
        month_after = current.month - 1 + step
        following = date(current.year + month_after // 12, month_after % 12 + 1, 1)
        # The axis ends on a unit's last day, so `following` is at most the day after the end.
        x1, x2 = x.start_of(current), x.start_of(following)
        if step == 1:
            label = months[current.month - 1].rstrip(".")
        else:
            label = _("K%(quarter)s") % {"quarter": (current.month - 1) // 3 + 1}
        gantt.units.append(
            Band(x1, round(x2 - x1, 1), label, round((x1 + x2) / 2, 1), x2 - x1 >= 18)
        )
        current = following


def _bar(row, top: float, x: Axis, today: date, *, stripe: bool) -> Bar:
    activity = row.activity
    room = label_room(row.late)
    center = top + ROW / 2
    bar = Bar(
        activity_id=activity.pk,
        label=truncate(activity.title, room),
        title=activity.title,
        status=activity.status,
        status_label=str(activity.get_status_display()),
        late=row.late,
        top=top,
        height=ROW,
        text_y=center,
        period=activity.period_text,
        stripe=stripe,
    )
    if activity.starts_on and activity.ends_on:
        x1 = x.start_of(activity.starts_on)
        x2 = x.end_of(activity.ends_on)
        bar.x = x1
        bar.width = max(round(x2 - x1, 1), 4.0)
        bar.y = round(center - BAR / 2, 1)
    for milestone in row.milestones:
        mx = x.start_of(milestone.due_on)
        if milestone.done_on:
            css, state = "ms-done", _("nået %(day)s") % {"day": short_date(milestone.done_on)}
        elif milestone.due_on < today:
            css, state = "ms-late", _("ikke nået")
        else:
            css, state = "ms-open", _("ikke nået endnu")
        bar.milestones.append(
            Diamond(
                mx,
                center,
                f"{mx},{center - DIAMOND} {mx + DIAMOND},{center} "
                f"{mx},{center + DIAMOND} {mx - DIAMOND},{center}",
                f"{milestone.title}: {short_date(milestone.due_on)} ({state})",
                css,
            )
        )
    return bar
