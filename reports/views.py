"""Committee reports: a plan's reports, asking for one, following its job, reading and sending it;
and the exports of a plan's tables and charts.

Every view is for members of the municipality (`member_required`: outsiders get 404); committee
readers read, only editors ask for and send reports (`editor_required`: 403). Thin: parse, check,
call `reports.services` or a query, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actions.exchange import plan_slug
from core import svg as svg_files
from core.forms import save_form
from core.scoping import editor_required, member_object_or_404, member_required
from officialstats.models import OfficialSeries
from reports import exports, queries, tables
from reports.forms import ReportRequestForm
from reports.models import ReportVersion
from reports.services import request_report, send_report
from strategy import queries as strategy_queries
from strategy.documents import download_name
from strategy.models import Goal, Plan

# The stored report is a document of its own: its styles are inline, its logo a data: URI, its
# fonts Kurs' static files; it can run no script, submit nothing and be framed by nobody.
DOCUMENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _plan(member, plan_id: int) -> Plan:
    return member_object_or_404(Plan.objects.select_related("municipality"), member, pk=plan_id)


def _report(member, report_id: int):
    return member_object_or_404(queries.report_page(report_id), member, pk=report_id)


def _plan_page(request, member, plan, form, status=200):
    context = {
        "member": member,
        "nav": "plans",
        "plan": plan,
        "reports": queries.reports_of_plan(plan),
        "form": form,
    }
    return render(request, "reports/plan_reports.html", context, status=status)


@member_required
def plan_reports(request, member, plan_id: int):
    """The plan's reports, newest first, and for editors the form to ask for a new one."""
    plan = _plan(member, plan_id)
    form = None
    if member.can_edit:
        form = ReportRequestForm(
            initial={
                "title": _("Status for %(plan)s") % {"plan": plan.title},
                "recommendation": _("Udvalget bedes tage statusrapporten til efterretning."),
            }
        )
    return _plan_page(request, member, plan, form)


@editor_required
@require_POST
def report_request(request, member, plan_id: int):
    """Ask for a report; it is built in the background and its page shows the progress."""
    plan = _plan(member, plan_id)
    form = ReportRequestForm(request.POST)
    created = {}

    def save():
        created["report"] = request_report(plan=plan, user=request.user, **form.cleaned_data)

    status = save_form(form, save)
    if status is not None:
        return _plan_page(request, member, plan, form, status=status)
    return redirect("reports:report", code=member.municipality.code, report_id=created["report"].pk)


@member_required
def report_detail(request, member, report_id: int):
    report = _report(member, report_id)
    return render(
        request,
        "reports/report_detail.html",
        {"member": member, "nav": "plans", "report": report, "plan": report.plan},
    )


@member_required
def report_progress(request, member, report_id: int):
    """The report's state and progress: the fragment its page polls (htmx) until it is done."""
    report = _report(member, report_id)
    return render(request, "reports/_progress.html", {"member": member, "report": report})


@editor_required
@require_POST
def report_send(request, member, report_id: int):
    """Mark the report as sent to the committee: final from then on."""
    report = _report(member, report_id)
    try:
        send_report(report=report, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Rapporten er markeret som sendt til udvalget."))
    return redirect("reports:report", code=member.municipality.code, report_id=report.pk)


def _version(member, report_id: int) -> ReportVersion:
    return member_object_or_404(queries.version_documents(), member, report_id=report_id)


@member_required
def report_html(request, member, report_id: int):
    """The report's HTML exactly as it was rendered (and, once sent, as it was sent)."""
    version = _version(member, report_id)
    response = HttpResponse(version.html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = DOCUMENT_POLICY
    return response


@member_required
def report_pdf(request, member, report_id: int):
    """The report's PDF exactly as it was rendered (and, once sent, as it was sent)."""
    version = _version(member, report_id)
    response = HttpResponse(bytes(version.pdf), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        False, download_name(f"{version.report.title} {version.as_of.isoformat()}", "pdf")
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Exports: tables and charts as files, for every member of the municipality.


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@member_required
def table_export(request, member, plan_id: int, table: str, fmt: str):
    """The plan's goals, measurements or activities as .xlsx or .csv."""
    plan = _plan(member, plan_id)
    content = tables.WRITERS[fmt](exports.table(plan, table))
    return _download(content, tables.CONTENT_TYPES[fmt], f"{table}-{plan_slug(plan)}.{fmt}")


def _chart_response(svg: str | None, fmt: str, filename: str) -> HttpResponse:
    if svg is None:
        raise Http404
    if fmt == "png":
        return _download(svg_files.png(svg), "image/png", f"{filename}.png")
    response = _download(svg.encode("utf-8"), "image/svg+xml", f"{filename}.svg")
    # An SVG is a document that could hold script: these are Kurs' own, and may run none.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@member_required
def goal_chart(request, member, goal_id: int, fmt: str):
    """The goal's chart as on its page, as SVG or PNG (404 for a goal without a chart)."""
    goal = member_object_or_404(
        strategy_queries.goals_with_measurements(Goal.objects.all()), member, pk=goal_id
    )
    return _chart_response(exports.goal_chart(goal), fmt, f"maal-{goal.pk}")


@member_required
def plan_chart(request, member, plan_id: int, chart: str, fmt: str):
    """The plan's Gantt chart (every activity) or resources against results, SVG or PNG."""
    plan = _plan(member, plan_id)
    svg = exports.gantt_chart(plan) if chart == "tidslinje" else exports.resources_chart(plan)
    return _chart_response(svg, fmt, f"{chart}-{plan_slug(plan)}")


@member_required
def series_chart(request, member, series_id: int, fmt: str):
    """An official figure compared between areas, as on the public page, as SVG or PNG (404
    for a series without areas or figures)."""
    series = member_object_or_404(OfficialSeries.objects.all(), member, pk=series_id)
    return _chart_response(exports.comparison_chart(series), fmt, f"statistik-{series.pk}")
