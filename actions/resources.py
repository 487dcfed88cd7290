"""Resources against results, as Ballerup planned to evaluate them in spring 2009.

Per plan and per theme (focus area, indsatsområde): the sum of the activities' budget, spent and
hours, the number of activities, and beside it the progress of the goals those activities serve.

How the figures are computed, so that nobody has to trust a black box:

- An activity counts in every theme it serves, so the themes' rows can add up to more than the
  plan's total; the total counts each activity once. Activities without a theme have a row of
  their own ("Uden tema").
- A missing budget, spent or hours counts as nothing in the sums; the number of activities
  without a budget is given, so a low sum is not mistaken for a cheap plan.
- Only the municipality's own themes and goals count; a stray link to another municipality's is
  left out.
- The goals of a row are the distinct goals its activities serve: a goal served by three
  activities of a theme is counted once in that theme. Goal progress is
  the goal's stored progress (0 to 1, a parent's from the roll-up of its
  children), and a row's progress is the plain average over its goals that have one.

A fixed number of queries, however many activities, themes and goals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from actions.models import Activity, PlanSteering
from strategy.charts import nice_ticks
from strategy.models import Goal, Theme
from strategy.queries import EvaluatedGoal, stored, stored_goals
from strategy.services import refresh_stale_goal_status

ZERO = Decimal(0)


@dataclass
class ResourceRow:
    label: str
    theme: Theme | None = None
    budget: Decimal = ZERO
    spent: Decimal = ZERO
    hours: Decimal = ZERO
    activities: int = 0
    without_budget: int = 0
    goals: list[EvaluatedGoal] = field(default_factory=list)
    _goal_ids: set = field(default_factory=set, repr=False)

    def add(self, activity: Activity, goals: list[EvaluatedGoal]) -> None:
        self.activities += 1
        self.budget += activity.budget or ZERO
        self.spent += activity.spent or ZERO
        self.hours += activity.hours or ZERO
        if activity.budget is None:
            self.without_budget += 1
        for goal in goals:
            if goal.goal.pk not in self._goal_ids:
                self._goal_ids.add(goal.goal.pk)
                self.goals.append(goal)

    @property
    def measured_goals(self) -> list[EvaluatedGoal]:
        return [goal for goal in self.goals if goal.progress is not None]

    @property
    def progress(self) -> float | None:
        """The average progress of the row's goals that have a progress figure (0 to 1)."""
        measured = self.measured_goals
        if not measured:
            return None
        return sum(goal.progress for goal in measured) / len(measured)

    @property
    def spent_share(self) -> Decimal | None:
        return self.spent / self.budget if self.budget else None


@dataclass
class ResourceReport:
    plan: object
    steering: PlanSteering | None
    total: ResourceRow
    rows: list[ResourceRow]

    @property
    def pool(self) -> Decimal | None:
        return self.steering.resource_pool if self.steering else None

    @property
    def budget_share_of_pool(self) -> Decimal | None:
        return self.total.budget / self.pool if self.pool else None


def _plan_activities(plan):
    """The plan's activities with the ids of their themes and goals within the municipality (a
    stray link to another municipality's theme or goal is left out)."""
    municipality = plan.municipality_id
    return Activity.objects.filter(plan=plan).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.of_municipality(municipality).only("pk")),
        Prefetch("goals", queryset=Goal.objects.of_municipality(municipality).only("pk")),
    )


def _evaluated(goal_ids: set[int], today) -> dict[int, EvaluatedGoal]:
    """The goals with their stored status and progress (a parent's from its roll-up)."""
    if not goal_ids:
        return {}
    goals = Goal.objects.filter(pk__in=goal_ids)
    refresh_stale_goal_status(goals, today)
    return {goal.pk: stored(goal) for goal in stored_goals(goals)}


