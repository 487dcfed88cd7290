"""The partner pages: a partner with its agreements, contacts, activities and goals; creating and
editing with the checks (bounds, dates in order, a name once, someone else's save first); the
contact person's export and erasure; who may see and change what."""

import json
from datetime import date

import pytest
from django.urls import reverse

from actions.models import Partner
from actions.tests.factories import ActionPlanFactory, ActivityFactory, PartnerFactory
from partnerships import gdpr, services
from partnerships.models import Agreement, PartnerContact
from strategy.tests.factories import GoalFactory, PlanFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"partnerships:{name}", kwargs={"code": "165", **kwargs})


@pytest.fixture
def gate21(municipality):
    return Partner.objects.create(municipality=municipality, name="Gate 21")


@pytest.fixture
def activity(municipality, gate21):
    activity = ActivityFactory(
        plan=ActionPlanFactory(municipality=municipality), title="Smart Grøn innovationsplatform"
    )
    return activity


@pytest.fixture
def goal(municipality):
    return GoalFactory(
        plan=PlanFactory(municipality=municipality),
        title="Mindst 50 iværksættere rådgivet om året",
    )


def _agreement_data(activity, goal, **changes):
    return {
        "title": "Smart Grøn innovationsplatform",
        "purpose": "Erfarne iværksættere hjælper nye, grønne iværksættere.",
        "period_text": "2016-2017",
        "starts_on": "2016-01-01",
        "ends_on": "2017-12-31",
        "status": "active",
        "document_url": "",
        "source": "Handleplan 2016-2017",
        "activities": [activity.pk],
        "goals": [goal.pk],
        **changes,
    }


def test_staff_record_an_agreement_and_the_partner_page_shows_it_all(
    client, staff, gate21, activity, goal
):
    client.force_login(staff)
    response = client.post(
        url("agreement_create", partner_id=gate21.pk), _agreement_data(activity, goal)
    )
    assert response.status_code == 302
    client.post(
        url("contact_create", partner_id=gate21.pk),
        {"name": "Poul Fiktiv", "role": "Direktør", "email": "poul@gate21.example", "phone": ""},
    )

    page = client.get(url("detail", partner_id=gate21.pk)).content.decode()

    assert "Erfarne iværksættere hjælper nye, grønne iværksættere." in page
    assert "Poul Fiktiv" in page and "poul@gate21.example" in page
    assert "Smart Grøn innovationsplatform" in page
    assert "Mindst 50 iværksættere rådgivet om året" in page
    agreement = Agreement.objects.get()
    assert list(agreement.activities.all()) == [activity]


