"""/api/v1/companies: the search for anyone, personal data for members only."""

import pytest
from django.db import connection

from businesses.models import CompanyProfile
from businesses.tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def firms(municipality, staff):
    bakery = CompanyFactory(name="Albertslund Bageri ApS", legal_form_code=80)
    carpenter = CompanyFactory(
        name="Albertslund Tømrer v/Jens Fiktivsen", legal_form_code=10, street="Vridsløsevej"
    )
    own = CompanyFactory(cvr_number=None, name="Albertslund Bageri Pop-up", kept_by=municipality)
    CompanyProfile.objects.create(
        municipality=municipality, company=bakery, key_account_owner=staff, note="Nøglekunde"
    )
    return bakery, carpenter, own


def search(client, q, municipality="165"):
    return client.get("/api/v1/companies", {"municipality": municipality, "q": q})


def test_public_search_finds_register_firms_without_personal_data(client, firms):
    response = search(client, "albertslnd")

    assert response.status_code == 200
    found = {item["name"]: item for item in response.json()}
    assert set(found) == {"Albertslund Bageri ApS", "Albertslund Tømrer v/Jens Fiktivsen"}
    assert found["Albertslund Tømrer v/Jens Fiktivsen"]["address"] is None
    assert found["Albertslund Bageri ApS"]["address"].startswith("Hovedgaden")
    assert "note" not in found["Albertslund Bageri ApS"]


def test_outsider_gets_the_public_answer(client, outsider, firms):
    client.force_login(outsider)

    names = [item["name"] for item in search(client, "albertslund bageri").json()]

    assert "Albertslund Bageri Pop-up" not in names


def test_member_gets_own_firms_profile_and_addresses(client, committee_reader, staff, firms):
    client.force_login(committee_reader)

    found = {item["name"]: item for item in search(client, "albertslund").json()}

    assert found["Albertslund Bageri Pop-up"]["kept_by_municipality"] is True
    bakery = found["Albertslund Bageri ApS"]
    assert (bakery["key_account_owner"], bakery["note"]) == (str(staff), "Nøglekunde")
    assert found["Albertslund Tømrer v/Jens Fiktivsen"]["address"].startswith("Vridsløsevej")


def test_cvr_number_finds_the_firm_first(client, firms):
    bakery = firms[0]

    response = search(client, bakery.cvr_number)

    assert [(item["cvr_number"], item["score"]) for item in response.json()] == [
        (bakery.cvr_number, 1.0)
    ]


def test_unknown_municipality_is_404_and_missing_query_422(client, firms):
    assert search(client, "bageri", municipality="999").status_code == 404
    assert client.get("/api/v1/companies", {"municipality": "165"}).status_code == 422


def test_query_count_is_fixed(client, staff, firms, django_assert_num_queries):
    client.force_login(staff)
    # User, membership ids, municipality, companies, units, profiles (the session is cached);
    # on PostgreSQL each table's text search is five statements (`businesses.search._trigram`).
    expected = 14 if connection.vendor == "postgresql" else 6
    with django_assert_num_queries(expected):
        search(client, "albertslund")
    CompanyFactory.create_batch(5, name="Albertslund Fiktiv")
    with django_assert_num_queries(expected):
        search(client, "albertslund")
