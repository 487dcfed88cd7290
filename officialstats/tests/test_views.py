"""Linking a goal to a table in two steps, the values chosen from the table's metadata; the
three users; fetching now from the page."""

from decimal import Decimal

import pytest
from django.urls import reverse

from officialstats.models import OfficialSeries
from officialstats.tests.factories import OfficialSeriesFactory, jobs_goal
from strategy.enums import DataSource

pytestmark = pytest.mark.django_db


def create_url(table: str = "") -> str:
    url = reverse("officialstats:series_create", kwargs={"code": "165"})
    return f"{url}?table={table}" if table else url


def test_step_one_offers_the_tables_variables_as_choices_not_codes_to_type(client, staff, statbank):
    client.force_login(staff)

    response = client.get(create_url("erhv2"), headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h2>ERHV2: Arbejdssteder og job" in html
    assert '<option value="ANSATTE">Job (antal)</option>' in html
    assert '<option value="165">Albertslund</option>' in html
    assert "<html" not in html
    assert statbank.requests == [("tableinfo", {"lang": "da", "format": "JSON", "table": "ERHV2"})]


def test_linking_a_goal_stores_the_selection_and_marks_its_data_source(client, staff, statbank):
    goal = jobs_goal(staff.memberships.get().municipality)
    client.force_login(staff)

    response = client.post(
        create_url("ERHV2"),
        {
            "title": "Job i Albertslund",
            "goal": goal.pk,
            "values_0": ["165", "151"],
            "values_1": ["TOT"],
            "values_2": ["ANSATTE"],
            "area_variable": "OMRÅDE",
            "per_capita": "on",
        },
    )

    assert response.status_code == 302
    series = OfficialSeries.objects.get()
    assert (series.table_id, series.unit, series.goal, series.per_capita) == (
        "ERHV2",
        "antal",
        goal,
        True,
    )
    assert series.selection == {
        "OMRÅDE": ["165", "151"],
        "BRANCHEDB0710": ["TOT"],
        "TAL": ["ANSATTE"],
    }
    goal.refresh_from_db()
    assert goal.data_source == DataSource.STATBANK


def test_a_goal_compared_without_its_own_area_is_refused(client, staff, statbank):
    goal = jobs_goal(staff.memberships.get().municipality)
    client.force_login(staff)

    response = client.post(
        create_url("ERHV2"),
        {
            "title": "Job",
            "goal": goal.pk,
            "values_0": ["151"],
            "values_1": ["TOT"],
            "values_2": ["ANSATTE"],
            "area_variable": "OMRÅDE",
        },
    )

    assert response.status_code == 400
    assert "Vælg kommunens eget område" in response.content.decode()
    assert not OfficialSeries.objects.exists()


def test_a_value_not_offered_by_the_table_is_refused(client, staff, statbank):
    client.force_login(staff)

    response = client.post(
        create_url("ERHV2"),
        {"title": "Job", "values_0": ["999"], "values_1": ["TOT"], "values_2": ["ANSATTE"]},
    )

    assert response.status_code == 400
    assert not OfficialSeries.objects.exists()


def test_an_unknown_table_is_said_at_the_field(client, staff, statbank):
    client.force_login(staff)

    response = client.get(create_url("NOSUCH"))

    assert "Danmarks Statistik har ingen tabel med det navn." in response.content.decode()


def test_an_unreachable_service_is_said_plainly(client, staff, statbank):
    statbank.mode = "down"
    client.force_login(staff)

    response = client.get(create_url("ERHV2"))

    assert "HTTP-status 503" in response.content.decode()


def test_the_committee_reader_sees_the_list_but_may_not_link(
    client, committee_reader, municipality
):
    OfficialSeriesFactory(municipality=municipality, title="Job i kommunen")
    client.force_login(committee_reader)

    listed = client.get(reverse("officialstats:series", kwargs={"code": "165"}))
    linking = client.get(create_url("ERHV2"))

    assert "Job i kommunen" in listed.content.decode()
    assert "Hent nu" not in listed.content.decode()
    assert linking.status_code == 403


def test_an_outsider_gets_404(client, outsider, municipality):
    series = OfficialSeriesFactory(municipality=municipality)
    client.force_login(outsider)

    assert client.get(reverse("officialstats:series", kwargs={"code": "165"})).status_code == 404
    fetch_url = reverse(
        "officialstats:series_fetch", kwargs={"code": "151", "series_id": series.pk}
    )
    assert client.post(fetch_url).status_code == 404


def test_fetch_now_stores_the_figures_and_says_how_many(client, staff, statbank):
    series = OfficialSeriesFactory(
        municipality=staff.memberships.get().municipality,
        goal=jobs_goal(staff.memberships.get().municipality),
    )
    client.force_login(staff)

    response = client.post(
        reverse("officialstats:series_fetch", kwargs={"code": "165", "series_id": series.pk}),
        follow=True,
    )

    assert "Hentet: 13 nye, 0 rettede, 0 uændrede tal." in response.content.decode()
    assert series.goal.measurements.get(measured_on__year=2011).value == Decimal(19369)
    assert series.goal.measurements.get(measured_on__year=2011).entered_by == staff


def test_fetch_now_that_fails_says_nothing_changed(client, staff, statbank):
    series = OfficialSeriesFactory(municipality=staff.memberships.get().municipality)
    statbank.mode = "garbage"
    client.force_login(staff)

    response = client.post(
        reverse("officialstats:series_fetch", kwargs={"code": "165", "series_id": series.pk}),
        follow=True,
    )

    expected = "Intet er ændret: Svaret fra Danmarks Statistik på &#x27;tableinfo&#x27; er ikke"
    assert expected in response.content.decode()
    assert not series.figures.exists()
