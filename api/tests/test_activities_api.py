from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.enums import ActivityStatus, TrafficLight
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    PartnerFactory,
    StatusUpdateFactory,
)
from strategy.enums import PlanStatus
from strategy.tests.factories import GoalFactory, PlanFactory, ThemeFactory

MEMBER_FIELDS = {"owner", "budget", "spent", "hours", "latest_update"}


def titles(response):
    return [activity["title"] for activity in response.json()]


@pytest.fixture
def adopted(municipality):
    return ActionPlanFactory(
        municipality=municipality, title="Handleplan 2016-2017", period_start=2016
    )


@pytest.fixture
def draft(municipality):
    return ActionPlanFactory(
        municipality=municipality,
        title="Handleplan 2018",
        status=PlanStatus.DRAFT,
        adopted_on=None,
        period_start=2018,
        period_end=2018,
    )


@pytest.fixture
def fair(adopted, draft, municipality, other_municipality, staff):
    """An activity of the adopted plan with everything filled in, and one in the draft."""
    staff.first_name, staff.last_name = "Søren", "Ærbø"
    staff.save()
    theme = ThemeFactory(track__plan=adopted, title="Iværksætteri")
    strategy = PlanFactory(municipality=municipality, title="Erhvervsstrategi 2013-2017")
    draft_strategy = PlanFactory(
        municipality=municipality, title="Strategi (udkast)", status=PlanStatus.DRAFT
    )
    public_goal = GoalFactory(plan=strategy, title="1000 nye arbejdspladser")
    draft_goal = GoalFactory(plan=draft_strategy, title="Hemmeligt mål")
    foreign_goal = GoalFactory(plan__municipality=other_municipality, title="Ballerups mål")
    activity = ActivityFactory(
        plan=adopted,
        title="Erhvervsmesse på Ærø",
        description="Messe for nye virksomheder",
        period_text="1. halvår 2016",
        starts_on=date(2016, 1, 1),
        ends_on=date(2016, 6, 30),
        status=ActivityStatus.IN_PROGRESS,
        responsible_unit="Erhvervsservice",
        owner=staff,
        budget=Decimal("125000.50"),
        spent=Decimal("40000"),
        hours=Decimal("120.5"),
        order=1,
    )
    activity.themes.set([theme])
    activity.partners.set(
        [
            PartnerFactory(municipality=municipality, name="Gate 21"),
            PartnerFactory(municipality=municipality, name="DTU"),
            PartnerFactory(municipality=other_municipality, name="Ballerup Erhverv"),
        ]
    )
    activity.goals.set([public_goal, draft_goal, foreign_goal])
    MilestoneFactory(
        activity=activity,
        title="Stande booket",
        due_on=date(2016, 3, 31),
        done_on=date(2016, 3, 15),
    )
    MilestoneFactory(activity=activity, title="Messen afholdt", due_on=date(2016, 5, 1))
    StatusUpdateFactory(
        activity=activity, reported_on=date(2016, 3, 1), light=TrafficLight.GREEN, comment="Godt"
    )
    StatusUpdateFactory(
        activity=activity,
        reported_on=date(2016, 4, 1),
        light=TrafficLight.YELLOW,
        comment="Færre udstillere end ventet",
        is_internal=True,
    )
    ActivityFactory(plan=draft, title="Udkast til aktivitet")
    return {"activity": activity, "public_goal": public_goal, "draft_goal": draft_goal}


def public_fair(adopted, fair):
    return {
        "id": fair["activity"].pk,
        "title": "Erhvervsmesse på Ærø",
        "description": "Messe for nye virksomheder",
        "plan": {
            "id": adopted.pk,
            "title": "Handleplan 2016-2017",
            "kind": "action_plan",
            "status": "adopted",
        },
        "period": {"text": "1. halvår 2016", "starts_on": "2016-01-01", "ends_on": "2016-06-30"},
        "status": "in_progress",
        "status_label": "I gang",
        "themes": ["Iværksætteri"],
        "partners": ["DTU", "Gate 21"],
        "goals": [{"id": fair["public_goal"].pk, "title": "1000 nye arbejdspladser"}],
        "responsible_unit": "Erhvervsservice",
        "milestones": [
            {"title": "Stande booket", "due_on": "2016-03-31", "done_on": "2016-03-15"},
            {"title": "Messen afholdt", "due_on": "2016-05-01", "done_on": None},
        ],
    }


