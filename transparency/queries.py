"""What the public pages read: adopted plans only, and of them only what is public.

Public: an adopted plan's facts, summary, tracks, themes, key figures, commitments and document;
its goals with their indicator, baseline, target, stored status, chart and measurements (date,
value, source); its activities' title, description, period, status, themes and responsible unit;
the municipality's figures from Statistics Denmark. Never shown: drafts (and goals or activities
in them), internal notes of plans and goals, measurement notes and who entered them, goal and
activity owners, budgets, spending, hours, resource pools and status updates (the API's rule,
`api.views`). The querysets below select only the public columns of activities, so a template
cannot show the others by mistake.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from actions.models import Activity
from core.models import Municipality, normalise_municipality_code
from officialstats.models import OfficialSeries
from strategy.enums import PlanKind, PlanStatus
from strategy.models import Goal, Measurement, Plan, Theme

ACTIVITY_PAGE_SIZE = 100
ACTIVITY_PLANS = {PlanKind.ACTION_PLAN, PlanKind.TIMETABLE}


def municipality_or_404(code: str) -> Municipality:
    try:
        code = normalise_municipality_code(code)
    except ValueError:
        code = ""
    return get_object_or_404(Municipality, code=code)


def plans_of(municipality: Municipality) -> QuerySet[Plan]:
    return (
        Plan.objects.of_municipality(municipality)
        .public()
        .only("pk", "title", "kind", "period_start", "period_end", "adopted_on", "summary")
        .order_by("-period_start", "title")
    )


def plan_or_404(municipality: Municipality, plan_id: int) -> Plan:
    return get_object_or_404(
        Plan.objects.of_municipality(municipality).public().select_related("implements"),
        pk=plan_id,
    )


def goal_or_404(municipality: Municipality, goal_id: int) -> Goal:
    """An adopted plan's goal with its measurements (public columns), its plan and track."""
    goals = (
        Goal.objects.of_municipality(municipality)
        .filter(plan__status=PlanStatus.ADOPTED)
        .select_related("plan", "track", "theme", "official_series")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.only(
                    "pk",
                    "goal_id",
                    "measured_on",
                    "value",
                    "assessment",
                    "source",
                    "is_illustrative",
                ).order_by("measured_on", "pk"),
            )
        )
    )
    return get_object_or_404(goals, pk=goal_id)


def public_children(goal: Goal) -> set[int]:
    """Ids of the goal's sub-goals in adopted plans: the only ones a public page may name."""
    return set(
        Goal.objects.filter(parent=goal, plan__status=PlanStatus.ADOPTED).values_list(
            "pk", flat=True
        )
    )


def activities_page(plan: Plan, page: int) -> tuple[list[Activity], bool]:
    """A page of the plan's activities with their public columns and themes; and whether more
    follow. Two queries."""
    activities = (
        Activity.objects.filter(plan=plan)
        .only(
            "pk",
            "plan_id",
            "title",
            "description",
            "period_text",
            "starts_on",
            "ends_on",
            "status",
            "responsible_unit",
            "order",
        )
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("pk", "title")))
        .order_by("order", "pk")
    )
    start = (page - 1) * ACTIVITY_PAGE_SIZE
    window = list(activities[start : start + ACTIVITY_PAGE_SIZE + 1])
    return window[:ACTIVITY_PAGE_SIZE], len(window) > ACTIVITY_PAGE_SIZE


def series_of(municipality: Municipality) -> QuerySet[OfficialSeries]:
    """The municipality's series with their figures: two queries, however many series."""
    return OfficialSeries.objects.of_municipality(municipality).for_comparison()
