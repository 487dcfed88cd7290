"""The company pages with the three users (staff, committee reader, outsider) and pinned query
counts."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from businesses import timeline
from businesses.models import Company, CompanyName, CompanyProfile
from businesses.tests.factories import CompanyFactory, ProductionUnitFactory

pytestmark = pytest.mark.django_db


def list_url(code="165", **params):
    url = reverse("businesses:list", kwargs={"code": code})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def detail_url(company, code="165"):
    return reverse("businesses:detail", kwargs={"code": code, "company_id": company.pk})


@pytest.fixture
def bakery(municipality):
    company = CompanyFactory(name="Albertslund Bageri ApS")
    CompanyName.objects.create(
        company=company,
        name="Albertslund Brød ApS",
        valid_from=date(2010, 1, 1),
        valid_to=date(2015, 1, 1),
    )
    ProductionUnitFactory(company=company)
    return company


def test_member_sees_the_municipalitys_firms(client, staff, bakery):
    CompanyFactory(name="Ballerup Bageri ApS", municipality_code="151")
    client.force_login(staff)

    response = client.get(list_url())

    assert response.status_code == 200
    assert [hit.company.name for hit in response.context["hits"]] == ["Albertslund Bageri ApS"]


def test_search_as_you_type_answers_with_the_results_only(client, committee_reader, bakery):
    client.force_login(committee_reader)

    response = client.get(list_url(q="albertslnd bager"), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response.templates[0].name == "businesses/_results.html"
    assert "Albertslund Bageri ApS" in response.content.decode()


def test_outsider_gets_404_for_the_list_and_the_company_page(client, outsider, bakery):
    client.force_login(outsider)

    assert client.get(list_url()).status_code == 404
    assert client.get(detail_url(bakery)).status_code == 404


def test_anonymous_is_sent_to_login(client, bakery):
    assert client.get(list_url()).status_code == 302


def test_another_municipalitys_own_firm_is_404_even_for_a_member(client, staff, other_municipality):
    theirs = CompanyFactory(cvr_number=None, name="Ballerups egen", kept_by=other_municipality)
    client.force_login(staff)

    assert client.get(detail_url(theirs)).status_code == 404


def test_company_page_shows_register_data_history_units_profile_and_timeline(
    client, staff, bakery, municipality, other_municipality
):
    CompanyProfile.objects.create(municipality=municipality, company=bakery, note="Ring før besøg")
    CompanyProfile.objects.create(
        municipality=other_municipality, company=bakery, note="Ballerups note"
    )

    def visits(company, place):
        return [timeline.Entry(date(2024, 5, 1), "Besøg", f"Besøg hos {company.name}")]

    timeline.register(visits)
    client.force_login(staff)
    try:
        response = client.get(detail_url(bakery))
    finally:
        timeline._providers.remove(visits)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Albertslund Brød ApS" in page
    assert "Ring før besøg" in page
    assert "Ballerups note" not in page
    assert "Besøg hos Albertslund Bageri ApS" in page
    assert bakery.production_units.get().p_number in page


def test_list_query_count_is_the_same_for_one_and_many_firms(
    client, staff, django_assert_num_queries
):
    CompanyFactory()
    client.force_login(staff)
    with django_assert_num_queries(4):
        client.get(list_url())
    CompanyFactory.create_batch(30)
    with django_assert_num_queries(4):
        client.get(list_url())


# On PostgreSQL each table's text search is five statements: the usual threshold read, the
# first pass's set, the first pass, the usual one set back and (a page not filled) the usual pass.
SEARCH_PAGE_QUERIES = 12 if connection.vendor == "postgresql" else 4


def test_search_query_count_is_fixed(client, staff, django_assert_num_queries):
    CompanyFactory(name="Albertslund Bageri ApS")
    client.force_login(staff)
    with django_assert_num_queries(SEARCH_PAGE_QUERIES):
        client.get(list_url(q="bageri"))
    for _ in range(10):
        ProductionUnitFactory(company__name="Bageri Vest")
    with django_assert_num_queries(SEARCH_PAGE_QUERIES):
        client.get(list_url(q="bageri"))


def test_company_page_query_count_is_fixed(client, staff, bakery, django_assert_num_queries):
    # 7 of the page's own, 1 for the key-account owner's choices and 6 from the apps that fill
    # the timeline, open items and facts (visits, inquiries, follow-ups, who met it last,
    # contact persons), and 1 each from the forum (meetings), procurement (interest and bids),
    # outreach (advice) and events (registrations).
    client.force_login(staff)
    with django_assert_num_queries(18):
        client.get(detail_url(bakery))
    ProductionUnitFactory.create_batch(5, company=bakery)
    with django_assert_num_queries(18):
        client.get(detail_url(bakery))


def csv_upload(text: str, name="egne.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_staff_imports_own_firms_all_at_once(client, staff, municipality, bakery):
    client.force_login(staff)
    text = (
        "navn;cvr;vejnavn;husnummer;postnummer;by;note\n"
        "Pop-up Is;;Stationstorvet;1;2620;Albertslund;Sommer\n"
        f"Bageriet;{bakery.cvr_number};;;;;Nøglekunde\n"
    )

    response = client.post(
        reverse("businesses:import_own", kwargs={"code": "165"}), {"file": csv_upload(text)}
    )

    assert response.status_code == 200
    result = response.context["result"]
    assert (result.created, result.linked) == (1, 1)
    assert Company.objects.get(name="Pop-up Is").kept_by == municipality
    assert CompanyProfile.objects.get(company=bakery).note == "Nøglekunde"


def test_import_with_a_bad_row_saves_nothing_and_lists_the_errors(client, staff):
    client.force_login(staff)
    text = "navn;cvr;by\nGod Firma;;\n;;Albertslund\nDårlig CVR;12345678;\n"

    response = client.post(
        reverse("businesses:import_own", kwargs={"code": "165"}), {"file": csv_upload(text)}
    )

    assert response.status_code == 400
    assert [(e.row, e.column) for e in response.context["result"].errors] == [
        (3, "navn"),
        (4, "cvr"),
    ]
    assert Company.objects.count() == 0


def test_import_refuses_a_file_that_is_not_csv(client, staff):
    client.force_login(staff)

    response = client.post(
        reverse("businesses:import_own", kwargs={"code": "165"}),
        {"file": SimpleUploadedFile("liste.xlsx", b"PK\x03\x04\x00\x00")},
    )

    assert response.context["result"].file_error == "Filen skal være en CSV-fil (.csv)."


def test_committee_reader_may_not_import(client, committee_reader):
    client.force_login(committee_reader)

    assert client.get(reverse("businesses:import_own", kwargs={"code": "165"})).status_code == 403
