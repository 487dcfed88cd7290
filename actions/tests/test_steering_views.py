"""The steering and resources pages as a browser sees them: who may see them, what they show in
Danish formats, and a number of queries that does not grow with the number of activities."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actions.enums import ActivityStatus, ReportingCycle, TrafficLight
from actions.models import Committee, PlanSteering
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    StatusUpdateFactory,
)
from core.tests.factories import MembershipFactory
from strategy.models import Goal
from strategy.services import refresh_goal_status
from strategy.tests.factories import (
    GoalFactory,
    MeasurementFactory,
    PlanFactory,
    ThemeFactory,
    TrackFactory,
)

TODAY = timezone.localdate()
LONG_AGO = timezone.now() - timedelta(days=400)


@pytest.fixture
def plan(municipality):
    plan = ActionPlanFactory(
        municipality=municipality,
        title="Tidsplan 2007-2009",
        period_start=TODAY.year - 1,
        period_end=TODAY.year + 1,
    )
    PlanSteering.objects.create(
        plan=plan,
        committee=Committee.objects.create(
            municipality=municipality, name="Erhvervs- og Beskæftigelsesudvalget"
        ),
        reporting_cycle=ReportingCycle.QUARTERLY,
        resource_pool=Decimal(400_000),
        evaluation_period="foråret 2009",
    )
    return plan


def urls(plan) -> list[str]:
    return [f"/k/165/handleplaner/{plan.pk}/styring/", f"/k/165/handleplaner/{plan.pk}/ressourcer/"]


def old(instance):
    instance.history.update(history_date=LONG_AGO)
    return instance


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# Who may see the pages


def test_staff_and_committee_reader_see_both_pages(client, staff, committee_reader, plan):
    for user in (staff, committee_reader):
        client.force_login(user)
        for url in urls(plan):
            html = page(client, url)
            assert "Tidsplan 2007-2009" in html, url
            assert "Erhvervs- og Beskæftigelsesudvalget" in html, url


def test_an_outsider_gets_404(client, outsider, plan):
    client.force_login(outsider)

    for url in urls(plan):
        assert client.get(url).status_code == 404, url


def test_anonymous_is_sent_to_log_in(client, plan):
    for url in urls(plan):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/login/?next="), url


def test_another_municipalitys_plan_and_a_strategy_are_not_found(
    client, staff, plan, other_municipality, municipality
):
    client.force_login(staff)
    foreign = ActionPlanFactory(municipality=other_municipality)
    strategy = PlanFactory(municipality=municipality)

    for other in (foreign, strategy):
        for url in urls(other):
            assert client.get(url).status_code == 404, url


def test_the_pages_use_no_inline_styles_or_scripts(client, staff, plan):
    ActivityFactory(plan=plan, budget=1000)
    client.force_login(staff)

    for url in urls(plan):
        html = page(client, url)
        assert " style=" not in html, url
        assert "<script>" not in html, url
        assert "steering.css" in html


# The steering page


def test_steering_page_shows_changes_own_activities_first(client, staff, plan):
    other = old(ActivityFactory(plan=plan, title="Erhvervsrådets møder", order=1))
    mine = old(
        ActivityFactory(
            plan=plan,
            title="Fair trade city",
            owner=staff,
            order=2,
            status=ActivityStatus.PLANNED,
            ends_on=date(TODAY.year, 6, 30),
        )
    )
    mine.status = ActivityStatus.IN_PROGRESS
    mine.ends_on = date(TODAY.year, 12, 31)
    mine.save()
    StatusUpdateFactory(
        activity=other,
        reported_on=TODAY,
        light=TrafficLight.YELLOW,
        comment="Færre deltagere end ventet",
    )
    client.force_login(staff)

    html = page(client, urls(plan)[0])

    assert html.index("Dine aktiviteter") < html.index("Fair trade city")
    assert html.index("Fair trade city") < html.index("Øvrige aktiviteter")
    assert html.index("Øvrige aktiviteter") < html.index("Erhvervsrådets møder")
    assert "Planlagt" in html and "I gang" in html
    assert f"30. jun. {TODAY.year}" in html and f"31. dec. {TODAY.year}" in html
    assert "+184 dage" in html
    assert "Færre deltagere end ventet" in html
    assert "Gul – udfordringer" in html
    assert f"/k/165/handleplaner/aktiviteter/{mine.pk}/" in html


def test_steering_page_defaults_to_90_days_and_takes_a_chosen_date(client, staff, plan):
    activity = old(ActivityFactory(plan=plan, title="Affaldskampagne"))
    update = StatusUpdateFactory(activity=activity, reported_on=TODAY - timedelta(days=100))
    type(update).objects.filter(pk=update.pk).update(created_at=LONG_AGO)
    client.force_login(staff)

    default = page(client, urls(plan)[0])
    chosen = page(client, urls(plan)[0] + f"?siden={(TODAY - timedelta(days=120)).isoformat()}")

    assert f'value="{(TODAY - timedelta(days=90)).isoformat()}"' in default
    assert "Ingen ændringer siden" in default
    assert "Affaldskampagne" not in re.search(r'id="changes".*?</section>', default, re.S)[0]
    assert "Kører efter planen" in chosen
    assert f'value="{(TODAY - timedelta(days=120)).isoformat()}"' in chosen


@pytest.mark.parametrize("raw", ["igår", "2016-02-30", "9999-01-01"])
def test_an_unusable_date_falls_back_to_90_days_with_a_message(client, staff, plan, raw):
    client.force_login(staff)

    html = page(client, urls(plan)[0] + f"?siden={raw}")

    assert "Datoen kunne ikke bruges" in html
    assert f'value="{(TODAY - timedelta(days=90)).isoformat()}"' in html


def test_owners_behind_table(client, staff, committee_reader, plan, municipality):
    laggard = MembershipFactory(
        municipality=municipality, user__first_name="Lars", user__last_name="Langsom"
    ).user
    period = {"starts_on": date(TODAY.year - 1, 1, 1), "ends_on": date(TODAY.year + 1, 12, 31)}
    ActivityFactory(plan=plan, owner=laggard, title="Uden opdatering", **period)
    late = ActivityFactory(plan=plan, owner=laggard, title="Overskredet", **period)
    MilestoneFactory(activity=late, due_on=TODAY - timedelta(days=1))
    StatusUpdateFactory(activity=late, reported_on=TODAY)
    fresh = ActivityFactory(plan=plan, owner=staff, title="Opdateret", **period)
    StatusUpdateFactory(activity=fresh, reported_on=TODAY)
    client.force_login(committee_reader)

    html = page(client, urls(plan)[0])

    table = re.search(r'<table class="table st-behind-table">.*?</table>', html, re.S)[0]
    row = re.search(r"<tr>\s*<th scope=\"row\">Lars Langsom.*?</tr>", table, re.S)[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert [c.strip() for c in cells] == ["1", "0", f"1. apr. {TODAY.year - 1}", "1", "2"]
    assert str(staff) not in table
    assert "À jour" in html


def test_owners_behind_table_names_goal_owners_with_a_measurement_due(
    client, committee_reader, plan, municipality
):
    measurer = MembershipFactory(
        municipality=municipality, user__first_name="Gitte", user__last_name="Goalejer"
    ).user
    strategy = PlanFactory(
        municipality=municipality, period_start=TODAY.year - 1, period_end=TODAY.year + 1
    )
    plan.implements = strategy
    plan.save()
    GoalFactory(
        plan=strategy,
        owner=measurer,
        title="Flere iværksættere",
        baseline_date=date(TODAY.year - 1, 1, 1),
        deadline=date(TODAY.year + 1, 12, 31),
    )
    client.force_login(committee_reader)

    html = page(client, urls(plan)[0])

    table = re.search(r'<table class="table st-behind-table">.*?</table>', html, re.S)[0]
    row = re.search(r"<tr>\s*<th scope=\"row\">Gitte Goalejer.*?</tr>", table, re.S)[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert [c.strip() for c in cells] == ["0", "1", f"1. apr. {TODAY.year - 1}", "0", "0"]
    assert "Flere iværksættere" in row


# The resources page


def test_resources_page_shows_danish_sums_and_the_chart(client, staff, plan, municipality):
    strategy = PlanFactory(municipality=municipality)
    goal = GoalFactory(plan=strategy, title="1000 nye arbejdspladser")
    MeasurementFactory(goal=goal, measured_on=date(2016, 1, 1), value=Decimal(375))
    theme = ThemeFactory(plan=plan, track=TrackFactory(plan=plan), title="Erhvervsservice")
    for budget, spent, hours in ((Decimal("250000"), Decimal("125000.5"), Decimal("1234.5")),) * 2:
        activity = ActivityFactory(plan=plan, budget=budget, spent=spent, hours=hours)
        activity.themes.add(theme)
        activity.goals.add(goal)
    client.force_login(staff)

    html = page(client, urls(plan)[1])

    table = re.search(r'<table class="table rs-table".*?</table>', html, re.S)[0]
    assert "Erhvervsservice" in table
    assert "500.000" in table
    assert "250.001" in table  # 250.001 kr. spent, rounded to whole kroner
    assert "2.469" in table  # hours
    assert "50 %" in table  # spent share
    assert "38 %" in table  # goal progress 0,375
    assert table.count("1000 nye arbejdspladser") == 2  # once in the theme, once in the total
    assert '<svg class="rs-chart"' in html
    assert "400.000 kr." in html  # the pool
    assert "125 %" in html  # budget share of the pool
    assert "foråret 2009" in html


def test_resources_page_of_a_plan_without_activities(client, staff, plan):
    client.force_login(staff)

    html = page(client, urls(plan)[1])

    assert "Planen har ingen indsatsområder eller aktiviteter endnu." in html


# Bounded queries


def queries_of(client, url) -> int:
    """The queries of computing the page (the page cache emptied after a warming request)."""
    client.get(url)  # warm caches (content types, translations)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def populate(plan, strategy, owners, start, count):
    themes = list(plan.themes.all())
    for number in range(start, start + count):
        activity = old(
            ActivityFactory(
                plan=plan,
                title=f"Aktivitet {number}",
                owner=owners[number % len(owners)],
                budget=Decimal(1000 * number),
                spent=Decimal(500 * number),
                hours=Decimal(number),
                status=ActivityStatus.PLANNED,
                starts_on=date(TODAY.year - 1, 1, 1),
                ends_on=date(TODAY.year - 1, 12, 31),
            )
        )
        activity.themes.add(themes[number % len(themes)])
        goal = GoalFactory(plan=strategy, owner=owners[0])
        MeasurementFactory(goal=goal, measured_on=date(TODAY.year - 1, 6, 1))
        activity.goals.add(goal)
        old(MilestoneFactory(activity=activity, due_on=date(TODAY.year - 1, 6, 1)))
        activity.status = ActivityStatus.IN_PROGRESS
        activity.ends_on = date(TODAY.year, 12, 31)
        activity.save()
        StatusUpdateFactory(activity=activity, reported_on=TODAY)
        StatusUpdateFactory(activity=activity, reported_on=TODAY - timedelta(days=200))
    # Stored as the services would have stored it, so the page reads and does not compute.
    refresh_goal_status(goal_ids=Goal.objects.values_list("pk", flat=True))


@pytest.mark.parametrize(("which", "queries"), [(0, 13), (1, 10)], ids=["steering", "resources"])
def test_queries_do_not_grow_with_activities(client, staff, plan, municipality, which, queries):
    strategy = PlanFactory(municipality=municipality)
    track = TrackFactory(plan=plan)
    for title in ("Globalisering", "Erhvervsservice"):
        ThemeFactory(plan=plan, track=track, title=title)
    owners = [staff] + [MembershipFactory(municipality=municipality).user for _ in range(2)]
    populate(plan, strategy, owners, 0, 3)
    client.force_login(staff)
    url = urls(plan)[which]
    few = queries_of(client, url)

    populate(plan, strategy, owners, 3, 27)
    many = queries_of(client, url)

    assert [few, many] == [queries, queries]
    if which == 0:
        assert page(client, url).count("Slutdato rykket") == 30


# The municipality's owners behind, loaded into the dashboard


def test_owners_behind_overview_spans_adopted_plans_only(client, staff, municipality, plan):
    staff.first_name, staff.last_name = "Karin", "Bagud"
    staff.save()
    ActivityFactory(plan=plan, owner=staff, title="Forsinket aktivitet")
    draft = ActionPlanFactory(municipality=municipality, status="draft")
    ActivityFactory(plan=draft, title="Udkastets aktivitet")
    client.force_login(staff)

    html = page(client, "/k/165/handleplaner/bagud/")

    section = html.split('id="behind-heading"')[1]
    assert "Karin Bagud" in section
    assert "Forsinket aktivitet" in section
    assert "Udkastets aktivitet" not in section
    assert "<!DOCTYPE html>" in html


def test_owners_behind_overview_answers_htmx_with_the_section_and_varies(client, staff, plan):
    client.force_login(staff)

    response = client.get("/k/165/handleplaner/bagud/", headers={"HX-Request": "true"})
    restore = client.get(
        "/k/165/handleplaner/bagud/",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )

    assert response.content.decode().startswith('<section class="kurs-behind"')
    assert "<!DOCTYPE html>" in restore.content.decode()
    for answer in (response, restore):
        assert {"HX-Request", "HX-History-Restore-Request"} <= set(answer["Vary"].split(", "))


def test_owners_behind_overview_is_for_members_only(client, committee_reader, outsider, plan):
    assert client.get("/k/165/handleplaner/bagud/").status_code == 302
    client.force_login(outsider)
    assert client.get("/k/165/handleplaner/bagud/").status_code == 404
    client.force_login(committee_reader)
    assert client.get("/k/165/handleplaner/bagud/").status_code == 200


def test_the_changes_come_a_hundred_activities_a_page_with_each_heading_once(client, staff, plan):
    # Created today, so each activity is one change ("Aktivitet oprettet"); staff owns two.
    for number in range(103):
        ActivityFactory(
            plan=plan,
            title=f"Aktivitet nummer {number:03}",
            order=number,
            owner=staff if number in (50, 101) else None,
        )
    client.force_login(staff)
    url = f"/k/165/handleplaner/{plan.pk}/styring/"

    first = page(client, url)
    more = client.get(url + "?side=2", headers={"HX-Request": "true"}).content.decode()

    assert first.count('<article class="st-group') == 100
    assert more.count('<article class="st-group') == 3
    assert "Vis flere af 103 aktiviteter" in first
    assert 'id="more-changes"' not in more
    assert first.count("Dine aktiviteter") == more.count("Dine aktiviteter") + 1 == 1
    assert first.count("Øvrige aktiviteter") == 1 and "Øvrige aktiviteter" not in more
    own = re.findall(r"Aktivitet nummer (\d{3})", first)[:2]
    assert own == ["050", "101"]
    shown = re.findall(r"Aktivitet nummer (\d{3})", first + more)
    assert sorted(set(shown)) == [f"{number:03}" for number in range(103)]
