import pytest

from core.tests.factories import MunicipalityFactory


@pytest.mark.django_db
def test_anonymous_gets_every_municipality_with_code_and_name_sorted_by_name(client):
    MunicipalityFactory(code="151", name="Ballerup")
    MunicipalityFactory(code="165", name="Albertslund")

    response = client.get("/api/v1/municipalities")

    assert response.status_code == 200
    assert response.json() == [
        {"code": "165", "name": "Albertslund"},
        {"code": "151", "name": "Ballerup"},
    ]


@pytest.mark.django_db
def test_no_municipalities_gives_an_empty_list(client):
    response = client.get("/api/v1/municipalities")

    assert response.status_code == 200
    assert response.json() == []
