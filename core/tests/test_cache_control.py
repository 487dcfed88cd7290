"""Pages with internal data are never kept by a browser or proxy cache: every response to a
logged-in user says `Cache-Control: private, no-store`, unless the view chose its own policy
(the public calendar feed of an adopted plan may be cached for an hour)."""

import pytest
from django.test import Client

from actions.tests.factories import ActionPlanFactory
from strategy.enums import PlanStatus
from strategy.tests.factories import GoalFactory, PlanFactory


@pytest.fixture
def goal(municipality):
    plan = PlanFactory(municipality=municipality, status=PlanStatus.DRAFT, adopted_on=None)
    return GoalFactory(plan=plan, title="Mindst 1000 nye arbejdspladser")


def directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("user", ["staff", "committee_reader"])
def test_dashboard_and_goal_page_are_private_and_not_stored(client, request, goal, user):
    client.force_login(request.getfixturevalue(user))

    dashboard = client.get("/k/165/")
    goal_page = client.get(f"/k/165/maal/{goal.pk}/")

    assert dashboard.status_code == 200
    assert goal_page.status_code == 200
    assert dashboard["Cache-Control"] == "private, no-store"
    assert goal_page["Cache-Control"] == "private, no-store"


def test_outsiders_404_is_private_and_not_stored_too(client, outsider, goal):
    client.force_login(outsider)

    response = client.get(f"/k/165/maal/{goal.pk}/")

    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"


def test_api_answer_to_a_member_is_private_and_not_stored(client, staff, goal):
    client.force_login(staff)

    response = client.get("/api/v1/plans", {"municipality": "165"})

    assert response.status_code == 200
    assert [plan["status"] for plan in response.json()] == ["draft"]
    assert response["Cache-Control"] == "private, no-store"


def test_admin_pages_are_private_and_not_stored(client, administrator, goal):
    client.force_login(administrator)

    response = client.get(f"/admin/strategy/goal/{goal.pk}/change/")

    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_public_calendar_feed_keeps_its_own_hour_also_for_a_logged_in_member(
    client, staff, municipality
):
    plan = ActionPlanFactory(municipality=municipality)
    client.force_login(staff)

    response = client.get(f"/k/165/handleplaner/{plan.pk}/kalender.ics")

    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=3600"


def test_anonymous_public_answers_get_no_private_header(municipality):
    PlanFactory(municipality=municipality)

    response = Client().get("/api/v1/plans", {"municipality": "165"})

    assert response.status_code == 200
    assert not response.has_header("Cache-Control")
