"""Excel export and import of a plan's activities, and the plan's calendar feed.

Thin: parse the upload, check permission, call `actions.exchange` or `actions.calendar`, render.
"""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from actions import exchange, queries
from actions.calendar import calendar_filename, plan_calendar
from actions.models import Activity
from core import pagecache
from core.access import Rule, access
from core.forms import DkfdsFormMixin
from core.scoping import (
    editor_required,
    member_object_or_404,
    member_required,
    public_or_member_object_or_404,
)

NAV = "timetables"
SESSION_KEY = "actions_import_result"


class ImportForm(DkfdsFormMixin, forms.Form):
    # Empty files are let through: `exchange.import_activities` explains what is wrong.
    file = forms.FileField(
        label=_("Regneark (.xlsx)"),
        allow_empty_file=True,
        help_text=_("Højst 5 MB. Brug et ark, der er eksporteret fra Kurs."),
        # The browser's own file button: DKFDS's text-box style does not suit a file input.
        widget=forms.FileInput(attrs={"accept": ".xlsx", "class": "tt-file-input"}),
        error_messages={"required": _("Vælg en fil.")},
    )


def _plan(member, plan_id: int):
    return member_object_or_404(queries.timetables(), member, pk=plan_id)


@member_required
def excel_export(request, member, plan_id: int):
    """The plan's activities as an .xlsx download, for every member of the municipality."""
    plan = _plan(member, plan_id)
    response = HttpResponse(
        exchange.export_workbook(plan=plan), content_type=exchange.XLSX_CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition_header(
        True, exchange.export_filename(plan)
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _saved_summary(request, plan) -> dict | None:
    """What the last import into `plan` saved, read once after the redirect."""
    saved = request.session.pop(SESSION_KEY, None)
    if not saved or saved.get("plan") != plan.pk:
        return None
    ids = saved["created"] + saved["updated"]
    activities = {a.pk: a for a in Activity.objects.filter(plan=plan, pk__in=ids)}
    return {
        "created": [activities[pk] for pk in saved["created"] if pk in activities],
        "updated": [activities[pk] for pk in saved["updated"] if pk in activities],
        "unchanged": saved["unchanged"],
    }


@editor_required
def excel_import(request, member, plan_id: int):
    """Upload an edited sheet; all rows are saved, or none and the errors are listed."""
    plan = _plan(member, plan_id)
    context = {"member": member, "nav": NAV, "plan": plan}
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            result = exchange.import_activities(
                plan=plan, user=request.user, file=upload, filename=upload.name
            )
            if result.ok:
                request.session[SESSION_KEY] = {
                    "plan": plan.pk,
                    "created": [a.pk for a in result.created],
                    "updated": [a.pk for a in result.updated],
                    "unchanged": len(result.unchanged),
                }
                return redirect(
                    "actions:excel_import", code=member.municipality.code, plan_id=plan.pk
                )
            context["result"] = result
        status = 400
    else:
        form = ImportForm()
        context["saved"] = _saved_summary(request, plan)
    context["form"] = form
    return render(request, "actions/import_activities.html", context, status=status)


@access(Rule.PUBLIC_WHEN_ADOPTED)
def calendar_feed(request, code: str, plan_id: int):
    """The plan's milestones, deadlines and evaluation as iCalendar, for Outlook to subscribe to.

    Outlook fetches the feed without logging in, so the feed of an adopted plan is public and
    holds public data only (titles, dates, statuses; never budgets, updates or names). A draft
    plan's feed exists only for the municipality's members.
    """
    municipality, plan = public_or_member_object_or_404(
        queries.timetables(), request.user, code, pk=plan_id
    )
    base_url = request.build_absolute_uri("/").rstrip("/")
    code = municipality.code

    def activity_url(pk: int) -> str:
        return base_url + reverse("actions:activity", kwargs={"code": code, "activity_id": pk})

    content = pagecache.cached(
        municipality_id=municipality.pk,
        name="calendar",
        params=(plan.pk, base_url),
        compute=lambda: plan_calendar(
            plan=plan,
            activity_url=activity_url,
            plan_url=base_url + reverse("actions:gantt", kwargs={"code": code, "plan_id": plan.pk}),
            now=timezone.now(),
        ),
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(False, calendar_filename(plan))
    if plan.is_public:
        patch_cache_control(response, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response
