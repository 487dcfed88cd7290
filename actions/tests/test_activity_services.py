"""The one write path for activities: `create_activity` and `update_activity`, used by the edit
form and the Excel import alike (validation, lists, version and history)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from actions.enums import ActivityStatus
from actions.models import Activity
from actions.services import create_activity, update_activity
from actions.tests.factories import ActionPlanFactory, ActivityFactory, PartnerFactory
from strategy.tests.factories import GoalFactory, PlanFactory, ThemeFactory


@pytest.fixture
def plan(municipality):
    return ActionPlanFactory(municipality=municipality)


def values(**overrides):
    return {
        "title": "Iværksætterkaravane",
        "period_text": "2017",
        "starts_on": date(2017, 1, 1),
        "ends_on": date(2017, 12, 31),
        "status": ActivityStatus.PLANNED,
        "budget": Decimal("1234.50"),
        **overrides,
    }


def test_create_activity_saves_the_values_and_lists_last_in_the_plan(plan, staff, municipality):
    ActivityFactory(plan=plan, order=7)
    theme = ThemeFactory(track__plan=plan)
    partner = PartnerFactory(municipality=municipality)
    goal = GoalFactory(plan=PlanFactory(municipality=municipality))

    activity = create_activity(
        plan=plan,
        user=staff,
        values=values(owner=staff),
        themes=[theme],
        partners=[partner],
        goals=[goal],
    )

    activity.refresh_from_db()
    assert (activity.plan, activity.title, activity.owner, activity.order, activity.version) == (
        plan,
        "Iværksætterkaravane",
        staff,
        8,
        1,
    )
    assert (list(activity.themes.all()), list(activity.partners.all())) == ([theme], [partner])
    assert list(activity.goals.all()) == [goal]
    records = list(activity.history.order_by("history_id"))
    assert [(r.history_type, r.history_user, r.history_change_reason) for r in records] == [
        ("+", staff, "Aktivitet oprettet"),
        ("~", staff, "Aktivitet oprettet"),
    ]
    assert [t.theme_id for t in records[-1].themes.all()] == [theme.pk]


def test_create_activity_without_lists_writes_one_history_row_with_the_reason(plan, staff):
    activity = create_activity(
        plan=plan, user=staff, values=values(), reason="Importeret fra Excel"
    )

    assert [(r.history_type, r.history_change_reason) for r in activity.history.all()] == [
        ("+", "Importeret fra Excel")
    ]
    assert activity.order == 1


@pytest.mark.parametrize(
    ("make_lists", "expected"),
    [
        (
            lambda other, plan: {"partners": [PartnerFactory(municipality=other)]},
            {"partners": ["Vælg kun kommunens egne samarbejdspartnere."]},
        ),
        (
            lambda other, plan: {"themes": [ThemeFactory()]},
            {"themes": ["Vælg kun planens egne temaer."]},
        ),
        (
            lambda other, plan: {"goals": [GoalFactory(plan__municipality=other)]},
            {"goals": ["Vælg kun mål fra kommunens egne planer."]},
        ),
    ],
    ids=["partner", "theme", "goal"],
)
def test_create_activity_refuses_lists_from_elsewhere_and_saves_nothing(
    plan, staff, other_municipality, make_lists, expected
):
    lists = make_lists(other_municipality, plan)

    with pytest.raises(ValidationError) as error:
        create_activity(plan=plan, user=staff, values=values(), **lists)

    assert error.value.message_dict == expected
    assert not Activity.objects.exists()


def test_create_activity_refuses_an_owner_from_another_municipality(plan, staff, outsider):
    with pytest.raises(ValidationError) as error:
        create_activity(plan=plan, user=staff, values=values(owner=outsider))

    assert error.value.message_dict == {"owner": ["Vælg en ansvarlig, der er bruger i kommunen."]}
    assert not Activity.objects.exists()


def test_create_activity_refuses_invalid_values_with_the_models_messages(plan, staff):
    with pytest.raises(ValidationError) as error:
        create_activity(
            plan=plan,
            user=staff,
            values=values(title="", starts_on=date(9999, 12, 31), budget=Decimal(-1)),
        )

    assert error.value.message_dict == {
        "title": ["Dette felt kan ikke være tomt."],
        "starts_on": ["Datoen skal ligge mellem 1900 og 2100."],
        "budget": ["Denne værdi skal være større end eller lig 0."],
    }
    assert not Activity.objects.exists()


def test_a_description_of_more_than_20000_characters_is_refused(plan, staff):
    with pytest.raises(ValidationError) as error:
        create_activity(plan=plan, user=staff, values=values(description="x" * 20_001))

    assert error.value.message_dict == {
        "description": ["Denne værdi må højst have 20000 tegn (den har 20001)."]
    }
    create_activity(plan=plan, user=staff, values=values(description="x" * 20_000))


def test_update_activity_sets_themes_and_records_the_reason(plan, staff):
    activity = ActivityFactory(plan=plan)
    theme = ThemeFactory(track__plan=plan)

    update_activity(
        activity=activity,
        user=staff,
        expected_version=1,
        changes={"title": "Nyt navn"},
        themes=[theme],
        reason="Importeret fra Excel",
    )

    activity.refresh_from_db()
    assert (activity.title, activity.version, list(activity.themes.all())) == (
        "Nyt navn",
        2,
        [theme],
    )
    record = activity.history.order_by("-history_id").first()
    assert (record.history_user, record.history_change_reason) == (staff, "Importeret fra Excel")
    assert activity.history.count() == 2


def test_update_activity_refuses_another_plans_theme_and_an_outside_owner(plan, staff, outsider):
    activity = ActivityFactory(plan=plan, title="Uændret")

    with pytest.raises(ValidationError) as error:
        update_activity(
            activity=activity,
            user=staff,
            expected_version=1,
            changes={"title": "Ændret", "owner": outsider},
            themes=[ThemeFactory()],
        )

    assert error.value.message_dict == {
        "owner": ["Vælg en ansvarlig, der er bruger i kommunen."],
        "themes": ["Vælg kun planens egne temaer."],
    }
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.version) == ("Uændret", 1)
