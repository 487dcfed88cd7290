"""Fixtures for the visits tests: a firm, its contact person, and the owner of follow-ups."""

import pytest

from actions.tests.conftest import smtp  # noqa: F401  (the fixture, reused)
from businesses.tests.factories import CompanyFactory
from contacts.tests.factories import ContactPersonFactory
from core.tests.factories import MembershipFactory
from visits.models import VisitTopic


@pytest.fixture
def company(db):
    return CompanyFactory(name="Vestskov Bryghus ApS", industry_code="110500")


@pytest.fixture
def contact(municipality, company):
    return ContactPersonFactory(
        municipality=municipality, company=company, name="Mette Brygger", title="Direktør"
    )


@pytest.fixture
def owner(municipality):
    """Eva, staff of the municipality, who owns follow-ups and is reminded of them."""
    return MembershipFactory(
        municipality=municipality,
        user__username="ejer",
        user__first_name="Eva",
        user__last_name="Ejer",
        user__email="eva@albertslund.example",
    ).user


def topic_named(municipality, name):
    return VisitTopic.objects.of_municipality(municipality).get(name=name)
