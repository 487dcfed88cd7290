"""The three users every view test needs: staff of the municipality, a committee reader, and
staff of another municipality (the outsider)."""

import pytest

from core.enums import Role
from core.tests.factories import MembershipFactory, MunicipalityFactory


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(code="165", name="Albertslund")


@pytest.fixture
def other_municipality(db):
    return MunicipalityFactory(code="151", name="Ballerup")


@pytest.fixture
def staff(municipality):
    return MembershipFactory(
        municipality=municipality, role=Role.STAFF, user__username="staff"
    ).user


@pytest.fixture
def administrator(municipality):
    return MembershipFactory(
        municipality=municipality, role=Role.ADMINISTRATOR, user__username="admin"
    ).user


@pytest.fixture
def committee_reader(municipality):
    return MembershipFactory(
        municipality=municipality, role=Role.COMMITTEE_READER, user__username="reader"
    ).user


@pytest.fixture
def outsider(other_municipality):
    return MembershipFactory(
        municipality=other_municipality, role=Role.STAFF, user__username="outsider"
    ).user
