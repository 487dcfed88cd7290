from datetime import date

import pytest

from strategy.enums import PlanKind, PlanStatus
from strategy.tests.factories import PlanFactory


@pytest.fixture
def strategy_and_draft_action_plan(municipality):
    strategy = PlanFactory(
        municipality=municipality,
        title="Erhvervsstrategi 2013-2017",
        adopted_by="Kommunalbestyrelsen",
        summary="Flere arbejdspladser",
        internal_note="Evalueres i 2016",
    )
    PlanFactory(
        municipality=municipality,
        kind=PlanKind.ACTION_PLAN,
        title="Handleplan 2015",
        status=PlanStatus.DRAFT,
        adopted_on=None,
        period_start=2015,
        period_end=2015,
        implements=strategy,
        internal_note="Til drøftelse",
    )
    return strategy


def test_anonymous_gets_adopted_plans_without_internal_note(client, strategy_and_draft_action_plan):
    strategy = strategy_and_draft_action_plan

    response = client.get("/api/v1/plans", {"municipality": "0165"})

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": strategy.pk,
            "title": "Erhvervsstrategi 2013-2017",
            "kind": "strategy",
            "status": "adopted",
            "period_start": 2013,
            "period_end": 2017,
            "adopted_on": "2013-09-10",
            "adopted_by": "Kommunalbestyrelsen",
            "implements_id": None,
            "summary": "Flere arbejdspladser",
        }
    ]


def test_outsider_gets_adopted_plans_without_internal_note(
    client, outsider, strategy_and_draft_action_plan
):
    client.force_login(outsider)

    response = client.get("/api/v1/plans", {"municipality": "165"})

    assert [sorted(plan) for plan in response.json()] == [
        [
            "adopted_by",
            "adopted_on",
            "id",
            "implements_id",
            "kind",
            "period_end",
            "period_start",
            "status",
            "summary",
            "title",
        ]
    ]


def test_member_gets_drafts_with_internal_notes_newest_period_first(
    client, committee_reader, strategy_and_draft_action_plan
):
    strategy = strategy_and_draft_action_plan
    client.force_login(committee_reader)

    response = client.get("/api/v1/plans", {"municipality": "165"})

    assert [
        (plan["title"], plan["status"], plan["implements_id"], plan["internal_note"])
        for plan in response.json()
    ] == [
        ("Handleplan 2015", "draft", strategy.pk, "Til drøftelse"),
        ("Erhvervsstrategi 2013-2017", "adopted", None, "Evalueres i 2016"),
    ]


def test_anonymous_is_not_told_of_a_draft_plan_an_adopted_plan_implements(client, municipality):
    draft = PlanFactory(municipality=municipality, status=PlanStatus.DRAFT, adopted_on=None)
    PlanFactory(municipality=municipality, title="Handleplan", implements=draft)

    response = client.get("/api/v1/plans", {"municipality": "165"})

    assert [(plan["title"], plan["implements_id"]) for plan in response.json()] == [
        ("Handleplan", None)
    ]


def test_unknown_municipality_gives_404(client, municipality):
    response = client.get("/api/v1/plans", {"municipality": "998"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Der findes ingen kommune med kommunekoden 998."}


def test_municipality_with_only_drafts_looks_like_one_without_plans(client, municipality):
    PlanFactory(municipality=municipality, status=PlanStatus.DRAFT, adopted_on=date(2020, 1, 1))

    response = client.get("/api/v1/plans", {"municipality": "165"})

    assert (response.status_code, response.json()) == (200, [])
