"""The steering pages of a plan, for staff and the committee: what changed since a date and which
owners are behind, and resources against results. Read-only; thin: parse, check, call, render."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from actions import queries
from actions.models import Activity
from actions.reminders.queries import owners_behind
from actions.resources import build_chart, resource_report
from actions.rules import DEFAULT_CYCLE, cycle_label
from actions.steering import changes_since
from core import pagecache
from core.htmx import render_results
from core.ids import page_number_of
from core.scoping import member_object_or_404, member_required
from strategy.enums import PlanStatus
from strategy.models import Goal, Plan

NAV = "timetables"
DEFAULT_DAYS_BACK = 90
# Activities with changes shown per page; 'show more' fetches the next.
CHANGES_PAGE_SIZE = 100


def _plan(member, plan_id: int) -> Plan:
    """The municipality's action plan or timetable, or 404."""
    plans = queries.timetables().select_related("steering", "steering__committee")
    return member_object_or_404(plans, member, pk=plan_id)


def _steering_of(plan):
    return getattr(plan, "steering", None)


def parse_since(raw: str | None, today: date) -> tuple[date, bool]:
    """The date from the query (YYYY-MM-DD, as a date input sends it), or 90 days ago.

    Returns the date and whether the given value had to be replaced. A date after today is
    replaced too: nothing can have changed since then."""
    default = today - timedelta(days=DEFAULT_DAYS_BACK)
    if not raw:
        return default, False
    try:
        since = date.fromisoformat(raw)
    except ValueError:
        return default, True
    if since > today or since.year < 1970:
        return default, True
    return since, False


@member_required
def steering(request, member, plan_id: int):
    """What changed since a date (default: 90 days ago), own activities first, and the owners
    who are behind with their updates or deadlines."""
    plan = _plan(member, plan_id)
    today = timezone.localdate()
    since, invalid = parse_since(request.GET.get("siden"), today)
    steering_ = _steering_of(plan)
    context = {
        "member": member,
        "nav": NAV,
        "plan": plan,
        "steering": steering_,
        "cycle": cycle_label(steering_.reporting_cycle if steering_ else DEFAULT_CYCLE),
        "today": today,
        "since": since,
        "invalid_since": invalid,
        "shortcuts": [
            (days, today - timedelta(days=days)) for days in (30, DEFAULT_DAYS_BACK, 180, 365)
        ],
    }

    page_number = page_number_of(request.GET.get("side"))

    def body() -> str:
        # The plan's goals and those of the strategy it carries out, whose measurements its
        # reporting cycle calls for (`actions.reminders.queries.goal_cycles`).
        goals = Goal.objects.filter(Q(plan=plan) | Q(plan_id=plan.implements_id))
        owners = owners_behind(Activity.objects.filter(plan=plan), today, goals)
        changes = changes_since(plan, since, request.user)
        start = (page_number - 1) * CHANGES_PAGE_SIZE
        shown = context | {
            "changes": changes,
            "shown_groups": changes.page(start, CHANGES_PAGE_SIZE),
            "next_page": (
                page_number + 1 if len(changes.groups) > start + CHANGES_PAGE_SIZE else None
            ),
            "behind": [row for row in owners if row.is_behind],
            "up_to_date": [row for row in owners if not row.is_behind],
        }
        return render_to_string("actions/_steering_body.html", shown, request)

    # The reader's own activities come first, so each reader has a cached page of their own.
    context["results"] = pagecache.cached(
        municipality_id=member.municipality.pk,
        name="steering",
        params=(plan.pk, since, request.user.pk, page_number),
        compute=body,
    )
    return render(request, "actions/steering_page.html", context)


@member_required
def owners_behind_overview(request, member):
    """The owners who are behind across the municipality's adopted plans: a section of the
    dashboard (loaded by htmx), or a page of its own."""

    def section() -> str:
        activities = Activity.objects.of_municipality(member.municipality).filter(
            plan__status=PlanStatus.ADOPTED
        )
        goals = Goal.objects.of_municipality(member.municipality).filter(
            plan__status=PlanStatus.ADOPTED
        )
        owners = owners_behind(activities, timezone.localdate(), goals)
        behind = [row for row in owners if row.is_behind]
        return render_to_string(
            "actions/_owners_behind_section.html", {"member": member, "behind": behind}, request
        )

    return render_results(
        request,
        results=pagecache.cached(
            municipality_id=member.municipality.pk, name="behind", params=(), compute=section
        ),
        page="actions/owners_behind_page.html",
        context={"member": member, "nav": "dashboard"},
    )


@member_required
def resources(request, member, plan_id: int):
    """Budget, spent and hours per focus area beside the progress of the goals served."""
    plan = _plan(member, plan_id)
    report = resource_report(plan, timezone.localdate())
    context = {
        "member": member,
        "nav": NAV,
        "plan": plan,
        "steering": _steering_of(plan),
        "report": report,
        "chart": build_chart(report.rows),
    }
    return render(request, "actions/resources_page.html", context)
