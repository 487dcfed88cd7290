"""The background job that builds a committee report: content, HTML, PDF, the stored version.

Queued by `reports.services.request_report` once its transaction commits, run by the worker
(`manage.py qcluster`, django-q2; see `Q_CLUSTER` in the settings). The job claims its report
with a conditional update (queued → running), so a job delivered twice builds it once. It writes
its progress, and when (`progressed_at`), to the report as it goes (the report's page polls it),
and ends with the version and the state "done" in one transaction, or with the state "failed"
and the error's message. A failed report is not tried again: an editor asks for a new one.

A worker that dies mid-build (killed, the machine restarted, the job timed out) leaves its report
running, and the task delivered again finds it claimed and leaves it. Such a report is stalled:
no progress for longer than the worker lets a job run (`reports.models.STALLED_AFTER`). Its page
shows it failed at once, and `fail_stalled_reports` (`manage.py fail_stalled_reports`, every 15
minutes from `core.schedules`) marks it failed with `STALLED_ERROR`. A job that finishes after
all leaves a report so marked failed, without a version.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django_q.tasks import async_task

from reports.changes import changes_between
from reports.content import build_content, snapshot
from reports.enums import ReportState
from reports.logos import data_uri
from reports.models import STALLED_ERROR, Report, ReportLook, ReportVersion

logger = logging.getLogger(__name__)

# Progress (%) when each step begins.
CONTENT, HTML, PDF, SAVING = 5, 50, 60, 95


def enqueue(report_id: int) -> None:
    async_task("reports.jobs.build_report", report_id, task_name=f"report-{report_id}")


def _progress(report_id: int, percent: int) -> None:
    Report.objects.filter(pk=report_id, state=ReportState.RUNNING).update(
        progress=percent, progressed_at=timezone.now()
    )


def fail_stalled_reports(now: datetime | None = None) -> int:
    """Mark every stalled report (module doc) failed with `STALLED_ERROR`; returns how many.
    One conditional update: a report whose job writes progress meanwhile is left running."""
    now = now or timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        error = str(STALLED_ERROR)
    return Report.objects.stalled(now).update(
        state=ReportState.FAILED, error=error, finished_at=now
    )


def latest_sent_version(plan) -> ReportVersion | None:
    """The version of the plan's report last sent to the committee: what a new one compares to."""
    return (
        ReportVersion.objects.filter(report__plan=plan, report__sent_at__isnull=False)
        .order_by("-report__sent_at", "-pk")
        .first()
    )


def build_report(report_id: int) -> None:
    """Build the queued report `report_id` (see the module doc)."""
    claimed = Report.objects.filter(pk=report_id, state=ReportState.QUEUED).update(
        state=ReportState.RUNNING, progress=CONTENT, progressed_at=timezone.now()
    )
    if not claimed:
        return
    try:
        _build(Report.objects.select_related("plan", "plan__municipality").get(pk=report_id))
    except Exception as error:
        logger.exception("Report %s failed", report_id)
        Report.objects.filter(pk=report_id).update(
            state=ReportState.FAILED, error=str(error)[:500], finished_at=timezone.now()
        )


def _build(report: Report) -> None:
    # Imported here: WeasyPrint loads the system's Pango when imported, and a machine without
    # it (README: Reports) should still serve every page; only building a report fails there.
    from reports import rendering

    plan = report.plan
    as_of = timezone.localdate()
    previous = latest_sent_version(plan)
    content = build_content(plan, as_of)
    numbers = snapshot(content)
    changes = changes_between(previous.snapshot if previous else None, numbers)
    for section in content.sections:
        section.changes = [change for change in changes or [] if change.track == section.key]
    _progress(report.pk, HTML)
    look = ReportLook.objects.filter(municipality=plan.municipality_id).first()
    html = rendering.render_html(
        {
            "report": report,
            "plan": plan,
            "as_of": as_of,
            "rendered_at": timezone.now(),
            "content": content,
            "sections": content.sections,
            "changes": changes,
            "previous": previous,
            "logo": data_uri(look.logo) if look else "",
        }
    )
    _progress(report.pk, PDF)
    pdf, pages = rendering.render_pdf(html)
    _progress(report.pk, SAVING)
    with transaction.atomic():
        finished = Report.objects.filter(pk=report.pk, state=ReportState.RUNNING).update(
            state=ReportState.DONE, progress=100, finished_at=timezone.now()
        )
        if not finished:  # marked failed as stalled meanwhile: it stays so
            return
        ReportVersion.objects.create(
            report=report,
            as_of=as_of,
            previous=previous,
            html=html,
            pdf=pdf,
            page_count=pages,
            checksum=ReportVersion.checksum_of(html, pdf),
            snapshot=numbers,
        )
