"""The actions app in the scoped admin: a municipal administrator creates and edits partners,
committees, plan steering and service promises of their own municipality only (`core.admin`)."""

import pytest

from actions.models import Committee, Partner, PlanSteering
from actions.tests.factories import ActionPlanFactory, PartnerFactory
from strategy.tests.factories import ThemeFactory


@pytest.fixture
def own_partner(municipality):
    return PartnerFactory(municipality=municipality, name="Gate 21")


@pytest.fixture
def other_partner(other_municipality):
    return PartnerFactory(municipality=other_municipality, name="Ballerup Erhvervsråd")


def names(response) -> set[str]:
    return {str(obj) for obj in response.context["cl"].result_list}


def test_municipal_administrator_sees_only_own_partners(
    client, administrator, own_partner, other_partner
):
    client.force_login(administrator)

    response = client.get("/admin/actions/partner/")

    assert response.status_code == 200
    assert names(response) == {"Gate 21"}
    assert "Ballerup" not in response.content.decode()


def test_the_admin_index_offers_partners_under_the_name_the_import_gives(client, administrator):
    client.force_login(administrator)

    response = client.get("/admin/")

    assert ">Samarbejdspartnere</a>" in response.content.decode()


def test_municipal_administrator_creates_a_partner_for_own_municipality(
    client, administrator, municipality, other_municipality
):
    client.force_login(administrator)

    form = client.get("/admin/actions/partner/add/").context["adminform"].form
    response = client.post(
        "/admin/actions/partner/add/", {"municipality": municipality.pk, "name": "LOOP City"}
    )

    assert list(form.fields["municipality"].queryset) == [municipality]
    assert response.status_code == 302
    assert list(Partner.objects.values_list("municipality__code", "name")) == [("165", "LOOP City")]


def test_municipal_administrator_cannot_create_a_partner_for_another_municipality(
    client, administrator, other_municipality
):
    client.force_login(administrator)

    response = client.post(
        "/admin/actions/partner/add/", {"municipality": other_municipality.pk, "name": "Indsmuglet"}
    )

    assert response.status_code == 200
    assert "municipality" in response.context["adminform"].form.errors
    assert not Partner.objects.exists()


def test_municipal_administrator_is_redirected_from_other_municipalitys_partner(
    client, administrator, other_partner
):
    client.force_login(administrator)

    response = client.get(f"/admin/actions/partner/{other_partner.pk}/change/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_history_page_of_a_partner_opens(client, administrator, own_partner):
    client.force_login(administrator)

    response = client.get(f"/admin/actions/partner/{own_partner.pk}/history/")

    assert response.status_code == 200


def test_municipal_administrator_edits_committee_members_inline(
    client, administrator, municipality
):
    committee = Committee.objects.create(municipality=municipality, name="Økonomiudvalget")
    committee.members.create(name="Steen Christiansen", party="A")
    client.force_login(administrator)

    response = client.get(f"/admin/actions/committee/{committee.pk}/change/")

    assert response.status_code == 200
    assert 'value="Steen Christiansen"' in response.content.decode()


def test_plan_steering_and_service_promise_forms_offer_only_own_rows(
    client, administrator, municipality, other_municipality
):
    own_plan = ActionPlanFactory(municipality=municipality)
    ActionPlanFactory(municipality=other_municipality)
    own_committee = Committee.objects.create(municipality=municipality, name="Økonomiudvalget")
    Committee.objects.create(municipality=other_municipality, name="Ballerups udvalg")
    own_theme = ThemeFactory(track__plan=own_plan)
    ThemeFactory(track__plan__municipality=other_municipality)
    client.force_login(administrator)

    steering = client.get("/admin/actions/plansteering/add/").context["adminform"].form
    promise = client.get("/admin/actions/servicepromise/add/").context["adminform"].form

    assert list(steering.fields["plan"].queryset) == [own_plan]
    assert list(steering.fields["committee"].queryset) == [own_committee]
    assert list(promise.fields["plan"].queryset) == [own_plan]
    assert list(promise.fields["theme"].queryset) == [own_theme]


@pytest.mark.parametrize(
    "changelist",
    [
        "/admin/actions/partner/",
        "/admin/actions/committee/",
        "/admin/actions/plansteering/",
        "/admin/actions/servicepromise/",
    ],
)
def test_municipal_administrator_changelists_name_no_other_municipality(
    client, administrator, other_municipality, other_partner, changelist
):
    other_plan = ActionPlanFactory(municipality=other_municipality, title="Ballerups handleplan")
    committee = Committee.objects.create(municipality=other_municipality, name="Ballerups udvalg")
    other_plan.service_promises.create(text="Ballerups løfte")
    PlanSteering.objects.create(plan=other_plan, committee=committee)
    client.force_login(administrator)

    response = client.get(changelist)

    assert response.status_code == 200
    assert "Ballerup" not in response.content.decode()


@pytest.mark.parametrize("user", ["staff", "committee_reader"])
def test_members_who_are_not_administrators_cannot_open_partners(client, request, user):
    client.force_login(request.getfixturevalue(user))

    response = client.get("/admin/actions/partner/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/actions/partner/"


def test_a_partner_has_no_page_per_version_as_it_keeps_no_history(
    client, administrator, own_partner
):
    client.force_login(administrator)

    response = client.get(f"/admin/actions/partner/{own_partner.pk}/history/1/", follow=True)

    # Taken for the address of a partner with the id "1/history/1", which does not exist.
    assert response.redirect_chain[-1] == ("/admin/", 302)
