"""The admin's "History" page of municipalities and memberships: who changed a role, and when.

Both models keep a simple-history trail like the strategy models, so the page lists each change
with the user who made it, for the superuser and for the municipality's administrator alike."""

import html
import re

import pytest

from core.enums import Role
from core.models import Membership, Municipality
from core.tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def membership(municipality):
    return MembershipFactory(
        municipality=municipality, role=Role.COMMITTEE_READER, user__username="eva"
    )


def change_role_in_admin(client, membership, role) -> None:
    response = client.post(
        f"/admin/core/membership/{membership.pk}/change/",
        {"user": membership.user_id, "municipality": membership.municipality_id, "role": role},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors


def page_text(response) -> str:
    """The history table as a reader sees it: tags dropped, spaces collapsed."""
    table = re.search(r'<table id="change-history".*?</table>', response.content.decode(), re.S)
    assert table, "the page has no history table"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", table.group(0))).split())


def history_rows(response) -> list[tuple[str, str]]:
    """(kind of change, user) of each row on simple-history's history page, newest first."""
    return [
        (record.history_type, str(record.history_user))
        for record in response.context["page_obj"].object_list
    ]


@pytest.mark.parametrize("who", ["superuser", "administrator"])
def test_membership_history_lists_the_role_change_and_who_made_it(client, request, who, membership):
    user = request.getfixturevalue(who)
    client.force_login(user)
    change_role_in_admin(client, membership, Role.STAFF)

    response = client.get(f"/admin/core/membership/{membership.pk}/history/")

    assert response.status_code == 200
    assert history_rows(response) == [("~", str(user)), ("+", "None")]
    roles = [record.role for record in response.context["page_obj"].object_list]
    assert roles == [Role.STAFF, Role.COMMITTEE_READER]
    assert "Rolle: committee_reader → staff" in page_text(response)


@pytest.mark.parametrize("who", ["superuser", "administrator"])
def test_municipality_history_lists_the_rename_and_who_made_it(client, request, who, municipality):
    user = request.getfixturevalue(who)
    client.force_login(user)
    renamed = client.post(
        f"/admin/core/municipality/{municipality.pk}/change/",
        {"code": "165", "name": "Albertslund Kommune"},
    )
    assert renamed.status_code == 302

    response = client.get(f"/admin/core/municipality/{municipality.pk}/history/")

    assert response.status_code == 200
    assert history_rows(response) == [("~", str(user)), ("+", "None")]
    names = [record.name for record in response.context["page_obj"].object_list]
    assert names == ["Albertslund Kommune", "Albertslund"]
    assert "Navn: Albertslund → Albertslund Kommune" in page_text(response)


def test_administrator_cannot_read_another_municipalitys_membership_history(
    client, administrator, outsider
):
    client.force_login(administrator)
    other = Membership.objects.get(user=outsider)

    membership_page = client.get(f"/admin/core/membership/{other.pk}/history/")
    municipality_page = client.get(
        f"/admin/core/municipality/{Municipality.objects.get(code='151').pk}/history/"
    )

    assert membership_page.status_code == 404
    assert municipality_page.status_code == 404


def test_a_deleted_membership_keeps_its_history(administrator, membership):
    membership_id = membership.pk

    membership.delete()

    kinds = list(Membership.history.filter(id=membership_id).values_list("history_type", flat=True))
    assert kinds == ["-", "+"]
