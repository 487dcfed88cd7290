"""Fixtures for the procurement tests: a public tender of Albertslund with two bids."""

from datetime import date

import pytest

from businesses.tests.factories import CompanyFactory
from procurement import services


@pytest.fixture
def firm(db):
    return CompanyFactory(name="Vestskov Rengøring ApS")


@pytest.fixture
def tender(municipality):
    return services.create_tender(
        municipality=municipality,
        title="Rengøring af kommunens institutioner",
        description="Rengøring fra 2027.",
        expected_publication=date(2027, 1, 15),
        estimated_value=None,
        contact_name="Indkøbsteamet",
        contact_email="indkob@albertslund.example",
        contact_phone="",
        is_public=True,
    )


@pytest.fixture
def bids(tender, firm):
    chosen = services.add_bid(
        tender=tender,
        company_name=firm.name,
        cvr_number=firm.cvr_number,
        received_on=date(2026, 11, 20),
    )
    other = services.add_bid(
        tender=tender, company_name="Andet Firma A/S", received_on=date(2026, 11, 21)
    )
    third = services.add_bid(
        tender=tender, company_name="Tredje Firma I/S", received_on=date(2026, 11, 22)
    )
    return chosen, other, third
