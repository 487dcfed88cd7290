"""The Django admin is scoped like every other view: a municipal administrator sees and changes
only the municipalities they administer (`core.admin`)."""

import pytest
from django.urls import NoReverseMatch, reverse

from core.tests.factories import UserFactory
from strategy.enums import PlanStatus
from strategy.models import Goal, Plan
from strategy.tests.factories import GoalFactory, PlanFactory, TrackFactory


@pytest.fixture
def own_plan(municipality):
    return PlanFactory(municipality=municipality, title="Albertslunds erhvervsstrategi")


@pytest.fixture
def other_plan(other_municipality):
    return PlanFactory(
        municipality=other_municipality, title="Ballerups udkast", status=PlanStatus.DRAFT
    )


@pytest.fixture
def own_goal(own_plan):
    return GoalFactory(plan=own_plan, title="Albertslunds mål")


@pytest.fixture
def other_goal(other_plan):
    return GoalFactory(plan=other_plan, title="Ballerups mål", internal_note="Fortroligt")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def changelist_titles(response) -> set[str]:
    return {obj.title for obj in response.context["cl"].result_list}


def test_municipal_administrator_can_open_the_admin(client, administrator):
    client.force_login(administrator)

    response = client.get("/admin/")

    assert response.status_code == 200


def test_municipal_administrator_can_log_in_through_the_admin_login(client, administrator):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "admin", "password": "password"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_staff_user_cannot_log_in_through_the_admin_login(client, staff):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "staff", "password": "password"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_municipal_administrator_sees_only_own_plans(client, administrator, own_plan, other_plan):
    client.force_login(administrator)

    response = client.get("/admin/strategy/plan/")

    assert response.status_code == 200
    assert changelist_titles(response) == {"Albertslunds erhvervsstrategi"}
    assert "Ballerups udkast" not in response.content.decode()


def test_municipal_administrator_sees_only_own_goals(client, administrator, own_goal, other_goal):
    client.force_login(administrator)

    response = client.get("/admin/strategy/goal/")

    assert response.status_code == 200
    assert changelist_titles(response) == {"Albertslunds mål"}
    content = response.content.decode()
    assert "Ballerups mål" not in content
    assert "Ballerups udkast" not in content  # nor in the plan filter


def test_municipal_administrator_is_redirected_from_other_municipalitys_goal(
    client, administrator, other_goal
):
    client.force_login(administrator)

    response = client.get(f"/admin/strategy/goal/{other_goal.pk}/change/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_municipal_administrator_cannot_read_other_municipalitys_goal_history(
    client, administrator, other_goal
):
    client.force_login(administrator)

    response = client.get(f"/admin/strategy/goal/{other_goal.pk}/history/")

    assert response.status_code == 404


def test_municipal_administrator_cannot_open_or_revert_a_historical_version_of_other_goal(
    client, administrator, own_plan, other_goal
):
    client.force_login(administrator)
    version = other_goal.history.get()

    opened = client.get(f"/admin/strategy/goal/{other_goal.pk}/history/{version.history_id}/")
    reverted = client.post(
        f"/admin/strategy/goal/{other_goal.pk}/history/{version.history_id}/",
        {
            "plan": own_plan.pk,
            "title": "Kapret",
            "kind": "quantified",
            "order": 0,
            "direction": "higher_is_better",
            "comparator": "at_least",
            "target_value": "1",
            "recurrence": "none",
            "data_source": "manual",
            "rollup_weight": "1",
            "_change_history": "1",
        },
    )

    assert opened.status_code == 404
    assert reverted.status_code == 404
    stored = Goal.objects.get(pk=other_goal.pk)
    assert (stored.title, stored.plan_id) == ("Ballerups mål", other_goal.plan_id)


def test_municipal_administrator_cannot_open_old_version_of_goal_moved_to_other_municipality(
    client, administrator, own_goal, other_plan
):
    old_version = own_goal.history.get()
    own_goal.plan = other_plan
    own_goal.save()
    client.force_login(administrator)

    response = client.get(f"/admin/strategy/goal/{own_goal.pk}/history/{old_version.history_id}/")

    assert response.status_code == 404


def test_municipal_administrator_gets_the_same_answer_for_other_goal_history_as_for_none(
    client, administrator, other_goal
):
    client.force_login(administrator)
    version = other_goal.history.get()
    missing = other_goal.pk + 1000

    answers = [
        client.get(f"/admin/strategy/goal/{other_goal.pk}/history/").status_code,
        client.get(f"/admin/strategy/goal/{missing}/history/").status_code,
        client.get(
            f"/admin/strategy/goal/{other_goal.pk}/history/{version.history_id}/"
        ).status_code,
        client.get(f"/admin/strategy/goal/{missing}/history/{version.history_id}/").status_code,
    ]

    assert answers == [404, 404, 404, 404]


def test_municipal_administrator_is_refused_user_history_whether_or_not_the_account_exists(
    client, administrator, outsider
):
    client.force_login(administrator)

    existing = client.get(f"/admin/core/user/{outsider.pk}/history/")
    missing = client.get(f"/admin/core/user/{outsider.pk + 1000}/history/")

    assert (existing.status_code, missing.status_code) == (403, 403)


