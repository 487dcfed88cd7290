"""The report job: builds a queued report once, and records a failure on the report."""

from reports import jobs, rendering
from reports.enums import ReportState
from reports.models import Report, ReportVersion


def test_a_job_delivered_twice_builds_the_report_once(plan, staff, build):
    report = build(plan, staff)

    jobs.build_report(report.pk)

    assert ReportVersion.objects.filter(report=report).count() == 1


def test_a_failing_report_is_marked_failed_with_the_reason(plan, staff, monkeypatch):
    def broken(html):
        raise OSError("Skrifttypen mangler")

    monkeypatch.setattr(rendering, "render_pdf", broken)
    report = Report.objects.create(plan=plan, title="Fejler", requested_by=staff)

    jobs.build_report(report.pk)

    report.refresh_from_db()
    assert (report.state, report.error) == (ReportState.FAILED, "Skrifttypen mangler")
    assert not ReportVersion.objects.filter(report=report).exists()