def test_the_partner_page_lists_the_activities_that_name_the_partner(
    client, staff, gate21, activity, goal
):
    activity.partners.add(gate21)
    activity.goals.add(goal)
    client.force_login(staff)

    page = client.get(url("detail", partner_id=gate21.pk)).content.decode()

    assert "Smart Grøn innovationsplatform" in page
    assert "Mindst 50 iværksættere rådgivet om året" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"starts_on": "2018-01-01"}, "Slutdatoen ligger før startdatoen."),
        ({"ends_on": "2200-01-01"}, "2100"),
        ({"purpose": "x" * 20_001}, "20000"),
        ({"title": ""}, "påkrævet"),
        ({"activities": ["9" * 40]}, "gyldig"),
        ({"goals": ["abc"]}, "gyldig"),
    ],
)
def test_bad_agreement_input_is_refused_and_kept(
    client, staff, gate21, activity, goal, changes, message
):
    client.force_login(staff)

    response = client.post(
        url("agreement_create", partner_id=gate21.pk), _agreement_data(activity, goal, **changes)
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page.replace(".", "").replace("\u00a0", "") or message in page
    assert "Handleplan 2016-2017" in page
    assert not Agreement.objects.exists()


def test_another_municipality_s_activity_cannot_be_linked(
    client, staff, gate21, goal, other_municipality
):
    foreign = ActivityFactory(plan=ActionPlanFactory(municipality=other_municipality))
    client.force_login(staff)

    response = client.post(
        url("agreement_create", partner_id=gate21.pk), _agreement_data(foreign, goal)
    )

    assert response.status_code == 400
    assert not Agreement.objects.exists()


def test_a_stale_agreement_edit_is_refused(client, staff, gate21, activity, goal):
    agreement = services.save_agreement(
        partner=gate21, title="LOOP City", status="active", activities=[activity], goals=[goal]
    )
    client.force_login(staff)
    stale = _agreement_data(activity, goal, title="Mit navn", version=0)
    client.post(
        url("agreement_edit", agreement_id=agreement.pk),
        _agreement_data(activity, goal, title="Andens navn", version=0),
    )

    response = client.post(url("agreement_edit", agreement_id=agreement.pk), stale)

    assert response.status_code == 409
    assert Agreement.objects.get().title == "Andens navn"


def test_a_stale_partner_edit_is_refused(client, staff, gate21):
    client.force_login(staff)
    seen = {"seen_name": "Gate 21", "seen_description": ""}
    client.post(url("edit", partner_id=gate21.pk), {"name": "Gate21", "description": ""} | seen)

    response = client.post(
        url("edit", partner_id=gate21.pk), {"name": "GATE 21", "description": "x"} | seen
    )

    assert response.status_code == 409
    assert Partner.objects.get(pk=gate21.pk).name == "Gate21"


def test_a_partner_name_is_taken_once_per_municipality(client, staff, gate21, other_municipality):
    PartnerFactory(municipality=other_municipality, name="LOOP City")
    client.force_login(staff)

    taken = client.post(url("create"), {"name": "Gate 21", "description": ""})
    free = client.post(url("create"), {"name": "LOOP City", "description": ""})

    assert taken.status_code == 400
    assert "allerede en partner" in taken.content.decode()
    assert free.status_code == 302


def test_an_outsider_gets_404_and_a_committee_reader_403_on_changes(
    client, outsider, committee_reader, gate21
):
    contact = services.create_contact(partner=gate21, name="Poul Fiktiv", email="p@x.example")
    client.force_login(outsider)
    assert client.get(url("detail", partner_id=gate21.pk)).status_code == 404
    assert client.get(url("contact_export", partner_contact_id=contact.pk)).status_code == 404

    client.force_login(committee_reader)
    assert client.get(url("list")).status_code == 200
    assert client.get(url("detail", partner_id=gate21.pk)).status_code == 200
    assert client.post(url("create"), {"name": "Ny"}).status_code == 403
    assert client.post(url("contact_erase", partner_contact_id=contact.pk)).status_code == 403
    assert PartnerContact.objects.count() == 1


def test_a_contact_person_is_exported_and_erased(client, staff, gate21):
    contact = services.create_contact(
        partner=gate21, name="Poul Fiktiv", role="Direktør", email="poul@gate21.example"
    )
    client.force_login(staff)

    exported = client.get(url("contact_export", partner_contact_id=contact.pk))
    data = json.loads(exported.content)
    assert data["person"]["email"] == "poul@gate21.example"
    assert data["person"]["partner"] == "Gate 21"

    refused = client.post(url("contact_erase", partner_contact_id=contact.pk), {})
    assert refused.status_code == 400 and PartnerContact.objects.exists()
    erased = client.post(url("contact_erase", partner_contact_id=contact.pk), {"confirm": "on"})
    assert erased.status_code == 302
    assert not PartnerContact.objects.exists()


def test_contacts_are_found_by_email_for_a_request(municipality, gate21):
    services.create_contact(partner=gate21, name="Poul Fiktiv", email="Poul@Gate21.example")

    found = gdpr.contacts_with_email(municipality, " poul@gate21.example ")

    assert [contact.name for contact in found] == ["Poul Fiktiv"]


def test_a_contact_form_posted_twice_saves_one(client, staff, gate21):
    client.force_login(staff)
    data = {
        "name": "Poul Fiktiv",
        "role": "",
        "email": "",
        "phone": "",
        "submission_token": "6c7d0f8e-9a1b-4c2d-8e3f-1a2b3c4d5e6f",
    }

    client.post(url("contact_create", partner_id=gate21.pk), data)
    client.post(url("contact_create", partner_id=gate21.pk), data)

    assert PartnerContact.objects.count() == 1


def test_the_demo_partners_are_transcribed_with_their_agreements(municipality):
    from partnerships import demo

    demo.load()
    demo.load()

    names = set(Partner.objects.of_municipality(municipality).values_list("name", flat=True))
    assert {
        "Gate 21",
        "LOOP City",
        "Greater Copenhagen",
        "Copenhagen Capacity",
        "DTU Fotonik",
        "Erhvervshus Hovedstaden",
    } <= names
    concept = Agreement.objects.get(partner__name="Velux")
    assert (concept.starts_on, concept.ends_on) == (date(2008, 1, 1), date(2013, 12, 31))
    assert concept.period_text == "2008 - 2013"
    assert not Agreement.objects.filter(partner__name="Cleantech Cluster").exists()
    assert Agreement.objects.count() == 24


def test_a_multi_line_description_edited_by_nobody_else_is_saved(client, staff, municipality):
    partner = Partner.objects.create(
        municipality=municipality, name="Ringbyen", description="Første linje\nAnden linje"
    )
    client.force_login(staff)

    response = client.post(
        url("edit", partner_id=partner.pk),
        {
            "name": "Ringbyen",
            "description": "Ny tekst",
            "seen_name": "Ringbyen",
            # A browser sends the line breaks it was given as CRLF.
            "seen_description": "Første linje\r\nAnden linje",
        },
    )

    assert response.status_code == 302
    assert Partner.objects.get(pk=partner.pk).description == "Ny tekst"


def test_an_agreement_form_posted_twice_saves_one(client, staff, gate21, activity, goal):
    client.force_login(staff)
    data = _agreement_data(activity, goal, submission_token="1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9")

    first = client.post(url("agreement_create", partner_id=gate21.pk), data)
    second = client.post(url("agreement_create", partner_id=gate21.pk), data)

    assert first.status_code == second.status_code == 302
    assert Agreement.objects.count() == 1
    assert list(Agreement.objects.get().activities.all()) == [activity]