def test_anonymous_gets_the_public_activity_exactly(client, adopted, fair):
    response = client.get("/api/v1/activities", {"municipality": "165"})

    assert response.status_code == 200
    assert response.json() == [public_fair(adopted, fair)]


def test_anonymous_never_gets_member_fields_or_personal_data(client, adopted, fair):
    response = client.get("/api/v1/activities", {"municipality": "165"})

    assert not MEMBER_FIELDS & set(response.json()[0])
    for secret in ("Søren", "staff", "125000", "Færre udstillere", "Hemmeligt mål", "Ballerup"):
        assert secret not in response.content.decode()


@pytest.mark.parametrize("member", ["staff", "committee_reader"])
def test_member_gets_drafts_and_member_fields(client, request, member, adopted, fair):
    client.force_login(request.getfixturevalue(member))

    response = client.get("/api/v1/activities", {"municipality": "165"})

    assert response.status_code == 200
    assert titles(response) == ["Udkast til aktivitet", "Erhvervsmesse på Ærø"]
    expected = public_fair(adopted, fair) | {
        "goals": [
            {"id": fair["public_goal"].pk, "title": "1000 nye arbejdspladser"},
            {"id": fair["draft_goal"].pk, "title": "Hemmeligt mål"},
        ],
        "owner": {"username": "staff", "name": "Søren Ærbø"},
        "budget": 125000.5,
        "spent": 40000.0,
        "hours": 120.5,
        "latest_update": {
            "reported_on": "2016-04-01",
            "light": "yellow",
            "comment": "Færre udstillere end ventet",
        },
    }
    assert response.json()[1] == expected


def test_member_fields_are_null_when_empty(client, staff, adopted):
    ActivityFactory(plan=adopted, title="Tom", owner=None, budget=None)
    client.force_login(staff)

    activity = client.get("/api/v1/activities", {"municipality": "165"}).json()[0]

    assert {name: activity[name] for name in MEMBER_FIELDS} == dict.fromkeys(MEMBER_FIELDS)


def test_outsider_gets_only_the_public_view(client, outsider, adopted, fair):
    client.force_login(outsider)

    response = client.get("/api/v1/activities", {"municipality": "165"})

    assert response.json() == [public_fair(adopted, fair)]


def test_outsider_gets_member_fields_for_own_municipality(client, outsider, other_municipality):
    ActivityFactory(plan__municipality=other_municipality, title="Ballerups", budget=Decimal(5))
    client.force_login(outsider)

    response = client.get("/api/v1/activities", {"municipality": "151"})

    assert [(a["title"], a["budget"]) for a in response.json()] == [("Ballerups", 5.0)]


def test_plan_parameter_limits_to_one_plan(client, staff, adopted, draft, fair):
    client.force_login(staff)

    response = client.get("/api/v1/activities", {"municipality": "165", "plan": draft.pk})

    assert titles(response) == ["Udkast til aktivitet"]


def test_a_draft_plan_is_404_for_the_public(client, draft, fair):
    response = client.get("/api/v1/activities", {"municipality": "165", "plan": draft.pk})

    assert response.status_code == 404
    assert response.json() == {"detail": f"Kommunen har ingen plan med id {draft.pk}."}


def test_a_plan_of_another_municipality_is_404(client, other_municipality, municipality):
    foreign = ActionPlanFactory(municipality=other_municipality)

    response = client.get("/api/v1/activities", {"municipality": "165", "plan": foreign.pk})

    assert response.status_code == 404


@pytest.mark.parametrize("code", ["0165", "165", " 165 "])
def test_municipality_code_is_normalised(client, code, adopted, fair):
    response = client.get("/api/v1/activities", {"municipality": code})

    assert titles(response) == ["Erhvervsmesse på Ærø"]


