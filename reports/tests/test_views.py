"""Who may see and do what with reports: staff ask for and send them, committee readers read
them, outsiders see nothing. The pages show the job's progress, and lists cost fixed queries."""

import pytest

from reports.enums import ReportState
from reports.models import Report
from strategy.tests.factories import PlanFactory


@pytest.fixture
def done(plan, staff, build):
    return build(plan, staff)


def _urls(report) -> dict[str, str]:
    base = f"/k/165/rapporter/{report.pk}"
    return {
        "list": f"/k/165/rapporter/plan/{report.plan_id}/",
        "page": f"{base}/",
        "progress": f"{base}/fremdrift/",
        "html": f"{base}/rapport.html",
        "pdf": f"{base}/rapport.pdf",
    }


def test_staff_and_committee_readers_read_reports_and_outsiders_get_404(
    client, done, staff, committee_reader, outsider
):
    for user, expected in ((staff, 200), (committee_reader, 200), (outsider, 404)):
        client.force_login(user)
        assert {name: client.get(url).status_code for name, url in _urls(done).items()} == {
            name: expected for name in _urls(done)
        }


def test_staff_ask_for_a_report_and_follow_it_to_its_page(client, plan, staff, build):
    client.force_login(staff)

    response = client.post(
        f"/k/165/rapporter/plan/{plan.pk}/bestil/",
        {"title": "Status til mødet", "recommendation": "Udvalget bedes godkende planen."},
    )

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/k/165/rapporter/{report.pk}/"
    assert (report.title, report.requested_by, report.state) == (
        "Status til mødet",
        staff,
        ReportState.QUEUED,  # the test client commits nothing, so the job has not run
    )


def test_committee_readers_may_not_ask_for_or_send_reports(client, done, committee_reader):
    client.force_login(committee_reader)

    asked = client.post(f"/k/165/rapporter/plan/{done.plan_id}/bestil/", {"title": "Nej"})
    sent = client.post(f"/k/165/rapporter/{done.pk}/send/")

    assert (asked.status_code, sent.status_code) == (403, 403)
    assert Report.objects.count() == 1
    assert Report.objects.get().sent_at is None


def test_outsiders_cannot_ask_for_or_send_reports(client, done, outsider):
    client.force_login(outsider)

    asked = client.post(f"/k/165/rapporter/plan/{done.plan_id}/bestil/", {"title": "Nej"})
    sent = client.post(f"/k/165/rapporter/{done.pk}/send/")

    assert (asked.status_code, sent.status_code) == (404, 404)


def test_staff_send_a_finished_report(client, done, staff):
    client.force_login(staff)

    response = client.post(f"/k/165/rapporter/{done.pk}/send/")

    done.refresh_from_db()
    assert response.status_code == 302
    assert done.sent_by == staff
    assert "Sendt til udvalget – kan ikke ændres" in client.get(f"/k/165/rapporter/{done.pk}/").text


def test_a_report_of_another_municipalitys_plan_is_not_found(client, staff, other_municipality):
    foreign = PlanFactory(municipality=other_municipality)
    client.force_login(staff)

    assert client.get(f"/k/165/rapporter/plan/{foreign.pk}/").status_code == 404


def test_an_empty_title_is_refused_with_the_form_shown_again(client, plan, staff):
    client.force_login(staff)

    response = client.post(f"/k/165/rapporter/plan/{plan.pk}/bestil/", {"title": ""})

    assert response.status_code == 400
    assert not Report.objects.exists()


def test_progress_fragment_polls_while_the_job_runs_and_stops_when_done(client, plan, staff, done):
    running = Report.objects.create(plan=plan, title="Dannes", state=ReportState.RUNNING)
    Report.objects.filter(pk=running.pk).update(progress=60)
    client.force_login(staff)

    polling = client.get(f"/k/165/rapporter/{running.pk}/fremdrift/").text
    finished = client.get(f"/k/165/rapporter/{done.pk}/fremdrift/").text

    assert 'hx-trigger="every 1s"' in polling
    assert '<progress max="100" value="60">' in polling
    assert "hx-trigger" not in finished
    assert f"/k/165/rapporter/{done.pk}/rapport.pdf" in finished


def test_stored_html_is_served_as_a_sandboxed_document(client, done, staff):
    client.force_login(staff)

    response = client.get(f"/k/165/rapporter/{done.pk}/rapport.html")

    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert "script-src" not in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "private, no-store"


def test_pdf_is_served_with_the_reports_title_as_its_name(client, done, staff):
    client.force_login(staff)

    response = client.get(f"/k/165/rapporter/{done.pk}/rapport.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "inline; filename*=utf-8''Status%20for%20Handleplan%20for%20v%C3%A6kst%20"
        f"{done.version.as_of.isoformat()}.pdf"
    )


@pytest.mark.parametrize("count", [1, 3])
def test_report_list_costs_the_same_queries_for_one_or_three_reports(
    client, plan, staff, count, django_assert_num_queries
):
    for number in range(count):
        Report.objects.create(plan=plan, title=f"Rapport {number}", requested_by=staff)
    client.force_login(staff)
    client.get(f"/k/165/rapporter/plan/{plan.pk}/")  # warm the session cache

    with django_assert_num_queries(4):
        response = client.get(f"/k/165/rapporter/plan/{plan.pk}/")

    assert response.text.count("Rapport ") >= count
