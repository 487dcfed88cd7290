"""Public transparency pages of a municipality, no login: its adopted plans, their goals with
status, chart and source, their activities with status, its documents and its figures from
Statistics Denmark; and the accessibility statement. Only what `public.queries` selects is shown.

The pages' bodies hold no per-reader data and are kept in the page cache (`core.pagecache`)
under the municipality's data version, so they are computed once per change, not per visit.
"""

from __future__ import annotations

from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from core import pagecache
from core.access import Rule, access
from core.ids import page_number_of
from officialstats.benchmarks import comparison
from strategy import queries as strategy_queries
from strategy.charts import build_chart
from strategy.models import Goal
from strategy.services import current_statuses
from transparency import queries


def _page(request, template: str, context: dict):
    return render(request, template, {**context, "public": True})


@access(Rule.PUBLIC)
@require_safe
def municipality(request, code: str):
    """The municipality's adopted plans and its official figures compared with its neighbours."""
    place = queries.municipality_or_404(code)

    def body() -> str:
        return render_to_string(
            "transparency/_municipality.html",
            {
                "municipality": place,
                "plans": list(queries.plans_of(place)),
                "comparisons": [comparison(series) for series in queries.series_of(place)],
            },
        )

    return _page(
        request,
        "transparency/municipality.html",
        {
            "municipality": place,
            "body": pagecache.cached(
                municipality_id=place.pk, name="public-municipality", params=(), compute=body
            ),
        },
    )


@access(Rule.ADOPTED_ONLY)
@require_safe
def plan(request, code: str, plan_id: int):
    """An adopted plan: its facts, document, goals with status, key figures, commitments and,
    for an action plan or timetable, its activities with status (100 a page)."""
    place = queries.municipality_or_404(code)
    shown = queries.plan_or_404(place, plan_id)
    page_number = page_number_of(request.GET.get("side"))
    parts = current_statuses(pagecache.Parts(place.pk), shown.goals.all(), ("plan", shown.pk))

    def body() -> str:
        activities, more = (
            queries.activities_page(shown, page_number)
            if shown.kind in queries.ACTIVITY_PLANS
            else ([], False)
        )
        return render_to_string(
            "transparency/_plan.html",
            {
                "municipality": place,
                "plan": shown,
                "tree": strategy_queries.plan_tree(shown),
                "goal_view": "public:goal",
                "code": place.code,
                "activities": activities,
                "next_page": page_number + 1 if more else None,
                "page_number": page_number,
            },
        )

    return _page(
        request,
        "transparency/plan.html",
        {
            "municipality": place,
            "plan": shown,
            "body": parts.get("public-plan", (shown.pk, page_number), body),
        },
    )


@access(Rule.ADOPTED_ONLY)
@require_safe
def goal(request, code: str, goal_id: int):
    """A goal of an adopted plan: status and why, chart, sub-goals, the figures and their
    source."""
    place = queries.municipality_or_404(code)
    shown = queries.goal_or_404(place, goal_id)
    parts = current_statuses(
        pagecache.Parts(place.pk),
        Goal.objects.filter(pk=shown.pk) | Goal.objects.filter(parent=shown),
        ("goal", shown.pk),
    )

    def body() -> str:
        today = timezone.localdate()
        item = strategy_queries.goal_page_evaluation(shown, today)
        public_ids = queries.public_children(shown)
        return render_to_string(
            "transparency/_goal.html",
            {
                "municipality": place,
                "goal": shown,
                "item": item,
                "children": [child for child in item.children if child.goal.pk in public_ids],
                "chart": build_chart(shown, item.result, today),
                "measurements": list(shown.measurements.all())[::-1],
                "series": getattr(shown, "official_series", None),
            },
        )

    return _page(
        request,
        "transparency/goal.html",
        {
            "municipality": place,
            "goal": shown,
            "body": parts.get("public-goal", (shown.pk,), body),
        },
    )


@access(Rule.PUBLIC)
@require_safe
def accessibility(request):
    """The accessibility statement (tilgængelighedserklæring) the Danish web-accessibility law
    asks of public sites, after the Agency for Digital Government's template."""
    return _page(request, "transparency/accessibility.html", {})
