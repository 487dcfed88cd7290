"""Fixtures for the inquiries tests: a team with a lead, a topic routed to it, a received
inquiry, and the local SMTP server of the reminder tests."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core.enums import Role
from core.tests.factories import MembershipFactory
from inquiries import services
from inquiries.tests.factories import TeamFactory, TopicFactory

CPH = ZoneInfo("Europe/Copenhagen")


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=CPH)


@pytest.fixture
def lead(municipality):
    return MembershipFactory(
        municipality=municipality,
        role=Role.STAFF,
        user__username="leder",
        user__first_name="Lene",
        user__last_name="Leder",
        user__email="lene@albertslund.example",
    ).user


@pytest.fixture
def team(municipality, lead):
    return TeamFactory(municipality=municipality, name="Byggesager og lokalplaner", lead=lead)


@pytest.fixture
def topic(municipality, team):
    return TopicFactory(municipality=municipality, team=team, name="Byggetilladelse")


BUSINESS = {
    "cvr_number": "12345674",
    "company_name": "Hersted Smedie ApS",
    "contact_name": "Karin Jensen",
    "email": "karin@smedie.example",
    "phone": "43 21 00 00",
    "message": "Vi vil bygge en ny hal og spørger om byggetilladelse.",
}


@pytest.fixture
def business():
    return dict(BUSINESS)


def receive(municipality, topic, now, **values):
    inquiry, _ = services.receive_inquiry(
        municipality=municipality, topic=topic, values={**BUSINESS, **values}, now=now
    )
    return inquiry