def test_unknown_municipality_code_gives_404(client, municipality):
    response = client.get("/api/v1/activities", {"municipality": "999"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Der findes ingen kommune med kommunekoden 999."}


def test_missing_municipality_gives_422(client, municipality):
    assert client.get("/api/v1/activities").status_code == 422


def test_activities_of_other_municipalities_are_not_listed(client, other_municipality, fair):
    ActivityFactory(plan__municipality=other_municipality, title="Ballerups")

    response = client.get("/api/v1/activities", {"municipality": "165"})

    assert titles(response) == ["Erhvervsmesse på Ærø"]


def test_order_is_newest_plan_first_then_the_plans_order(client, municipality):
    old = ActionPlanFactory(municipality=municipality, title="Gammel", period_start=2010)
    new = ActionPlanFactory(municipality=municipality, title="Ny", period_start=2016)
    ActivityFactory(plan=old, title="Gammel A", order=1)
    ActivityFactory(plan=new, title="Ny B", order=2)
    ActivityFactory(plan=new, title="Ny A", order=1)

    response = client.get("/api/v1/activities", {"municipality": "165"})

    assert titles(response) == ["Ny A", "Ny B", "Gammel A"]


@pytest.mark.parametrize("member", [False, True])
def test_query_count_is_the_same_for_one_and_five_activities(
    client, staff, municipality, adopted, member
):
    if member:
        client.force_login(staff)

    def add_activity(number):
        activity = ActivityFactory(plan=adopted, owner=staff, title=f"Aktivitet {number}")
        activity.themes.add(ThemeFactory(track__plan=adopted))
        activity.partners.add(PartnerFactory(municipality=municipality))
        activity.goals.add(GoalFactory(plan=adopted))
        MilestoneFactory(activity=activity)
        StatusUpdateFactory(activity=activity)

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/activities", {"municipality": "165"})
        assert response.status_code == 200
        return len(captured), len(response.json())

    add_activity(0)
    one, listed_one = count()
    for number in range(1, 5):
        add_activity(number)
    five, listed_five = count()

    assert (listed_one, listed_five) == (1, 5)
    assert one == five


def test_activities_come_a_page_at_a_time_with_the_total_and_links(client, adopted):
    for number in range(5):
        ActivityFactory(plan=adopted, title=f"Aktivitet {number}", order=number)

    first = client.get("/api/v1/activities", {"municipality": "165", "limit": 2})
    last = client.get("/api/v1/activities", {"municipality": "165", "limit": 2, "offset": 4})

    assert titles(first) == ["Aktivitet 0", "Aktivitet 1"]
    assert first["X-Total-Count"] == "5"
    assert first["Link"] == (
        '<http://testserver/api/v1/activities?municipality=165&limit=2&offset=2>; rel="next"'
    )
    assert titles(last) == ["Aktivitet 4"]
    assert last["X-Total-Count"] == "5"
    assert last["Link"] == (
        '<http://testserver/api/v1/activities?municipality=165&limit=2&offset=2>; rel="prev"'
    )


def test_one_page_of_activities_has_no_link_header(client, adopted):
    ActivityFactory(plan=adopted)

    response = client.get("/api/v1/activities", {"municipality": "165"})

    assert response["X-Total-Count"] == "1"
    assert not response.has_header("Link")


@pytest.mark.parametrize(
    ("name", "value"), [("limit", "0"), ("limit", "501"), ("offset", "-1"), ("offset", "9" * 30)]
)
def test_a_page_outside_the_bounds_is_a_422(client, adopted, name, value):
    response = client.get("/api/v1/activities", {"municipality": "165", name: value})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", name]


@pytest.mark.parametrize("plan", ["9" * 5000, "9" * 19, "0", "-1", "²", "abc"])
def test_a_plan_id_that_cannot_be_an_id_is_a_422_not_a_500(client, municipality, plan):
    response = client.get("/api/v1/activities", {"municipality": "165", "plan": plan})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "plan"]


def test_a_municipality_code_of_5000_digits_is_a_short_404(client, municipality):
    response = client.get("/api/v1/activities", {"municipality": "9" * 5000})

    assert response.status_code == 404
    assert response.json() == {
        "detail": "'99999999999999999999…' er ikke en kommunekode. "
        "Brug den tre-cifrede kode, fx 165."
    }
