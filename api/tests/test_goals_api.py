from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy.enums import Assessment, GoalKind, PlanStatus
from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory, ThemeFactory


def goal_titles(response):
    return [goal["title"] for goal in response.json()]


@pytest.fixture
def adopted_and_draft_goals(municipality):
    adopted = PlanFactory(municipality=municipality, title="Erhvervsstrategi 2013-2017")
    draft = PlanFactory(
        municipality=municipality,
        title="Erhvervsstrategi 2018-2022",
        status=PlanStatus.DRAFT,
        adopted_on=None,
        period_start=2018,
        period_end=2022,
    )
    GoalFactory(plan=adopted, title="Vedtaget mål", internal_note="Ring til DI")
    GoalFactory(plan=draft, title="Udkast til mål", internal_note="Ikke drøftet endnu")


def test_anonymous_sees_adopted_goals_but_not_drafts(client, adopted_and_draft_goals):
    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert response.status_code == 200
    assert goal_titles(response) == ["Vedtaget mål"]


def test_anonymous_gets_no_internal_note_field(client, adopted_and_draft_goals):
    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert "internal_note" not in response.json()[0]


@pytest.mark.parametrize("member", ["staff", "committee_reader"])
def test_member_sees_drafts_and_internal_notes(client, request, member, adopted_and_draft_goals):
    client.force_login(request.getfixturevalue(member))

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert response.status_code == 200
    assert [
        (goal["title"], goal["plan"]["status"], goal["internal_note"]) for goal in response.json()
    ] == [
        ("Udkast til mål", "draft", "Ikke drøftet endnu"),
        ("Vedtaget mål", "adopted", "Ring til DI"),
    ]


def test_outsider_sees_only_public_goals_of_another_municipality(
    client, outsider, adopted_and_draft_goals
):
    client.force_login(outsider)

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert response.status_code == 200
    assert goal_titles(response) == ["Vedtaget mål"]
    assert "internal_note" not in response.json()[0]


def test_outsider_sees_internal_notes_of_own_municipality_only(
    client, outsider, other_municipality, adopted_and_draft_goals
):
    GoalFactory(plan__municipality=other_municipality, title="Ballerups mål", internal_note="Egen")
    client.force_login(outsider)

    response = client.get("/api/v1/goals", {"municipality": "151"})

    assert [(goal["title"], goal["internal_note"]) for goal in response.json()] == [
        ("Ballerups mål", "Egen")
    ]


@pytest.mark.parametrize("code", ["0165", "165", " 165 "])
def test_municipality_code_is_normalised(client, code, adopted_and_draft_goals):
    response = client.get("/api/v1/goals", {"municipality": code})

    assert response.status_code == 200
    assert goal_titles(response) == ["Vedtaget mål"]


def test_unknown_municipality_code_gives_404_with_message(client, municipality):
    response = client.get("/api/v1/goals", {"municipality": "999"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Der findes ingen kommune med kommunekoden 999."}


@pytest.mark.parametrize("code", ["abc", "1650", ""])
def test_malformed_municipality_code_gives_404_with_message(client, municipality, code):
    response = client.get("/api/v1/goals", {"municipality": code})

    assert response.status_code == 404
    assert response.json() == {
        "detail": f"'{code}' er ikke en kommunekode. Brug den tre-cifrede kode, fx 165."
    }


def test_missing_municipality_parameter_gives_422(client, municipality):
    response = client.get("/api/v1/goals")

    assert response.status_code == 422


def test_goals_of_other_municipalities_are_not_listed(
    client, municipality, other_municipality, adopted_and_draft_goals
):
    GoalFactory(plan__municipality=other_municipality, title="Ballerups mål")

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert goal_titles(response) == ["Vedtaget mål"]


def test_quantified_goal_with_measurement_meeting_target_is_achieved(client, municipality):
    plan = PlanFactory(municipality=municipality, title="Erhvervsstrategi 2013-2017")
    theme = ThemeFactory(track__plan=plan, track__title="Iværksætteri", title="Nye virksomheder")
    goal = GoalFactory(
        plan=plan,
        track=theme.track,
        theme=theme,
        title="At skabe mindst 1000 nye arbejdspladser",
        baseline_source="Danmarks Statistik",
        deadline_text="inden udgangen af 2017",
    )
    MeasurementFactory(goal=goal, measured_on=date(2014, 1, 1), value=Decimal(300))
    MeasurementFactory(
        goal=goal,
        measured_on=date(2016, 6, 30),
        value=Decimal(1200),
        source="Jobindsats",
        note="Tallet er foreløbigt",
    )

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": goal.pk,
            "title": "At skabe mindst 1000 nye arbejdspladser",
            "kind": "quantified",
            "plan": {
                "id": plan.pk,
                "title": "Erhvervsstrategi 2013-2017",
                "kind": "strategy",
                "status": "adopted",
                "period_start": 2013,
                "period_end": 2017,
            },
            "track": {"id": theme.track.pk, "title": "Iværksætteri", "kind": "strategic"},
            "theme": "Nye virksomheder",
            "parent_id": None,
            "metric": "Nye arbejdspladser",
            "unit": "arbejdspladser",
            "direction": "higher_is_better",
            "baseline": {"value": 0.0, "date": "2013-01-01", "source": "Danmarks Statistik"},
            "comparator": "at_least",
            "target": 1000.0,
            "deadline": "2017-12-31",
            "deadline_is_stated": True,
            "deadline_text": "inden udgangen af 2017",
            "recurrence": "none",
            "recurrence_from_year": None,
            "latest_measurement": {
                "date": "2016-06-30",
                "value": 1200.0,
                "assessment": None,
                "source": "Jobindsats",
                "is_illustrative": False,
            },
            "status": "achieved",
            "status_label": "Opfyldt",
            "progress": 1.0,
        }
    ]


