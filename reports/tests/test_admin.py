"""Reports in the admin: read-only, a sent report cannot be deleted there, and another
municipality's reports are not shown."""

from core.enums import Role
from core.tests.factories import MembershipFactory
from reports.models import Report
from reports.services import send_report


def test_admin_shows_a_report_read_only(client, administrator, plan, staff, build):
    report = build(plan, staff)
    client.force_login(administrator)

    page = client.get(f"/admin/reports/report/{report.pk}/change/")
    posted = client.post(f"/admin/reports/report/{report.pk}/change/", {"title": "Ændret"})

    assert page.status_code == 200
    assert 'name="title"' not in page.text
    assert posted.status_code == 403
    assert Report.objects.get(pk=report.pk).title == report.title


def test_admin_cannot_delete_a_sent_report_but_can_delete_a_draft(
    client, administrator, plan, staff, build
):
    sent = send_report(report=build(plan, staff), user=staff)
    draft = build(plan, staff)
    client.force_login(administrator)

    refused = client.post(f"/admin/reports/report/{sent.pk}/delete/", {"post": "yes"})
    deleted = client.post(f"/admin/reports/report/{draft.pk}/delete/", {"post": "yes"})

    assert refused.status_code == 403
    assert deleted.status_code == 302
    assert list(Report.objects.values_list("pk", flat=True)) == [sent.pk]


def test_admin_does_not_show_another_municipalitys_reports(
    client, plan, staff, build, other_municipality
):
    report = build(plan, staff)
    other_admin = MembershipFactory(municipality=other_municipality, role=Role.ADMINISTRATOR).user
    client.force_login(other_admin)

    assert client.get(f"/admin/reports/report/{report.pk}/change/").status_code == 302
    assert client.get("/admin/reports/report/").context["cl"].result_count == 0
