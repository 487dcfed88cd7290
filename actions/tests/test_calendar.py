"""The plan's iCalendar feed: the exact events, who may fetch it, and what it never contains."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from actions.calendar import plan_calendar
from actions.enums import ActivityStatus
from actions.models import PlanSteering
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    StatusUpdateFactory,
)
from strategy.enums import PlanStatus
from strategy.tests.factories import PlanFactory

HOST = "http://testserver"


@pytest.fixture
def plan(municipality):
    return ActionPlanFactory(municipality=municipality, title="Handleplan for vækst 2016-2017")


@pytest.fixture
def dated(plan, staff):
    staff.first_name, staff.last_name = "Søren", "Ærbø"
    staff.save()
    fair = ActivityFactory(
        plan=plan,
        title="Erhvervsmesse på Ærø",
        status=ActivityStatus.IN_PROGRESS,
        starts_on=date(2016, 1, 1),
        ends_on=date(2016, 6, 30),
        owner=staff,
        budget=Decimal("987654"),
        spent=Decimal("77777"),
        responsible_unit="Hemmelig enhed",
        order=1,
    )
    ongoing = ActivityFactory(
        plan=plan,
        title="Løbende rådgivning",
        status=ActivityStatus.PLANNED,
        period_text="løbende",
        starts_on=None,
        ends_on=None,
        order=2,
    )
    booked = MilestoneFactory(
        activity=fair,
        title="Stande booket",
        due_on=date(2016, 3, 31),
        done_on=date(2016, 3, 15),
    )
    held = MilestoneFactory(activity=fair, title="Messen afholdt", due_on=date(2016, 5, 1))
    report = MilestoneFactory(activity=ongoing, title="Midtvejsrapport", due_on=date(2016, 9, 1))
    StatusUpdateFactory(activity=fair, comment="Fortroligt: budgettet skrider", is_internal=True)
    PlanSteering.objects.create(plan=plan, evaluation_due=date(2017, 12, 31))
    return {"fair": fair, "ongoing": ongoing, "booked": booked, "held": held, "report": report}


def feed_url(plan, code="165"):
    return f"/k/{code}/handleplaner/{plan.pk}/kalender.ics"


def events(response):
    calendar = Calendar.from_ical(response.content)
    return [
        (
            str(event["uid"]),
            event.decoded("dtstart"),
            event.decoded("dtend"),
            str(event["summary"]),
            str(event["description"]),
            str(event["url"]),
        )
        for event in calendar.walk("VEVENT")
    ]


def expected_events(plan, dated):
    fair, ongoing = dated["fair"], dated["ongoing"]
    fair_url = f"{HOST}/k/165/handleplaner/aktiviteter/{fair.pk}/"
    ongoing_url = f"{HOST}/k/165/handleplaner/aktiviteter/{ongoing.pk}/"
    title = "Handleplan for vækst 2016-2017"
    return [
        (
            f"milestone-{dated['booked'].pk}@kurs",
            date(2016, 3, 31),
            date(2016, 4, 1),
            "Milepæl: Stande booket",
            f"Milepæl for aktiviteten »Erhvervsmesse på Ærø« i {title}. Nået den 15-03-2016.",
            fair_url,
        ),
        (
            f"milestone-{dated['held'].pk}@kurs",
            date(2016, 5, 1),
            date(2016, 5, 2),
            "Milepæl: Messen afholdt",
            f"Milepæl for aktiviteten »Erhvervsmesse på Ærø« i {title}.",
            fair_url,
        ),
        (
            f"activity-{fair.pk}-deadline@kurs",
            date(2016, 6, 30),
            date(2016, 7, 1),
            "Frist: Erhvervsmesse på Ærø",
            f"Aktiviteten i {title} slutter. Status: I gang.",
            fair_url,
        ),
        (
            f"milestone-{dated['report'].pk}@kurs",
            date(2016, 9, 1),
            date(2016, 9, 2),
            "Milepæl: Midtvejsrapport",
            f"Milepæl for aktiviteten »Løbende rådgivning« i {title}.",
            ongoing_url,
        ),
        (
            f"plan-{plan.pk}-evaluation@kurs",
            date(2017, 12, 31),
            date(2018, 1, 1),
            f"Evaluering: {title}",
            f"{title} skal være evalueret senest denne dag.",
            f"{HOST}/k/165/handleplaner/{plan.pk}/",
        ),
    ]


def test_anonymous_gets_the_adopted_plans_exact_events(client, plan, dated):
    response = client.get(feed_url(plan))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert events(response) == expected_events(plan, dated)


def test_the_calendar_is_named_and_every_event_is_stamped_all_day_and_free(client, plan, dated):
    calendar = Calendar.from_ical(client.get(feed_url(plan)).content)

    assert str(calendar["version"]) == "2.0"
    assert str(calendar["x-wr-calname"]) == "Handleplan for vækst 2016-2017 (Kurs)"
    for event in calendar.walk("VEVENT"):
        assert isinstance(event.decoded("dtstamp"), datetime)
        assert type(event.decoded("dtstart")) is date
        assert str(event["transp"]) == "TRANSPARENT"


@pytest.mark.parametrize("user", ["staff", "committee_reader", "outsider"])
def test_everybody_gets_the_same_events_for_an_adopted_plan(client, request, plan, dated, user):
    client.force_login(request.getfixturevalue(user))

    assert events(client.get(feed_url(plan))) == expected_events(plan, dated)


@pytest.mark.parametrize("user", [None, "staff"])
def test_the_feed_never_holds_budgets_updates_or_names(client, request, plan, dated, user):
    if user:
        client.force_login(request.getfixturevalue(user))

    content = client.get(feed_url(plan)).content.decode()

    # Digits a DTSTAMP (yyyymmddThhmmss) cannot contain.
    for secret in ("987654", "77777", "Søren", "Ærbø", "staff", "Fortroligt", "Hemmelig enhed"):
        assert secret not in content


def test_uids_are_stable_from_one_fetch_to_the_next(client, plan, dated):
    first = [event[0] for event in events(client.get(feed_url(plan)))]
    second = [event[0] for event in events(client.get(feed_url(plan)))]

    assert first == second


@pytest.mark.parametrize(("user", "status"), [(None, 404), ("outsider", 404), ("staff", 200),
                                              ("committee_reader", 200)])  # fmt: skip
def test_a_draft_plans_feed_is_only_for_members(client, request, plan, dated, user, status):
    plan.status = PlanStatus.DRAFT
    plan.save()
    if user:
        client.force_login(request.getfixturevalue(user))

    response = client.get(feed_url(plan))

    assert response.status_code == status
    if status == 200:
        assert events(response) == expected_events(plan, dated)
        assert "private" in response["Cache-Control"]


def test_without_an_evaluation_date_there_is_no_evaluation_event(client, plan, dated):
    PlanSteering.objects.filter(plan=plan).update(evaluation_due=None)

    uids = [event[0] for event in events(client.get(feed_url(plan)))]

    assert f"plan-{plan.pk}-evaluation@kurs" not in uids
    assert len(uids) == 4


def test_an_empty_plan_gives_an_empty_calendar(client, plan):
    response = client.get(feed_url(plan))

    assert response.status_code == 200
    assert events(response) == []


def test_wrong_municipality_code_unknown_plan_or_a_strategy_give_404(
    client, plan, other_municipality, municipality
):
    foreign = ActionPlanFactory(municipality=other_municipality)
    strategy = PlanFactory(municipality=municipality)

    assert client.get(feed_url(plan, code="151")).status_code == 404
    assert client.get(feed_url(foreign)).status_code == 404
    assert client.get(feed_url(strategy)).status_code == 404
    assert client.get(feed_url(plan, code="999")).status_code == 404
    assert client.get("/k/165/handleplaner/999999/kalender.ics").status_code == 404


def test_the_feed_takes_three_queries_whatever_the_number_of_activities(plan, dated):
    def count():
        with CaptureQueriesContext(connection) as captured:
            plan_calendar(plan=plan, activity_url=str, now=datetime(2016, 1, 1, tzinfo=UTC))
        return len(captured)

    few = count()
    for number in range(5):
        MilestoneFactory(activity=ActivityFactory(plan=plan, title=f"Ekstra {number}"))

    assert few == count() == 3