def test_member_gets_measurement_note(client, staff, municipality):
    MeasurementFactory(goal__plan__municipality=municipality, note="Tallet er foreløbigt")
    client.force_login(staff)

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert response.json()[0]["latest_measurement"]["note"] == "Tallet er foreløbigt"


def test_outsider_gets_no_measurement_note(client, outsider, municipality):
    MeasurementFactory(goal__plan__municipality=municipality, note="Tallet er foreløbigt")
    client.force_login(outsider)

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert "note" not in response.json()[0]["latest_measurement"]


def test_goal_without_measurements_or_stated_deadline(client, municipality):
    GoalFactory(
        plan__municipality=municipality,
        plan__period_end=2030,
        kind=GoalKind.QUALITATIVE,
        metric="",
        unit="",
        comparator="",
        target_value=None,
        baseline_value=None,
        baseline_date=None,
        deadline=None,
    )

    response = client.get("/api/v1/goals", {"municipality": "165"})

    goal = response.json()[0]
    assert {
        key: goal[key]
        for key in [
            "baseline",
            "comparator",
            "target",
            "deadline",
            "deadline_is_stated",
            "latest_measurement",
            "status",
            "status_label",
            "progress",
        ]
    } == {
        "baseline": None,
        "comparator": None,
        "target": None,
        "deadline": "2030-12-31",
        "deadline_is_stated": False,
        "latest_measurement": None,
        "status": "not_measured",
        "status_label": "Ikke målt endnu",
        "progress": None,
    }


def test_assessment_of_qualitative_goal_is_the_latest_measurement(client, municipality):
    goal = GoalFactory(
        plan__municipality=municipality,
        kind=GoalKind.QUALITATIVE,
        comparator="",
        target_value=None,
        deadline=date(2030, 12, 31),
    )
    MeasurementFactory(
        goal=goal, measured_on=date(2015, 3, 1), value=None, assessment=Assessment.AT_RISK
    )

    response = client.get("/api/v1/goals", {"municipality": "165"})

    goal_data = response.json()[0]
    assert (goal_data["latest_measurement"], goal_data["status"]) == (
        {
            "date": "2015-03-01",
            "value": None,
            "assessment": "at_risk",
            "source": "Test",
            "is_illustrative": False,
        },
        "at_risk",
    )


def test_future_measurement_is_not_the_latest(client, municipality):
    goal = GoalFactory(plan__municipality=municipality)
    MeasurementFactory(goal=goal, measured_on=date(2015, 1, 1), value=Decimal(500))
    MeasurementFactory(goal=goal, measured_on=date(2999, 1, 1), value=Decimal(2000))

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert response.json()[0]["latest_measurement"]["date"] == "2015-01-01"


def test_parent_goal_is_linked_to_its_child(client, municipality):
    plan = PlanFactory(municipality=municipality)
    parent = GoalFactory(plan=plan, title="Overordnet", order=1)
    child = GoalFactory(plan=plan, title="Delmål", parent=parent, order=2)

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert [(goal["id"], goal["parent_id"]) for goal in response.json()] == [
        (parent.pk, None),
        (child.pk, parent.pk),
    ]


def test_anonymous_is_not_told_of_a_parent_goal_in_a_draft(client, municipality):
    draft_parent = GoalFactory(plan__municipality=municipality, plan__status=PlanStatus.DRAFT)
    GoalFactory(plan__municipality=municipality, title="Vedtaget delmål", parent=draft_parent)

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert [(goal["title"], goal["parent_id"]) for goal in response.json()] == [
        ("Vedtaget delmål", None)
    ]


def test_member_sees_the_parent_goal_in_a_draft(client, staff, municipality):
    draft_parent = GoalFactory(plan__municipality=municipality, plan__status=PlanStatus.DRAFT)
    child = GoalFactory(plan__municipality=municipality, parent=draft_parent)
    client.force_login(staff)

    response = client.get("/api/v1/goals", {"municipality": "165"})

    assert {goal["id"]: goal["parent_id"] for goal in response.json()} == {
        draft_parent.pk: None,
        child.pk: draft_parent.pk,
    }


def _queries_for_goals(client, municipality, count):
    plan = PlanFactory(municipality=municipality)
    parent = GoalFactory(plan=plan)
    for _ in range(count - 1):
        theme = ThemeFactory(track__plan=plan)
        goal = GoalFactory(plan=plan, track=theme.track, theme=theme, parent=parent)
        MeasurementFactory(goal=goal)
        MeasurementFactory(goal=goal, measured_on=date(2016, 1, 1))
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/goals", {"municipality": "165"})
    assert len(response.json()) == count
    plan.delete()
    return len(queries)


@pytest.mark.parametrize("user", [None, "staff", "outsider"])
def test_query_count_does_not_grow_with_the_number_of_goals(client, request, municipality, user):
    if user:
        client.force_login(request.getfixturevalue(user))

    for_one = _queries_for_goals(client, municipality, 1)
    for_five = _queries_for_goals(client, municipality, 5)

    assert for_one == for_five
