"""The inquiry figures under /api/v1/: public monthly figures, open inquiries for members only."""

from datetime import timedelta

import pytest

from inquiries import services
from inquiries.enums import Action
from inquiries.tests.conftest import at, receive
from inquiries.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(municipality):
    return TopicFactory(municipality=municipality)


@pytest.fixture
def closed(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 3, 2, 9))
    return services.change_state(
        inquiry=inquiry,
        user=staff,
        expected_version=1,
        action=Action.CLOSED,
        now=at(2026, 3, 2, 9) + timedelta(days=3),
    )


def test_monthly_figures_are_public_and_hold_no_personal_data(client, closed, topic):
    response = client.get("/api/v1/inquiries/figures", {"municipality": "165", "year": 2026})
    assert response.status_code == 200
    assert response.json() == [
        {
            "month": "2026-03-01",
            "team": topic.team.name,
            "topic": topic.name,
            "closed": 1,
            "judged": 1,
            "kept": 0,
            "kept_share": 0.0,
            "median_days": 3.0,
            "p90_days": 3.0,
        }
    ]


def test_a_year_outside_the_bounds_is_refused(client, municipality):
    response = client.get("/api/v1/inquiries/figures", {"municipality": "165", "year": 20260})
    assert response.status_code == 422


def test_open_inquiries_are_not_found_for_anonymous_and_outsiders(
    client,
    outsider,
    municipality,
    topic,
):
    receive(municipality, topic, at(2026, 3, 2, 9))
    assert client.get("/api/v1/inquiries/open", {"municipality": "165"}).status_code == 404
    client.force_login(outsider)
    assert client.get("/api/v1/inquiries/open", {"municipality": "165"}).status_code == 404


def test_members_see_open_inquiries_with_company_and_owner(client, staff, municipality, topic):
    inquiry = receive(municipality, topic, at(2026, 3, 2, 9))
    services.change_state(
        inquiry=inquiry, user=staff, expected_version=1, action=Action.TAKEN, now=at(2026, 3, 2, 10)
    )
    client.force_login(staff)
    (row,) = client.get("/api/v1/inquiries/open", {"municipality": "165"}).json()
    assert (row["reference"], row["owner"], row["company_name"], row["state"]) == (
        inquiry.reference,
        str(staff),
        "Hersted Smedie ApS",
        "running",
    )
