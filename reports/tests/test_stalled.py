"""Reports left running by a worker that died: the job records when it last made progress, a
running report without progress for longer than the worker lets a job run is shown failed at
once and marked failed by a recurring job, and everything else is left alone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django_q.models import Schedule

from core.schedules import COMMAND, schedule_jobs
from reports import jobs, rendering
from reports.enums import ReportState
from reports.models import STALLED_AFTER, Report, ReportVersion
from strategy.tests.factories import PlanFactory

NOW = datetime(2026, 3, 10, 14, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
MESSAGE = "Rapporten blev ikke færdig: baggrundsarbejderen stoppede. Bestil en ny."


@pytest.fixture
def now(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


def running(plan, *, progressed_at, title="Dannes") -> Report:
    report = Report.objects.create(plan=plan, title=title, state=ReportState.RUNNING)
    Report.objects.filter(pk=report.pk).update(progress=60, progressed_at=progressed_at)
    report.refresh_from_db()
    return report


@pytest.fixture
def small_plan(municipality):
    return PlanFactory(municipality=municipality)


def test_stalled_means_longer_than_the_workers_timeout():
    assert timedelta(seconds=settings.Q_CLUSTER["timeout"]) < STALLED_AFTER


def test_a_running_report_without_progress_since_before_the_limit_is_failed_with_the_message(
    small_plan, now
):
    report = running(small_plan, progressed_at=now - STALLED_AFTER - timedelta(seconds=1))

    assert jobs.fail_stalled_reports() == 1

    report.refresh_from_db()
    assert (report.state, report.error, report.finished_at) == (ReportState.FAILED, MESSAGE, now)


def test_a_running_report_with_recent_progress_is_left_running(small_plan, now):
    report = running(small_plan, progressed_at=now - STALLED_AFTER + timedelta(seconds=1))

    assert jobs.fail_stalled_reports() == 0

    report.refresh_from_db()
    assert (report.state, report.error, report.is_stalled) == (ReportState.RUNNING, "", False)


def test_a_queued_report_is_left_alone_however_old(small_plan, time_machine):
    time_machine.move_to(NOW - timedelta(days=2), tick=False)
    report = Report.objects.create(plan=small_plan, title="I kø")
    time_machine.move_to(NOW, tick=False)

    assert jobs.fail_stalled_reports() == 0

    report.refresh_from_db()
    assert (report.state, report.is_stalled) == (ReportState.QUEUED, False)


def test_a_report_running_since_before_progress_was_recorded_counts_from_its_request(
    small_plan, time_machine
):
    time_machine.move_to(NOW - STALLED_AFTER - timedelta(minutes=1), tick=False)
    old = running(small_plan, progressed_at=None, title="Gammel")
    time_machine.move_to(NOW, tick=False)
    new = running(small_plan, progressed_at=None, title="Ny")

    assert (old.is_stalled, new.is_stalled) == (True, False)
    assert list(Report.objects.stalled()) == [old]


def test_the_job_records_when_it_claims_the_report_and_at_each_step(
    plan, staff, monkeypatch, time_machine
):
    time_machine.move_to(NOW, tick=False)
    report = Report.objects.create(plan=plan, title="Følges", requested_by=staff)
    seen = []
    build_content = jobs.build_content

    def content(plan, as_of):
        seen.append(Report.objects.values_list("progress", "progressed_at").get(pk=report.pk))
        time_machine.move_to(NOW + timedelta(minutes=1), tick=False)
        return build_content(plan, as_of)

    def render_pdf(html):
        seen.append(Report.objects.values_list("progress", "progressed_at").get(pk=report.pk))
        time_machine.move_to(NOW + timedelta(minutes=3), tick=False)
        return b"%PDF-1.7", 1

    monkeypatch.setattr(jobs, "build_content", content)
    monkeypatch.setattr(rendering, "render_pdf", render_pdf)
    jobs.build_report(report.pk)

    assert seen == [(jobs.CONTENT, NOW), (jobs.PDF, NOW + timedelta(minutes=1))]
    report.refresh_from_db()
    assert (report.state, report.progressed_at) == (  # the step after the PDF
        ReportState.DONE,
        NOW + timedelta(minutes=3),
    )


def test_a_job_that_finishes_after_its_report_was_failed_as_stalled_leaves_it_failed(
    plan, staff, monkeypatch, time_machine
):
    time_machine.move_to(NOW, tick=False)
    report = Report.objects.create(plan=plan, title="For sent", requested_by=staff)

    def slow_pdf(html):
        time_machine.move_to(NOW + STALLED_AFTER + timedelta(minutes=1), tick=False)
        jobs.fail_stalled_reports()
        return b"%PDF-1.7", 1

    monkeypatch.setattr(rendering, "render_pdf", slow_pdf)
    jobs.build_report(report.pk)

    report.refresh_from_db()
    assert (report.state, report.error) == (ReportState.FAILED, MESSAGE)
    assert not ReportVersion.objects.filter(report=report).exists()


def test_the_page_of_a_stalled_report_shows_it_failed_without_polling(
    client, small_plan, staff, now
):
    report = running(small_plan, progressed_at=now - STALLED_AFTER - timedelta(minutes=1))
    client.force_login(staff)

    page = client.get(f"/k/165/rapporter/{report.pk}/").text
    fragment = client.get(f"/k/165/rapporter/{report.pk}/fremdrift/").text
    listed = client.get(f"/k/165/rapporter/plan/{small_plan.pk}/").text

    for html in (page, fragment):
        assert "Rapporten kunne ikke dannes" in html
        assert MESSAGE in html
        assert "hx-trigger" not in html
        assert "<progress" not in html
        assert f'href="/k/165/rapporter/plan/{small_plan.pk}/">Bestil en ny rapport' in html
    assert "<td>Fejlet</td>" in listed
    report.refresh_from_db()
    assert report.state == ReportState.RUNNING  # reading the pages wrote nothing


def test_the_stalled_reports_job_is_scheduled_every_15_minutes(db):
    added = schedule_jobs()["added"]

    assert "kurs: stalled-reports" in added
    schedule = Schedule.objects.get(name="kurs: stalled-reports")
    assert (schedule.func, schedule.args, schedule.schedule_type, schedule.minutes) == (
        COMMAND,
        "('fail_stalled_reports',)",
        Schedule.MINUTES,
        15,
    )


def test_the_scheduled_job_fails_stalled_reports_from_the_queue(small_plan, now):
    # As `core.schedules` queues it; the test settings run django-q2 jobs synchronously.
    from django_q.tasks import async_task, result

    report = running(small_plan, progressed_at=now - STALLED_AFTER - timedelta(minutes=1))

    task = async_task(COMMAND, "fail_stalled_reports")

    assert result(task) is None  # call_command's answer: it ran without an error
    report.refresh_from_db()
    assert report.state == ReportState.FAILED