def test_the_admin_has_no_view_on_site_redirect_which_would_look_up_any_row():
    with pytest.raises(NoReverseMatch):
        reverse("admin:view_on_site", args=[1, 1])


def test_municipal_administrator_can_read_own_goal_history(client, administrator, own_goal):
    client.force_login(administrator)
    version = own_goal.history.get()

    history = client.get(f"/admin/strategy/goal/{own_goal.pk}/history/")
    old_version = client.get(f"/admin/strategy/goal/{own_goal.pk}/history/{version.history_id}/")

    assert history.status_code == 200
    assert old_version.status_code == 200


@pytest.mark.parametrize(
    "changelist",
    [
        "/admin/core/municipality/",
        "/admin/core/membership/",
        "/admin/strategy/plan/",
        "/admin/strategy/theme/",
        "/admin/strategy/goal/",
        "/admin/strategy/measurement/",
    ],
)
def test_municipal_administrator_changelists_name_no_other_municipality(
    client, administrator, outsider, own_goal, other_goal, changelist
):
    client.force_login(administrator)

    response = client.get(changelist)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Ballerup" not in content
    assert "outsider" not in content


def test_goal_add_form_offers_only_own_plans(client, administrator, own_plan, other_plan):
    client.force_login(administrator)

    response = client.get("/admin/strategy/goal/add/")

    assert response.status_code == 200
    plan_field = response.context["adminform"].form.fields["plan"]
    assert list(plan_field.queryset) == [own_plan]


def test_goal_add_form_offers_only_own_parent_goals_and_users(
    client, administrator, staff, outsider, own_goal, other_goal
):
    client.force_login(administrator)

    response = client.get("/admin/strategy/goal/add/")

    fields = response.context["adminform"].form.fields
    assert list(fields["parent"].queryset) == [own_goal]
    assert set(fields["owner"].queryset) == {administrator, staff}


def test_plan_change_form_offers_only_own_plans_to_implement(
    client, administrator, own_plan, other_plan
):
    client.force_login(administrator)
    action_plan = PlanFactory(municipality=own_plan.municipality, title="Handleplan")

    response = client.get(f"/admin/strategy/plan/{action_plan.pk}/change/")

    assert response.status_code == 200
    implements = response.context["adminform"].form.fields["implements"]
    assert set(implements.queryset) == {own_plan, action_plan}


def test_municipal_administrator_cannot_add_a_goal_to_other_municipalitys_plan(
    client, administrator, other_plan
):
    client.force_login(administrator)

    response = client.post(
        "/admin/strategy/goal/add/",
        {
            "plan": other_plan.pk,
            "title": "Indsmuglet",
            "kind": "qualitative",
            "order": 0,
            "direction": "higher_is_better",
            "recurrence": "none",
            "data_source": "manual",
            "rollup_weight": "1",
        },
    )

    assert response.status_code == 200
    assert "plan" in response.context["adminform"].form.errors
    assert not Goal.objects.filter(title="Indsmuglet").exists()


def test_staff_user_cannot_enter_the_admin(client, staff):
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_committee_reader_cannot_enter_the_admin(client, committee_reader):
    client.force_login(committee_reader)

    response = client.get("/admin/strategy/goal/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/strategy/goal/"


def test_superuser_sees_every_municipalitys_plans_and_goals(
    client, superuser, own_goal, other_goal
):
    client.force_login(superuser)

    plans = client.get("/admin/strategy/plan/")
    goals = client.get("/admin/strategy/goal/")
    other_change = client.get(f"/admin/strategy/goal/{other_goal.pk}/change/")

    assert changelist_titles(plans) == {"Albertslunds erhvervsstrategi", "Ballerups udkast"}
    assert changelist_titles(goals) == {"Albertslunds mål", "Ballerups mål"}
    assert other_change.status_code == 200
    assert set(Plan.objects.all()) == {own_goal.plan, other_goal.plan}


def test_municipal_administrator_edits_tracks_inline_on_own_plan(client, administrator, own_plan):
    TrackFactory(plan=own_plan, title="Grøn vækst")
    client.force_login(administrator)

    response = client.get(f"/admin/strategy/plan/{own_plan.pk}/change/")

    assert response.status_code == 200
    assert 'name="tracks-0-title"' in response.content.decode()
    assert 'value="Grøn vækst"' in response.content.decode()


def test_a_change_list_shows_fifty_rows_a_page(client, administrator, municipality):
    plan = PlanFactory(municipality=municipality)
    for number in range(51):
        GoalFactory(plan=plan, title=f"Mål {number:02}")
    client.force_login(administrator)

    first = client.get("/admin/strategy/goal/")
    second = client.get("/admin/strategy/goal/?p=2")

    assert len(changelist_titles(first)) == 50
    assert len(changelist_titles(second)) == 1
    assert "51 mål" in first.content.decode()
