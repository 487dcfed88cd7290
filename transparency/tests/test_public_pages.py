"""The public pages show adopted plans, their goals and activities to anyone, and never a
municipality's internal data: drafts, internal notes, measurement notes, budgets, owners or who
entered what. Every public page is fetched without login and searched for each internal value."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from actions.models import PlanSteering
from actions.tests.factories import ActionPlanFactory, ActivityFactory, StatusUpdateFactory
from core.tests.factories import UserFactory
from officialstats.tests.factories import NEIGHBOURS, OfficialSeriesFactory
from strategy.enums import PlanStatus
from strategy.services import refresh_goal_status
from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory

pytestmark = pytest.mark.django_db

# Every internal value planted below; none may appear on any public page.
SECRETS = [
    "Udkast-strategi",
    "Udkast-mål",
    "Hemmeligt delmål",
    "PLAN-NOTE-INTERN",
    "MÅL-NOTE-INTERN",
    "MÅLINGS-NOTE-INTERN",
    "STATUS-KOMMENTAR-INTERN",
    "RESSOURCE-NOTE-INTERN",
    "Olga",
    "Ejersen",
    "Ingrid",
    "Indtaster",
    "Anders",
    "Aktivitetsejer",
    "Sofie",
    "Statusskriver",
    "123.456",
    "654.321",
    "7.777",
    "999.888",
]


@pytest.fixture
def published(municipality):
    """An adopted strategy and action plan full of internal data, and a draft beside them."""
    goal_owner = UserFactory(first_name="Olga", last_name="Ejersen")
    entered_by = UserFactory(first_name="Ingrid", last_name="Indtaster")
    activity_owner = UserFactory(first_name="Anders", last_name="Aktivitetsejer")
    writer = UserFactory(first_name="Sofie", last_name="Statusskriver")
    strategy = PlanFactory(
        municipality=municipality, title="Erhvervsstrategi", internal_note="PLAN-NOTE-INTERN"
    )
    goal = GoalFactory(
        plan=strategy, title="Flere job", owner=goal_owner, internal_note="MÅL-NOTE-INTERN"
    )
    MeasurementFactory(
        goal=goal,
        value=Decimal(400),
        source="Jobcentret",
        note="MÅLINGS-NOTE-INTERN",
        entered_by=entered_by,
    )
    draft = PlanFactory(municipality=municipality, title="Udkast-strategi", status=PlanStatus.DRAFT)
    GoalFactory(plan=draft, title="Udkast-mål")
    GoalFactory(plan=draft, title="Hemmeligt delmål", parent=goal)
    action_plan = ActionPlanFactory(
        municipality=municipality, title="Handleplan", implements=strategy
    )
    PlanSteering.objects.create(
        plan=action_plan, resource_pool=Decimal(999888), resource_note="RESSOURCE-NOTE-INTERN"
    )
    activity = ActivityFactory(
        plan=action_plan,
        title="Iværksætterforløb",
        owner=activity_owner,
        budget=Decimal(123456),
        spent=Decimal(654321),
        hours=Decimal(7777),
        responsible_unit="Erhvervsteamet",
    )
    StatusUpdateFactory(
        activity=activity, comment="STATUS-KOMMENTAR-INTERN", author=writer, is_internal=False
    )
    refresh_goal_status(goal_ids=[goal.pk])
    return {"strategy": strategy, "goal": goal, "action_plan": action_plan, "draft": draft}


def public_pages(published) -> list[str]:
    code = "165"
    return [
        reverse("public:municipality", kwargs={"code": code}),
        reverse("public:plan", kwargs={"code": code, "plan_id": published["strategy"].pk}),
        reverse("public:plan", kwargs={"code": code, "plan_id": published["action_plan"].pk}),
        reverse("public:goal", kwargs={"code": code, "goal_id": published["goal"].pk}),
        reverse("public:accessibility"),
    ]


def test_every_public_page_opens_without_login_and_shows_no_internal_data(client, published):
    for url in public_pages(published):
        response = client.get(url)

        html = response.content.decode()
        assert response.status_code == 200, url
        assert [secret for secret in SECRETS if secret in html] == [], url


def test_a_member_reading_the_public_pages_sees_no_internal_data_either(client, staff, published):
    client.force_login(staff)

    for url in public_pages(published):
        html = client.get(url).content.decode()
        assert [secret for secret in SECRETS if secret in html] == [], url


def test_the_public_pages_show_what_was_adopted(client, published):
    home = client.get(public_pages(published)[0]).content.decode()
    strategy = client.get(public_pages(published)[1]).content.decode()
    action_plan = client.get(public_pages(published)[2]).content.decode()
    goal = client.get(public_pages(published)[3]).content.decode()

    assert "Erhvervsstrategi" in home and "Handleplan" in home
    assert "Flere job" in strategy
    assert "Iværksætterforløb" in action_plan and "I gang" in action_plan
    assert "Ansvarlig enhed: Erhvervsteamet" in action_plan
    assert "Jobcentret" in goal and "400" in goal
    assert '<svg class="kurs-chart"' in goal
    assert "Tallenes kilde" in goal


def test_a_draft_its_goals_and_another_municipalitys_plan_are_not_found(
    client, published, other_municipality
):
    foreign = PlanFactory(municipality=other_municipality)
    draft_goal = published["draft"].goals.first()

    assert (
        client.get(
            reverse("public:plan", kwargs={"code": "165", "plan_id": published["draft"].pk})
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("public:goal", kwargs={"code": "165", "goal_id": draft_goal.pk})
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("public:plan", kwargs={"code": "165", "plan_id": foreign.pk})
        ).status_code
        == 404
    )
    assert client.get(reverse("public:municipality", kwargs={"code": "999"})).status_code == 404


def test_the_document_link_of_an_adopted_plan_is_shown(client, published, settings, tmp_path):
    from django.core.files.base import ContentFile

    plan = published["strategy"]
    plan.source_document.save("strategi.txt", ContentFile(b"Erhvervsstrategi"), save=True)

    html = client.get(public_pages(published)[1]).content.decode()

    assert reverse("strategy:plan_document", kwargs={"code": "165", "plan_id": plan.pk}) in html


def test_every_page_links_to_the_accessibility_statement(client, staff, published):
    statement = reverse("public:accessibility")
    client.force_login(staff)

    internal = client.get(reverse("strategy:dashboard", kwargs={"code": "165"}))

    assert f'href="{statement}"' in internal.content.decode()
    client.logout()
    for url in public_pages(published):
        assert f'href="{statement}"' in client.get(url).content.decode(), url


def test_the_statement_says_which_parts_the_municipality_fills_in(client):
    html = client.get(reverse("public:accessibility")).content.decode()

    assert "Overholdelsesstatus" in html
    assert "Håndhævelsesprocedure" in html
    assert "Digitaliseringsstyrelsen" in html
    assert html.count("[Udfyldes af kommunen") == 3


def test_the_comparison_with_the_neighbours_is_on_the_municipality_page(
    client, municipality, statbank
):
    from officialstats.client import StatBankClient
    from officialstats.services import fetch_series

    series = OfficialSeriesFactory(
        municipality=municipality,
        title="Job pr. indbygger",
        selection={"OMRÅDE": NEIGHBOURS, "BRANCHEDB0710": ["TOT"], "TAL": ["ANSATTE"]},
        area_variable="OMRÅDE",
        per_capita=True,
    )
    fetch_series(series=series, client=StatBankClient())

    html = client.get(reverse("public:municipality", kwargs={"code": "165"})).content.decode()

    assert "Job pr. indbygger" in html
    assert '<th scope="row">Region Hovedstaden</th>' in html
    assert "Kilde: Danmarks Statistik, ERHV2" in html


def test_a_page_served_again_costs_few_queries(client, published, django_assert_num_queries):
    url = public_pages(published)[1]
    client.get(url)

    with django_assert_num_queries(3):
        client.get(url)


def test_a_change_shows_at_once(client, published):
    url = public_pages(published)[1]
    client.get(url)

    published["goal"].title = "Endnu flere job"
    published["goal"].save()

    assert "Endnu flere job" in client.get(url).content.decode()


def test_activities_come_100_a_page(client, published):
    for number in range(100):
        ActivityFactory(plan=published["action_plan"], title=f"Ekstra {number}", order=number + 1)
    url = public_pages(published)[2]

    first = client.get(url).content.decode()
    second = client.get(url + "?side=2").content.decode()

    assert "Ekstra 98" in first and "Ekstra 99" not in first
    assert "?side=2" in first
    assert "Ekstra 99" in second


def test_statuses_are_brought_up_to_date_before_a_page_shows_them(client, published):
    goal = published["goal"]
    goal.status_on = date(2000, 1, 1)
    goal.save(update_fields=["status_on"])

    client.get(public_pages(published)[1])

    goal.refresh_from_db()
    assert goal.status_on != date(2000, 1, 1)


@pytest.mark.parametrize("count", [1, 3])
def test_a_plan_page_computed_afresh_costs_the_same_for_1_and_3_goals_and_activities(
    client, municipality, count, django_assert_num_queries
):
    strategy = PlanFactory(municipality=municipality)
    action_plan = ActionPlanFactory(municipality=municipality, implements=strategy)
    for number in range(count):
        GoalFactory(plan=action_plan, title=f"Mål {number}")
        ActivityFactory(plan=action_plan, title=f"Aktivitet {number}")
    refresh_goal_status(goal_ids=action_plan.goals.values_list("pk", flat=True))
    url = reverse("public:plan", kwargs={"code": "165", "plan_id": action_plan.pk})

    with django_assert_num_queries(10):
        client.get(url)


@pytest.mark.parametrize("count", [1, 3])
def test_the_municipality_page_computed_afresh_costs_the_same_for_1_and_3_series(
    client, municipality, statbank, count, django_assert_num_queries
):
    from officialstats.client import StatBankClient
    from officialstats.services import fetch_series

    for _ in range(count):
        fetch_series(
            series=OfficialSeriesFactory(municipality=municipality), client=StatBankClient()
        )
    url = reverse("public:municipality", kwargs={"code": "165"})

    with django_assert_num_queries(5):
        client.get(url)
