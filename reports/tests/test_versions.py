"""A report's version is written once; a sent report is final, reopens exactly as it was sent,
and the plan's next report lists what changed since it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from actions.enums import ActivityStatus, TrafficLight
from actions.models import Activity, StatusUpdate
from core.locale import format_date
from reports.changes import Kind, changes_between
from reports.enums import ReportState
from reports.models import Report, ReportVersion, SentReportError
from reports.services import send_report
from strategy.models import Goal
from strategy.services import record_measurement


@pytest.fixture
def sent(plan, staff, build):
    report = build(plan, staff)
    return send_report(report=report, user=staff)


def test_a_version_is_never_updated(plan, staff, build):
    version = build(plan, staff).version
    version.html = "<p>Noget andet</p>"

    with pytest.raises(ValidationError):
        version.save()
    assert ReportVersion.objects.get(pk=version.pk).html != "<p>Noget andet</p>"


def test_a_sent_report_cannot_be_changed_or_deleted(sent):
    sent.title = "Ny titel"

    with pytest.raises(SentReportError):
        sent.save()
    with pytest.raises(SentReportError):
        sent.delete()
    with pytest.raises(SentReportError), transaction.atomic():
        Report.objects.filter(pk=sent.pk).delete()
    with pytest.raises(SentReportError):
        sent.version.delete()
    assert Report.objects.get(pk=sent.pk).title == "Status for Handleplan for vækst"


def test_the_plan_of_a_report_cannot_be_deleted(sent):
    with pytest.raises(ProtectedError):
        sent.plan.delete()


def test_an_unsent_report_can_be_deleted_with_its_version(plan, staff, build):
    report = build(plan, staff)

    report.delete()

    assert not ReportVersion.objects.filter(report_id=report.pk).exists()


def test_a_report_is_sent_once(sent, staff):
    with pytest.raises(ValidationError):
        send_report(report=sent, user=staff)


def test_a_report_still_being_built_cannot_be_sent(plan, staff):
    report = Report.objects.create(plan=plan, title="I kø", requested_by=staff)

    with pytest.raises(ValidationError):
        send_report(report=report, user=staff)
    assert Report.objects.get(pk=report.pk).sent_at is None


def test_a_sent_report_reopens_as_it_was_sent_after_the_data_changed(sent, client, staff):
    html, pdf = sent.version.html, bytes(sent.version.pdf)
    Goal.objects.filter(plan__municipality=sent.plan.municipality).update(title="Omdøbt")
    client.force_login(staff)

    shown_html = client.get(f"/k/165/rapporter/{sent.pk}/rapport.html")
    shown_pdf = client.get(f"/k/165/rapporter/{sent.pk}/rapport.pdf")

    assert shown_html.content.decode() == html
    assert shown_pdf.content == pdf
    assert sent.version.checksum == ReportVersion.checksum_of(html, pdf)


def test_a_later_report_lists_what_changed_since_the_sent_one(sent, plan, staff, build, today):
    employment = Goal.objects.get(title="Flere arbejdspladser i grøn teknologi")
    record_measurement(
        goal=employment, user=staff, measured_on=today, source="Jobindsats", value=Decimal(900)
    )
    fair = Activity.objects.get(title="Jobmesse for ledige")
    Activity.objects.filter(pk=fair.pk).update(status=ActivityStatus.DONE)
    StatusUpdate.objects.create(
        activity=fair, reported_on=today, light=TrafficLight.GREEN, comment="Gennemført."
    )
    late = Activity.objects.get(title="Lysfestival i bymidten")
    Activity.objects.filter(pk=late.pk).update(ends_on=today + timedelta(days=30))

    later = build(plan, staff)

    assert later.state == ReportState.DONE
    assert later.version.previous == sent.version
    changes = _changes(later)
    assert changes == {
        (Kind.GOAL_STATUS, "Flere arbejdspladser i grøn teknologi", "Ikke på sporet", "På sporet"),
        (
            Kind.GOAL_MEASURED,
            "Flere arbejdspladser i grøn teknologi",
            f"150 arbejdspladser ({_day(today - timedelta(days=30))})",
            f"900 arbejdspladser ({_day(today)})",
        ),
        (Kind.ACTIVITY_STATUS, "Jobmesse for ledige", "I gang", "Gennemført"),
        (
            Kind.ACTIVITY_UPDATE,
            "Jobmesse for ledige",
            f"{_day(today - timedelta(days=3))}: Gul – udfordringer",
            f"{_day(today)}: Grøn – kører efter planen",
        ),
        (Kind.ACTIVITY_ON_TIME, "Lysfestival i bymidten", "", ""),
    }
    assert "Ændringer siden rapporten pr." in later.version.html
    assert (
        "<td>Aktivitetens status ændret</td><td>Jobmesse for ledige</td><td>I gang</td>"
        "<td>Gennemført</td>"
    ) in later.version.html


def test_a_first_report_says_it_is_the_first(plan, staff, build):
    report = build(plan, staff)

    assert report.version.previous is None
    assert "Dette er planens første rapport til udvalget." in report.version.html


def _day(value) -> str:
    return format_date(value, "da")


def _changes(report) -> set[tuple]:
    """The changes the report lists, from the two stored snapshots it was built from."""
    changes = changes_between(report.version.previous.snapshot, report.version.snapshot)
    return {(c.kind, c.subject, c.old, c.new) for c in changes}
