"""Pages for staff and the committee: dashboard, plans, goals. Thin: parse, check, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core import pagecache
from core.access import Rule, access
from core.forms import save_form
from core.htmx import render_results
from core.ids import page_number_of
from core.scoping import (
    editor_required,
    member_object_or_404,
    member_required,
    public_or_member_object_or_404,
)
from strategy import documents, queries
from strategy.charts import build_chart
from strategy.enums import DataSource, GoalStatus
from strategy.forms import GoalForm, MeasurementForm
from strategy.models import Goal, Plan
from strategy.services import current_statuses, record_measurement, update_goal


def _member_goal(member, goal_id: int) -> Goal:
    return member_object_or_404(
        Goal.objects.select_related("plan", "plan__municipality", "track"), member, pk=goal_id
    )


@member_required
def dashboard(request, member):
    """Every goal of the municipality, worst first, filtered by plan, track and status.

    The owners who are behind with their activities are loaded into the page by htmx from the
    actions app, which owns that rule."""
    parts = current_statuses(
        pagecache.Parts(member.municipality.pk),
        Goal.objects.of_municipality(member.municipality),
        ("municipality",),
    )
    plans, tracks = parts.get(
        "dashboard-options", (), lambda: queries.dashboard_options(member.municipality)
    )
    filters = queries.DashboardFilters.from_query(request.GET, plans=plans, tracks=tracks)
    page_number = page_number_of(request.GET.get("side"))

    def results() -> str:
        page = queries.dashboard_page(member.municipality, filters, page_number)
        context = {"member": member, "filters": filters, "page": page, "rows": page.rows}
        return render_to_string(
            "strategy/_dashboard_results.html", context | {"summary": page.summary}, request
        )

    return render_results(
        request,
        results=parts.get("dashboard", (filters, page_number), results),
        page="strategy/dashboard.html",
        context={
            "member": member,
            "nav": "dashboard",
            "plans": plans,
            "tracks": tracks,
            "statuses": GoalStatus,
            "filters": filters,
        },
    )


@member_required
def plan_list(request, member):
    plans = queries.plans_of(member.municipality)
    return render(
        request, "strategy/plan_list.html", {"member": member, "nav": "plans", "plans": plans}
    )


@member_required
def plan_detail(request, member, plan_id: int):
    """The plan as a tree: tracks, their themes, and the goals under each, with status."""
    plan = member_object_or_404(
        Plan.objects.select_related("municipality", "implements"), member, pk=plan_id
    )
    parts = current_statuses(
        pagecache.Parts(member.municipality.pk), plan.goals.all(), ("plan", plan.pk)
    )
    body = parts.get(
        "plan",
        (plan.pk,),
        lambda: render_to_string(
            "strategy/_plan_body.html",
            {"member": member, "tree": queries.plan_tree(plan)},
            request,
        ),
    )
    return render(
        request,
        "strategy/plan_detail.html",
        {"member": member, "nav": "plans", "plan": plan, "results": body},
    )


@access(Rule.PUBLIC_WHEN_ADOPTED)
def plan_document(request, code: str, plan_id: int):
    """The plan's source document, by the plan's rule: anyone's once the plan is adopted, only
    the municipality's members' before (others get 404, as if it did not exist)."""
    _municipality, plan = public_or_member_object_or_404(Plan, request.user, code, pk=plan_id)
    if not plan.source_document:
        raise Http404
    try:
        return documents.document_response(plan)
    except FileNotFoundError as error:
        raise Http404 from error


def _goal_parts(request, member, goal_id: int, today) -> dict[str, str]:
    """The goal page's status line, chart, roll-up and measurements, and its facts and history,
    rendered: everything but the form, which holds the reader's CSRF token."""
    goal = member_object_or_404(
        queries.goals_with_measurements(Goal.objects.all()), member, pk=goal_id
    )
    evaluated = queries.goal_page_evaluation(goal, today)
    context = {
        "member": member,
        "goal": goal,
        "item": evaluated,
        "chart": build_chart(goal, evaluated.result, today),
        "history": queries.goal_history(goal),
        "measurements": list(goal.measurements.all())[::-1],
        "last_counted": max(
            (m.counted_at for m in goal.measurements.all() if m.counted_at), default=None
        ),
    }
    return {
        part: render_to_string(f"strategy/_goal_{part}.html", context, request)
        for part in ("status", "main", "aside")
    }


def _goal_page(request, member, goal: Goal, form=None, status: int = 200):
    """The goal page: its parts computed once per data version (`core.pagecache`), the
    measurement form for editors, re-shown with what they typed when `form` is given."""
    today = timezone.localdate()
    cached = current_statuses(
        pagecache.Parts(member.municipality.pk),
        Goal.objects.filter(Q(pk=goal.pk) | Q(parent=goal)),
        ("goal", goal.pk),
    )
    parts = cached.get("goal", (goal.pk,), lambda: _goal_parts(request, member, goal.pk, today))
    if form is None and member.can_edit and goal.data_source == DataSource.MANUAL:
        form = MeasurementForm(goal=goal, initial={"measured_on": today})
    context = {"member": member, "nav": "plans", "goal": goal, "parts": parts, "form": form}
    return render(request, "strategy/goal_detail.html", context, status=status)


@member_required
def goal_detail(request, member, goal_id: int):
    return _goal_page(request, member, _member_goal(member, goal_id))


@editor_required
def measurement_create(request, member, goal_id: int):
    """Record a measurement; on error, re-show the form with what the user typed."""
    goal = _member_goal(member, goal_id)
    if request.method != "POST":
        return redirect("strategy:goal", code=member.municipality.code, goal_id=goal.pk)
    form = MeasurementForm(request.POST, goal=goal)
    if (
        save_form(
            form, lambda: record_measurement(goal=goal, user=request.user, **form.cleaned_data)
        )
        is None
    ):
        messages.success(request, _("Målingen er gemt."))
        return redirect("strategy:goal", code=member.municipality.code, goal_id=goal.pk)
    return _goal_page(request, member, goal, form=form, status=400)


@editor_required
def goal_edit(request, member, goal_id: int):
    """Edit a goal; a save based on an outdated version is refused, nothing is overwritten."""
    goal = _member_goal(member, goal_id)
    status = 200
    if request.method == "POST":
        form = GoalForm(request.POST, instance=goal)
        status = save_form(
            form,
            lambda: update_goal(
                goal=goal,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                changes=form.changes(),
            ),
        )
        if status is None:
            messages.success(request, _("Målet er gemt."))
            return redirect("strategy:goal", code=member.municipality.code, goal_id=goal.pk)
    else:
        form = GoalForm(instance=goal)
    return render(
        request,
        "strategy/goal_edit.html",
        {"member": member, "nav": "plans", "goal": goal, "form": form},
        status=status,
    )