def resource_report(plan, today=None) -> ResourceReport:
    """The plan's resources against the progress of the goals its activities serve."""
    today = today or timezone.localdate()
    activities = list(_plan_activities(plan))
    goal_ids = {goal.pk for activity in activities for goal in activity.goals.all()}
    evaluated = _evaluated(goal_ids, today)
    used_theme_ids = {theme.pk for activity in activities for theme in activity.themes.all()}
    themes = list(
        Theme.objects.filter(Q(plan=plan) | Q(pk__in=used_theme_ids))
        .select_related("plan")
        .order_by()
    )
    # The plan's own themes in its order, then themes of other plans (a strategy's) it uses.
    themes.sort(key=lambda t: (t.plan_id != plan.pk, t.plan_id, t.order, t.pk))
    rows = {theme.pk: ResourceRow(theme.title, theme) for theme in themes}
    no_theme = ResourceRow(_("Uden tema"))
    total = ResourceRow(_("Hele planen"))
    for activity in activities:
        served = [evaluated[g.pk] for g in activity.goals.all() if g.pk in evaluated]
        total.add(activity, served)
        activity_themes = list(activity.themes.all())
        for theme in activity_themes:
            rows[theme.pk].add(activity, served)
        if not activity_themes:
            no_theme.add(activity, served)
    ordered = [rows[theme.pk] for theme in themes]
    if no_theme.activities:
        ordered.append(no_theme)
    steering = getattr(plan, "steering", None)  # None when the plan has no steering
    return ResourceReport(plan, steering, total, ordered)


# The chart: budget and spent per theme as horizontal bars, goal progress beside them.

WIDTH = 760
MONEY_LEFT, MONEY_RIGHT = 8, 470
PROGRESS_LEFT, PROGRESS_RIGHT = 520, 700
TOP = 30
ROW_HEIGHT = 64
LABEL_CHARS = 72
INSIDE_FROM = 330  # a bar longer than this has room for its value inside it


@dataclass
class ChartBar:
    x: float
    y: float
    width: float
    height: float
    value: object
    label_x: float = 0.0
    inside: bool = False  # the value is written inside the bar, right-aligned

    def __post_init__(self):
        self.inside = self.width > INSIDE_FROM
        self.label_x = round(self.x + self.width + (-6 if self.inside else 6), 1)
        self.label_y = round(self.y + self.height / 2, 1)


@dataclass
class ChartRow:
    row: ResourceRow
    label: str
    label_y: float
    budget: ChartBar
    spent: ChartBar
    progress: ChartBar | None
    progress_y: float


@dataclass
class ResourceChart:
    width: int
    height: int
    rows: list[ChartRow]
    ticks: list[tuple[float, float]]
    money_left: int = MONEY_LEFT
    money_right: int = MONEY_RIGHT
    progress_left: int = PROGRESS_LEFT
    progress_right: int = PROGRESS_RIGHT
    progress_ticks: list[tuple[float, int]] = field(default_factory=list)
    progress_span: int = PROGRESS_RIGHT - PROGRESS_LEFT
    top: int = TOP
    bottom: float = 0


def _truncate(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def build_chart(rows: list[ResourceRow]) -> ResourceChart | None:
    """Coordinates for the template's SVG; None when there is nothing to draw."""
    if not rows:
        return None
    high = max([float(r.budget) for r in rows] + [float(r.spent) for r in rows])
    ticks = nice_ticks(0.0, high) if high > 0 else [0.0, 1.0]
    scale_max = ticks[-1]
    span = MONEY_RIGHT - MONEY_LEFT

    def x(value) -> float:
        return round(MONEY_LEFT + float(value) / scale_max * span, 1)

    def width(value) -> float:
        return round(float(value) / scale_max * span, 1)

    progress_span = PROGRESS_RIGHT - PROGRESS_LEFT
    chart_rows = []
    for index, row in enumerate(rows):
        top = TOP + index * ROW_HEIGHT
        progress = row.progress
        chart_rows.append(
            ChartRow(
                row=row,
                label=_truncate(row.label),
                label_y=top + 12,
                budget=ChartBar(MONEY_LEFT, top + 20, width(row.budget), 14, row.budget),
                spent=ChartBar(MONEY_LEFT, top + 38, width(row.spent), 14, row.spent),
                progress=ChartBar(
                    PROGRESS_LEFT,
                    top + 26,
                    round(min(max(progress, 0.0), 1.0) * progress_span, 1),
                    16,
                    progress,
                )
                if progress is not None
                else None,
                progress_y=top + 26,
            )
        )
    bottom = TOP + len(rows) * ROW_HEIGHT
    return ResourceChart(
        width=WIDTH,
        height=bottom + 28,
        rows=chart_rows,
        ticks=[(x(tick), tick) for tick in ticks],
        progress_ticks=[
            (round(PROGRESS_LEFT + share * progress_span, 1), int(share * 100))
            for share in (0, 0.5, 1)
        ],
        bottom=bottom,
    )
