"""Read-side queries for reports: what each page selects, never the stored HTML and PDF unless
the page serves them."""

from __future__ import annotations

from django.db.models import QuerySet

from reports.models import Report, ReportVersion

# What a list or a report's page shows of its version: everything but the rendered documents.
VERSION_FACTS = ["version__as_of", "version__page_count", "version__checksum", "version__pk"]


def reports_of_plan(plan) -> QuerySet[Report]:
    """The plan's reports, newest first, with who asked and sent them: one query."""
    return (
        Report.objects.filter(plan=plan)
        .select_related("requested_by", "sent_by", "version")
        .defer("version__html", "version__pdf", "version__snapshot")
        .order_by("-created_at", "-pk")
    )


def report_page(report_id: int) -> QuerySet[Report]:
    """A report for its own page (without the rendered documents)."""
    return (
        Report.objects.filter(pk=report_id)
        .select_related("plan", "plan__municipality", "requested_by", "sent_by", "version")
        .defer("version__html", "version__pdf", "version__snapshot")
    )


def version_documents() -> QuerySet[ReportVersion]:
    """Versions with their rendered HTML and PDF, for serving them."""
    return ReportVersion.objects.select_related("report", "report__plan")
