"""Fixtures for the visits tests: a firm and its contact person; the owner of follow-ups (Eva)
and the local SMTP server are the actions tests' fixtures."""

import pytest

from actions.tests.conftest import owner  # noqa: F401  (the fixture, reused)
from businesses.tests.factories import CompanyFactory
from contacts.tests.factories import ContactPersonFactory
from visits.models import VisitTopic


@pytest.fixture
def company(db):
    return CompanyFactory(name="Vestskov Bryghus ApS", industry_code="110500")


@pytest.fixture
def contact(municipality, company):
    return ContactPersonFactory(
        municipality=municipality, company=company, name="Mette Brygger", title="Direktør"
    )


def topic_named(municipality, name):
    return VisitTopic.objects.of_municipality(municipality).get(name=name)
