"""The public page of upcoming tenders and its interest form: no login, only public tenders,
and bad input (a bad CVR number, a huge text, a double post, a bot, a flood) refused clearly,
with what was typed kept."""

from datetime import date

import pytest
from django.urls import reverse

from businesses import timeline
from procurement import services
from procurement.models import InterestRegistration

pytestmark = pytest.mark.django_db

LIST = reverse("procurement_public:list", kwargs={"code": "165"})
FORM = reverse("procurement_public:interest", kwargs={"code": "165"})


def _data(tender, firm, **changes):
    return {
        "tender": tender.pk,
        "cvr_number": firm.cvr_number,
        "company_name": firm.name,
        "contact_name": "Karin Fiktiv",
        "email": "karin@rengoering.example",
        "website": "",
        "submission_token": "0b7f1e52-3c59-4c5a-9d0e-5d1b0d8a2f11",
        **changes,
    }


def test_the_public_page_shows_public_tenders_only_without_login(client, municipality, tender):
    services.create_tender(
        municipality=municipality,
        title="Hemmeligt udkast",
        expected_publication=date(2027, 3, 1),
        contact_name="Indkøb",
        contact_email="indkob@albertslund.example",
        is_public=False,
    )

    page = client.get(LIST).content.decode()

    assert "Rengøring af kommunens institutioner" in page
    assert "Hemmeligt udkast" not in page
    assert "indkob@albertslund.example" in page


def test_a_firm_registers_interest_and_it_reaches_the_company_timeline(
    client, municipality, tender, firm
):
    response = client.post(FORM, _data(tender, firm, cvr_number=f"DK {firm.cvr_number}"))

    assert response.status_code == 302
    registration = InterestRegistration.objects.get()
    assert (registration.company, registration.cvr_number) == (firm, firm.cvr_number)
    entries = timeline.entries(firm, municipality)
    assert [(e.kind, e.title) for e in entries] == [
        ("Interesse for udbud", "Rengøring af kommunens institutioner")
    ]


def test_a_double_post_registers_once(client, tender, firm):
    client.post(FORM, _data(tender, firm))
    client.post(FORM, _data(tender, firm))

    assert InterestRegistration.objects.count() == 1


def test_a_bad_cvr_number_is_refused_and_the_input_kept(client, tender, firm):
    response = client.post(FORM, _data(tender, firm, cvr_number="12345678"))

    assert response.status_code == 400
    page = response.content.decode()
    assert "CVR" in page
    assert "Karin Fiktiv" in page and "karin@rengoering.example" in page
    assert not InterestRegistration.objects.exists()


@pytest.mark.parametrize("field", ["company_name", "contact_name", "email", "cvr_number"])
def test_a_huge_text_is_refused_not_a_server_error(client, tender, firm, field):
    response = client.post(FORM, _data(tender, firm, **{field: "x" * 100_000}))

    assert response.status_code == 400
    assert not InterestRegistration.objects.exists()


def test_a_tender_that_is_not_public_takes_no_interest(client, municipality, firm):
    hidden = services.create_tender(
        municipality=municipality,
        title="Udkast",
        expected_publication=date(2027, 3, 1),
        contact_name="Indkøb",
        contact_email="indkob@albertslund.example",
        is_public=False,
    )

    response = client.post(FORM, _data(hidden, firm))

    assert response.status_code == 400
    assert not InterestRegistration.objects.exists()


def test_the_honeypot_stops_a_bot(client, tender, firm):
    response = client.post(FORM, _data(tender, firm, website="http://spam.example"))

    assert response.status_code == 400
    assert not InterestRegistration.objects.exists()


def test_a_flood_from_one_address_is_limited(client, tender, firm):
    statuses = [
        client.post(FORM, _data(tender, firm, submission_token="")).status_code
        for _attempt in range(12)
    ]

    assert statuses[-1] == 429
    assert InterestRegistration.objects.count() == 10


def test_an_unknown_tender_in_the_address_is_ignored(client, tender):
    assert client.get(FORM + "?udbud=99999999999999999999999").status_code == 200
    assert client.get(FORM + "?udbud=x").status_code == 200


def test_a_person_s_interest_data_is_exported_and_erased_by_the_command(
    client, municipality, tender, firm
):
    import json
    from io import StringIO

    from django.core.management import call_command

    client.post(FORM, _data(tender, firm))
    exported, erased = StringIO(), StringIO()

    call_command(
        "personal_data", "--municipality=165", "--email=KARIN@rengoering.example", stdout=exported
    )
    call_command(
        "personal_data",
        "--municipality=165",
        "--email=KARIN@rengoering.example",
        "--erase",
        stdout=erased,
    )

    exported = json.loads(exported.getvalue())["procurement"]
    assert exported["interest_registrations"][0]["contact_name"] == "Karin Fiktiv"
    assert json.loads(erased.getvalue())["procurement"] == {"interest_registrations": 1}
    registration = InterestRegistration.objects.get()
    assert (registration.contact_name, registration.email) == ("[slettet]", "")
    assert registration.company_name == firm.name


@pytest.mark.parametrize("value", ["9" * 40, "-1", "abc", ""])
def test_a_made_up_tender_id_is_a_form_error_not_a_server_error(client, tender, firm, value):
    response = client.post(FORM, _data(tender, firm) | {"tender": value})

    assert response.status_code == 400
    assert not InterestRegistration.objects.exists()


@pytest.mark.parametrize("field", ["company_name", "contact_name"])
def test_a_name_of_invisible_characters_alone_is_refused_and_the_input_kept(
    client, tender, firm, field
):
    response = client.post(FORM, _data(tender, firm, **{field: "\u200b\u2060"}))

    page = response.content.decode()
    assert response.status_code == 400
    assert "Feltet indeholder kun usynlige tegn. Skriv teksten med bogstaver eller tal." in page
    assert "karin@rengoering.example" in page
    assert not InterestRegistration.objects.exists()
