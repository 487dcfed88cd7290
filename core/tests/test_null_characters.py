"""An address with a NUL character (%00) is refused before any view looks its values up:
PostgreSQL refuses a NUL in any text it compares, which made a server error of such links."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/k/16%005/erhverv/nyhedsbrev/",
        "/k/165/erhverv/henvendelse/?x=%00",
        "/k/165/erhverv/henvendelse/?a%00=1",
        "/offentlig/165/?q=a%00b",
    ],
)
def test_a_page_address_with_a_null_character_is_refused_with_a_danish_message(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "Adressen indeholder et tegn, som ingen adresse her har (NUL)" in response.text


def test_the_api_checks_its_own_parameters(client, municipality):
    # Its description allows any character in a string: a NUL in a search is no error.
    response = client.get("/api/v1/companies?municipality=165&q=a%00b")

    assert response.status_code == 200


def test_a_form_value_with_a_null_character_is_left_to_the_form(client, municipality):
    # The form refuses it beside the field and keeps the rest of what was typed.
    response = client.post(
        "/k/165/erhverv/henvendelse/", {"company_name": "Bager\x00iet", "contact_name": "Karin"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Adressen indeholder et tegn" not in page
    assert 'value="Karin"' in page
