"""The pages do a fixed number of SQL queries, however many goals, measurements and history rows
there are: the count on a small data set must equal the count on a larger one."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.tests.factories import MembershipFactory, UserFactory
from strategy.models import Goal
from strategy.services import record_measurement, refresh_goal_status, update_goal
from strategy.tests.factories import (
    GoalFactory,
    MeasurementFactory,
    PlanFactory,
    ThemeFactory,
    TrackFactory,
)


def queries_of(client, url: str) -> int:
    # A first request warms process-wide caches (content types, translations) so that the
    # counted request only does the page's own queries; the page cache is emptied, so that it
    # computes what it shows (a cached page's count is checked on its own).
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def assert_same_queries(client, django_assert_num_queries, url: str, expected: int) -> None:
    """The page takes exactly `expected` queries to compute: a literal in each test, so that one
    query more per request (not only one more per goal) fails the test."""
    cache.clear()
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


def goal_in(plan, track=None, theme=None, measurements=1, **fields):
    goal = GoalFactory(plan=plan, track=track, theme=theme, **fields)
    for number in range(measurements):
        MeasurementFactory(
            goal=goal, measured_on=date(2014, 1, 1 + number), value=Decimal(100 + number)
        )
    return goal


@pytest.fixture
def owner(municipality):
    return UserFactory(username="ejer", first_name="Ejvind", last_name="Ejer")


@pytest.fixture
def small_plan(municipality, owner):
    """One plan, one track with one theme, one goal with one measurement."""
    plan = PlanFactory(municipality=municipality, title="Lille plan")
    track = TrackFactory(plan=plan, title="Spor A")
    theme = ThemeFactory(track=track, title="Tema A")
    goal_in(plan, track, theme, measurements=1, owner=owner)
    return plan


def grow(plan, owner):
    """Two more goals and 29 more measurements (30 in all), a second track and theme, a child
    goal, and a second plan with its own goal; their statuses stored, as the services do."""
    track = TrackFactory(plan=plan, title="Spor B")
    theme = ThemeFactory(track=track, title="Tema B")
    parent = goal_in(plan, track, theme, measurements=14, owner=owner)
    goal_in(plan, track, None, measurements=15, parent=parent)
    other_plan = PlanFactory(municipality=plan.municipality, title="Anden plan")
    goal_in(other_plan, measurements=0)
    refresh_goal_status(goal_ids=Goal.objects.values_list("pk", flat=True))


def test_dashboard_queries_do_not_grow_with_goals(
    client, staff, small_plan, owner, django_assert_num_queries
):
    client.force_login(staff)
    expected = queries_of(client, "/k/165/")
    assert expected == 9

    grow(small_plan, owner)

    assert_same_queries(client, django_assert_num_queries, "/k/165/", expected)


def test_dashboard_partial_queries_do_not_grow_with_goals(
    client, staff, small_plan, owner, django_assert_num_queries
):
    client.force_login(staff)
    client.defaults["HTTP_HX_REQUEST"] = "true"
    expected = queries_of(client, "/k/165/?status=off_track")
    assert expected == 9

    grow(small_plan, owner)

    assert_same_queries(client, django_assert_num_queries, "/k/165/?status=off_track", expected)


def test_plan_list_queries_do_not_grow_with_plans(
    client, staff, small_plan, owner, django_assert_num_queries
):
    client.force_login(staff)
    expected = queries_of(client, "/k/165/planer/")
    assert expected == 4

    grow(small_plan, owner)
    PlanFactory(municipality=small_plan.municipality, title="Handleplan", implements=small_plan)

    assert_same_queries(client, django_assert_num_queries, "/k/165/planer/", expected)


def test_plan_page_queries_do_not_grow_with_goals(
    client, staff, small_plan, owner, django_assert_num_queries
):
    client.force_login(staff)
    url = f"/k/165/planer/{small_plan.pk}/"
    expected = queries_of(client, url)
    assert expected == 11

    grow(small_plan, owner)

    assert_same_queries(client, django_assert_num_queries, url, expected)


def goal_with_family(plan, user, *, measurements: int, children: int, edits: int):
    """A goal with measurements, children with a measurement each, and a history of edits
    (each handing the goal to another owner) and recorded measurements by `user`."""
    goal = GoalFactory(plan=plan, title="Overordnet", owner=None)
    for number in range(measurements):
        record_measurement(
            goal=goal,
            user=user,
            measured_on=date(2014, 1, 1 + number),
            value=Decimal(100 * (number + 1)),
            source="Jobindsats",
        )
    for number in range(children):
        child = GoalFactory(
            plan=plan, parent=goal, title=f"Delmål {number}", target_value=Decimal(100)
        )
        MeasurementFactory(goal=child, measured_on=date(2015, 1, 1), value=Decimal(50))
    for number in range(edits):
        goal.refresh_from_db()
        update_goal(
            goal=goal,
            user=user,
            expected_version=goal.version,
            changes={
                "title": f"Overordnet, version {number + 2}",
                "owner": UserFactory(username=f"ejer-{goal.pk}-{number}"),
            },
        )
    refresh_goal_status(goal_ids=Goal.objects.values_list("pk", flat=True))
    return goal


def test_goal_page_queries_do_not_grow_with_measurements_children_or_history(
    client, staff, municipality, django_assert_num_queries
):
    plan = PlanFactory(municipality=municipality)
    small = goal_with_family(plan, staff, measurements=1, children=1, edits=1)
    large = goal_with_family(plan, staff, measurements=10, children=3, edits=4)
    client.force_login(staff)

    expected = queries_of(client, f"/k/165/maal/{small.pk}/")
    assert expected == 12

    assert_same_queries(client, django_assert_num_queries, f"/k/165/maal/{large.pk}/", expected)


def test_committee_reader_goal_page_queries_do_not_grow(
    client, committee_reader, staff, municipality, django_assert_num_queries
):
    plan = PlanFactory(municipality=municipality)
    small = goal_with_family(plan, staff, measurements=1, children=1, edits=1)
    large = goal_with_family(plan, staff, measurements=10, children=3, edits=4)
    client.force_login(committee_reader)

    expected = queries_of(client, f"/k/165/maal/{small.pk}/")
    assert expected == 12

    assert_same_queries(client, django_assert_num_queries, f"/k/165/maal/{large.pk}/", expected)


def test_goal_edit_page_queries_do_not_grow_with_members(
    client, staff, municipality, django_assert_num_queries
):
    plan = PlanFactory(municipality=municipality)
    goal = goal_with_family(plan, staff, measurements=1, children=1, edits=1)
    client.force_login(staff)
    url = f"/k/165/maal/{goal.pk}/rediger/"
    expected = queries_of(client, url)
    assert expected == 5

    for number in range(5):
        MembershipFactory(municipality=municipality, user__username=f"kollega{number}")

    assert_same_queries(client, django_assert_num_queries, url, expected)


def test_a_dashboard_computed_before_is_read_from_the_page_cache(
    client, staff, small_plan, owner, django_assert_num_queries
):
    """User, membership with its municipality, the header's memberships and the data version:
    the session, the statuses' freshness, the filters' options, the rows and the counts are
    cached."""
    client.force_login(staff)
    client.get("/k/165/")

    assert_cached = django_assert_num_queries(4)
    with assert_cached:
        response = client.get("/k/165/")
    assert response.status_code == 200


def test_a_goal_page_computed_before_is_read_from_the_page_cache(
    client, staff, municipality, django_assert_num_queries
):
    """User, membership with its municipality, the goal and the data version: the session, the
    statuses' freshness, the chart, measurements, roll-up and history come from the cache."""
    plan = PlanFactory(municipality=municipality)
    goal = goal_with_family(plan, staff, measurements=10, children=3, edits=4)
    client.force_login(staff)
    client.get(f"/k/165/maal/{goal.pk}/")

    with django_assert_num_queries(4):
        response = client.get(f"/k/165/maal/{goal.pk}/")
    assert response.status_code == 200
