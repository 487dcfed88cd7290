"""The timetable pages: plans, the Gantt view, the activity list, an activity and its forms.

Thin: parse, check, call a query or a service, render.
"""

from __future__ import annotations

import functools

from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actions import queries, rules
from actions.enums import ActivityStatus
from actions.forms import ActivityForm, StatusUpdateForm
from actions.models import Activity
from actions.services import record_status_update, update_activity
from core import pagecache
from core.forms import save_form
from core.htmx import render_results, wants_partial
from core.ids import page_number_of
from core.scoping import editor_required, member_object_or_404, member_required

NAV = "timetables"
# Rows of the Gantt view and the list read and drawn per page; 'show more' fetches the next.
PAGE_SIZE = 100


@member_required
def plan_list(request, member):
    """The municipality's action plans and timetables, with links to the Gantt view and list."""
    return render(
        request,
        "actions/plan_list.html",
        {"member": member, "nav": NAV, "plans": queries.timetable_plans(member.municipality)},
    )


def _timetable_page(request, member, plan_id: int, *, view: str, partial: str, page: str):
    """The Gantt view or the list of a plan: the page around the filters, and the results
    (summary and chart or table) computed once per data version and kept (`core.pagecache`)."""
    plan = member_object_or_404(queries.timetables(), member, pk=plan_id)

    cached = pagecache.Parts(member.municipality.pk).get
    # Read from the database at most once per request, only when a cached part is missing.
    options = functools.cache(lambda: queries.filter_options(plan))
    known = cached("filter-ids", (plan.pk,), lambda: options().ids)
    filters = queries.ActivityFilters.from_query(request.GET, known=known)
    is_partial = wants_partial(request)
    context = {
        "member": member,
        "nav": NAV,
        "plan": plan,
        "filters": filters,
        "statuses": ActivityStatus,
        "groupings": queries.GROUPINGS,
    }

    page_number = page_number_of(request.GET.get("side"))

    def results() -> str:
        # Every activity is indexed (a few columns each) for the summary, the order and the
        # axis; only a page of them is read in full and drawn.
        today = timezone.localdate()
        index = queries.timetable_index(plan, filters, today)
        entries = index.entries if view == "activities" else index.in_gantt_order(filters.group)
        start = (page_number - 1) * PAGE_SIZE
        rows = queries.timetable_rows(entries[start : start + PAGE_SIZE], today)
        shown = context | {
            "rows": rows,
            "summary": queries.summarise(index.entries),
            "partial": is_partial,
            "page_number": page_number,
            "next_page": page_number + 1 if len(entries) > start + PAGE_SIZE else None,
        }
        if view == "gantt":
            shown["today"] = today
            shown["chart"] = queries.gantt_chart(plan, index, rows, filters.group, today)
        return render_to_string(partial, shown, request)

    shown = cached(view, (plan.pk, filters, is_partial, page_number), results)
    if not is_partial:
        # The filter form lists every owner, partner and goal of the plan: rendered once too.
        action = reverse(
            "actions:gantt" if view == "gantt" else "actions:activities",
            kwargs={"code": member.municipality.code, "plan_id": plan.pk},
        )
        context["filters_html"] = cached(
            f"{view}-filters",
            (plan.pk, filters),
            lambda: render_to_string(
                "actions/_filters.html",
                context
                | {
                    "action": action,
                    "show_grouping": view == "gantt",
                    "options": options(),
                },
                request,
            ),
        )
    return render_results(request, results=shown, page=page, context=context)


@member_required
def gantt(request, member, plan_id: int):
    """The plan's activities on a time axis, grouped by theme or track, after the filters."""
    return _timetable_page(
        request,
        member,
        plan_id,
        view="gantt",
        partial="actions/_gantt_results.html",
        page="actions/gantt.html",
    )


@member_required
def activity_list(request, member, plan_id: int):
    """The same activities and filters as the Gantt view, as a table."""
    return _timetable_page(
        request,
        member,
        plan_id,
        view="activities",
        partial="actions/_activity_table.html",
        page="actions/activity_list.html",
    )


def _member_activity(member, activity_id: int) -> Activity:
    return member_object_or_404(queries.timetable_activities(), member, pk=activity_id)


def _activity_page(request, member, activity: Activity, form=None, status=200):
    today = timezone.localdate()
    milestones = list(activity.milestones.all())
    context = {
        "member": member,
        "nav": NAV,
        "activity": activity,
        "plan": activity.plan,
        "late": rules.is_late(activity, today, milestones),
        "milestones": [(m, rules.is_milestone_overdue(m, today)) for m in milestones],
        "spent_share": queries.spent_share(activity),
        "updates": queries.status_updates(activity),
        "history": queries.activity_history(activity),
    }
    if member.can_edit:
        context["form"] = form or StatusUpdateForm()
    return render(request, "actions/activity_detail.html", context, status=status)


@member_required
def activity_detail(request, member, activity_id: int):
    return _activity_page(request, member, _member_activity(member, activity_id))


@editor_required
def status_update_create(request, member, activity_id: int):
    """Record a status update; on error, re-show the form with what the user typed."""
    activity = _member_activity(member, activity_id)
    if request.method != "POST":
        return redirect("actions:activity", code=member.municipality.code, activity_id=activity.pk)
    form = StatusUpdateForm(request.POST)
    saved = save_form(
        form,
        lambda: record_status_update(activity=activity, user=request.user, **form.cleaned_data),
    )
    if saved is None:
        messages.success(request, _("Statusopdateringen er gemt."))
        return redirect("actions:activity", code=member.municipality.code, activity_id=activity.pk)
    return _activity_page(request, member, activity, form=form, status=400)


@editor_required
def activity_edit(request, member, activity_id: int):
    """Edit an activity; a save based on an outdated version is refused, nothing is overwritten."""
    activity = _member_activity(member, activity_id)
    status = 200
    if request.method == "POST":
        form = ActivityForm(request.POST, instance=activity)
        status = save_form(
            form,
            lambda: update_activity(
                activity=activity,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                changes=form.changes(),
                **form.lists(),
            ),
        )
        if status is None:
            messages.success(request, _("Aktiviteten er gemt."))
            return redirect(
                "actions:activity", code=member.municipality.code, activity_id=activity.pk
            )
    else:
        form = ActivityForm(instance=activity)
    return render(
        request,
        "actions/activity_edit.html",
        {"member": member, "nav": NAV, "activity": activity, "plan": activity.plan, "form": form},
        status=status,
    )
