"""The timetable pages as a browser sees them: who may see and change what, the late rule,
the filters, the activity and status update forms, history, bounded queries and Danish formats."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actions.enums import ActivityStatus, TrafficLight
from actions.models import Activity, StatusUpdate
from actions.rules import is_late
from actions.services import update_activity
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    PartnerFactory,
    StatusUpdateFactory,
)
from core.concurrency import ConcurrentEditError
from core.enums import Role
from core.tests.factories import MembershipFactory, UserFactory
from strategy.enums import PlanKind
from strategy.tests.factories import GoalFactory, PlanFactory, ThemeFactory, TrackFactory

S = ActivityStatus


@pytest.fixture
def plan(municipality):
    return ActionPlanFactory(municipality=municipality, title="Handleplan 2016-2017")


@pytest.fixture
def activity(plan):
    theme = ThemeFactory(plan=plan, title="Lys og lysteknologi")
    activity = ActivityFactory(
        plan=plan,
        title="Partnerskab om Smart Urban Lighting",
        budget=Decimal("400000.00"),
        spent=Decimal("1234.50"),
        hours=Decimal("120.5"),
        responsible_unit="Erhverv og Beskæftigelse",
    )
    activity.themes.add(theme)
    return activity


def html(response) -> str:
    return response.content.decode()


def section(response, element_id: str) -> str:
    match = re.search(rf'id="{element_id}"[^>]*>(.*?)</(ol|table|dl|svg)>', html(response), re.S)
    assert match, f"no #{element_id} on the page"
    return match.group(1)


def edit_data(activity: Activity, **overrides) -> dict:
    data = {
        "version": activity.version,
        "title": activity.title,
        "description": activity.description,
        "status": activity.status,
        "period_text": activity.period_text,
        "starts_on": activity.starts_on.isoformat() if activity.starts_on else "",
        "ends_on": activity.ends_on.isoformat() if activity.ends_on else "",
        "budget": "",
        "spent": "",
        "hours": "",
        "owner": "",
        "responsible_unit": activity.responsible_unit,
    }
    data.update(overrides)
    return data


def update_data(**overrides) -> dict:
    data = {
        "reported_on": timezone.localdate().isoformat(),
        "light": TrafficLight.YELLOW,
        "comment": "Partnerne mangler at underskrive",
        "is_internal": "on",
    }
    data.update(overrides)
    return data


# 1. Scoping: staff, committee reader, outsider and anonymous on every page


def read_urls(plan, activity) -> list[str]:
    return [
        "/k/165/handleplaner/",
        f"/k/165/handleplaner/{plan.pk}/",
        f"/k/165/handleplaner/{plan.pk}/aktiviteter/",
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/",
    ]


def change_urls(activity) -> list[str]:
    return [
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/statusopdateringer/",
    ]


def test_staff_reads_every_page_and_opens_the_forms(client, staff, plan, activity):
    client.force_login(staff)
    for url in read_urls(plan, activity):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Handleplan 2016-2017" in html(response), url
    response = client.get(change_urls(activity)[0])
    assert response.status_code == 200
    assert 'name="version"' in html(response)
    assert "Ny statusopdatering" in html(client.get(read_urls(plan, activity)[3]))


def test_committee_reader_reads_every_page_but_cannot_change_anything(
    client, committee_reader, plan, activity
):
    client.force_login(committee_reader)
    for url in read_urls(plan, activity):
        assert client.get(url).status_code == 200, url
    page = html(client.get(read_urls(plan, activity)[3]))
    assert "Ny statusopdatering" not in page
    assert "Redigér aktivitet" not in page
    for url in change_urls(activity):
        assert client.get(url).status_code == 403, url
    assert client.post(change_urls(activity)[0], edit_data(activity, title="Nyt")).status_code == (
        403
    )
    assert client.post(change_urls(activity)[1], update_data()).status_code == 403
    activity.refresh_from_db()
    assert activity.title == "Partnerskab om Smart Urban Lighting"
    assert not StatusUpdate.objects.exists()


def test_outsider_gets_404_everywhere(client, outsider, plan, activity):
    client.force_login(outsider)
    for url in read_urls(plan, activity) + change_urls(activity):
        assert client.get(url).status_code == 404, url
    assert client.post(change_urls(activity)[1], update_data()).status_code == 404
    # Nor can they reach the plan through their own municipality's address.
    assert client.get(f"/k/151/handleplaner/{plan.pk}/").status_code == 404
    assert client.get(f"/k/151/handleplaner/aktiviteter/{activity.pk}/").status_code == 404


def test_anonymous_is_sent_to_log_in(client, plan, activity):
    for url in read_urls(plan, activity) + change_urls(activity):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/login/"), url


def test_plan_list_shows_the_municipalitys_action_plans_and_timetables_only(
    client, staff, municipality, other_municipality, plan
):
    timetable = ActionPlanFactory(
        municipality=municipality, kind=PlanKind.TIMETABLE, title="Tidsplan 2007-2009"
    )
    PlanFactory(municipality=municipality, title="Erhvervsstrategi 2013-2017")
    ActionPlanFactory(municipality=other_municipality, title="Ballerups handleplan")
    ActivityFactory(plan=plan, ends_on=date(2017, 12, 31), status=S.IN_PROGRESS)
    ActivityFactory(plan=plan, status=S.DONE)
    client.force_login(staff)

    page = html(client.get("/k/165/handleplaner/"))

    assert "Handleplan 2016-2017" in page
    assert "Tidsplan 2007-2009" in page
    assert "Erhvervsstrategi 2013-2017" not in page
    assert "Ballerups handleplan" not in page
    assert f"/k/165/handleplaner/{timetable.pk}/aktiviteter/" in page
    assert "1 forsinket" in page
    assert 'href="/k/165/handleplaner/"' in page  # the main menu item


@pytest.mark.parametrize(
    "path",
    ["{}/", "{}/aktiviteter/", "aktiviteter/{}/", "{}/styring/", "{}/kalender.ics"],
)
def test_an_id_too_long_for_the_database_is_not_found(client, staff, path):
    client.force_login(staff)

    response = client.get("/k/165/handleplaner/" + path.format("9" * 5000))

    assert response.status_code == 404


def test_a_strategy_is_not_a_timetable(client, staff, municipality):
    strategy = PlanFactory(municipality=municipality)
    client.force_login(staff)
    assert client.get(f"/k/165/handleplaner/{strategy.pk}/").status_code == 404


def test_an_activity_of_a_strategy_plan_has_no_timetable_page(client, staff, municipality):
    stray = ActivityFactory(plan=PlanFactory(municipality=municipality))
    client.force_login(staff)
    assert client.get(f"/k/165/handleplaner/aktiviteter/{stray.pk}/").status_code == 404


# 2. The late rule


@pytest.mark.parametrize(
    ("status", "ends_in_days", "milestone", "late"),
    [
        (S.IN_PROGRESS, -1, None, True),  # the period has ended
        (S.PLANNED, -1, None, True),
        (S.POSTPONED, -1, None, True),
        (S.IN_PROGRESS, 0, None, False),  # ends today: not late yet
        (S.IN_PROGRESS, 30, None, False),
        (S.DONE, -100, None, False),  # done and dropped are never late
        (S.DROPPED, -100, "overdue", False),
        (S.IN_PROGRESS, 30, "overdue", True),  # a milestone due yesterday, not reached
        (S.IN_PROGRESS, 30, "reached", False),
        (S.IN_PROGRESS, 30, "due today", False),
        (S.IN_PROGRESS, None, "overdue", True),  # undated activities can be late too
        (S.IN_PROGRESS, None, None, False),
    ],
)
def test_late_rule(status, ends_in_days, milestone, late):
    today = date(2016, 6, 15)
    activity = Activity(
        status=status,
        starts_on=date(2016, 1, 1) if ends_in_days is not None else None,
        ends_on=today + timedelta(days=ends_in_days) if ends_in_days is not None else None,
    )
    milestones = {
        None: [],
        "overdue": [MilestoneFactory.build(due_on=today - timedelta(days=1))],
        "reached": [
            MilestoneFactory.build(due_on=today - timedelta(days=1), done_on=today - timedelta(3))
        ],
        "due today": [MilestoneFactory.build(due_on=today)],
    }[milestone]
    assert is_late(activity, today, milestones) is late


def test_late_activities_are_marked_on_every_page(client, staff, plan):
    today = timezone.localdate()
    late = ActivityFactory(
        plan=plan, title="For sent", starts_on=today - timedelta(90), ends_on=today - timedelta(1)
    )
    overdue = ActivityFactory(
        plan=plan, title="Milepæl overskredet", starts_on=today, ends_on=today + timedelta(90)
    )
    MilestoneFactory(activity=overdue, due_on=today - timedelta(1))
    ActivityFactory(plan=plan, title="Til tiden", starts_on=today, ends_on=today + timedelta(90))
    ActivityFactory(
        plan=plan,
        title="Færdig",
        status=S.DONE,
        starts_on=today - timedelta(90),
        ends_on=today - timedelta(1),
    )
    client.force_login(staff)

    page = html(client.get(f"/k/165/handleplaner/{plan.pk}/"))
    gantt = re.search(r'<svg class="tt-gantt".*?</svg>', page, re.S).group(0)
    assert gantt.count('class="late-label"') == 2
    assert gantt.count("bar bar-in_progress late") == 2
    assert gantt.count("bar bar-done") == 1
    assert "2 forsinkede" in page
    assert 'class="today"' in gantt

    table = section(client.get(f"/k/165/handleplaner/{plan.pk}/aktiviteter/"), "activity-table")
    late_rows = re.findall(r'<tr class="tt-row-late">.*?</tr>', table, re.S)
    assert len(late_rows) == 2
    assert "For sent" in late_rows[0] or "For sent" in late_rows[1]

    page = client.get(f"/k/165/handleplaner/aktiviteter/{late.pk}/")
    assert 'id="late-marker"' in html(page)


# 3. Gantt and list: order, grouping, filters


@pytest.fixture
def filtered_plan(plan, municipality, other_municipality):
    """Four activities with different status, owners, partners and goals."""
    ann = MembershipFactory(municipality=municipality, user__first_name="Ann", user__last_name="A")
    bo = MembershipFactory(municipality=municipality, user__first_name="Bo", user__last_name="B")
    gate21 = PartnerFactory(municipality=municipality, name="Gate 21")
    dtu = PartnerFactory(municipality=municipality, name="DTU")
    strategy = PlanFactory(municipality=municipality)
    jobs = GoalFactory(plan=strategy, title="2.000 nye job")
    firms = GoalFactory(plan=strategy, title="Flere virksomheder")
    first = ActivityFactory(plan=plan, title="Data-hub", status=S.IN_PROGRESS, owner=ann.user)
    first.partners.add(gate21)
    first.goals.add(jobs)
    second = ActivityFactory(plan=plan, title="Konference", status=S.DONE, owner=bo.user)
    second.partners.add(dtu, gate21)
    second.goals.add(firms)
    ActivityFactory(plan=plan, title="Privacy-manifest", status=S.POSTPONED, owner=ann.user)
    ActivityFactory(plan=plan, title="Strategi for Smart City", status=S.PLANNED)
    foreign = PartnerFactory(municipality=other_municipality, name="Fremmed partner")
    return {
        "ann": ann.user,
        "bo": bo.user,
        "gate21": gate21,
        "dtu": dtu,
        "jobs": jobs,
        "firms": firms,
        "foreign": foreign,
        "foreign_goal": GoalFactory(plan=PlanFactory(municipality=other_municipality)),
    }


ALL = ["Data-hub", "Konference", "Privacy-manifest", "Strategi for Smart City"]


def titles_on(response) -> list[str]:
    return re.findall(r'class="goal-title" href="[^"]+">([^<]+)</a>', html(response))


def gantt_titles(response) -> list[str]:
    return re.findall(r'<text class="row-label"[^>]*>([^<]+)</text>', html(response))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("status=done", ["Konference"]),
        ("status=postponed", ["Privacy-manifest"]),
        ("owner={ann}", ["Data-hub", "Privacy-manifest"]),
        ("partner={gate21}", ["Data-hub", "Konference"]),
        ("partner={dtu}", ["Konference"]),
        ("goal={jobs}", ["Data-hub"]),
        ("owner={ann}&status=in_progress", ["Data-hub"]),
        ("partner={dtu}&owner={ann}", []),
        # Unknown or foreign values are ignored, as if the filter was not set.
        ("status=bogus", ALL),
        ("partner={foreign}", ALL),
        ("goal={foreign_goal}", ALL),
        ("owner=99999", ALL),
        ("owner=abc", ALL),
        # Not an id at all: a superscript digit, an id too long for any database, a minus.
        ("owner=²", ALL),
        ("partner=" + "9" * 5000, ALL),
        ("goal=-1", ALL),
        ("goal={jobs}&owner=²", ["Data-hub"]),
    ],
)
def test_filters_on_the_gantt_view_and_the_list(
    client, staff, plan, filtered_plan, query, expected
):
    ids = {name: obj.pk for name, obj in filtered_plan.items()}
    client.force_login(staff)
    url = f"/k/165/handleplaner/{plan.pk}/"

    gantt = client.get(f"{url}?{query.format(**ids)}")
    listing = client.get(f"{url}aktiviteter/?{query.format(**ids)}")

    assert gantt.status_code == listing.status_code == 200
    assert sorted(gantt_titles(gantt)) == sorted(expected)
    assert sorted(titles_on(listing)) == sorted(expected)


def test_filters_offer_only_what_the_plan_uses(client, staff, plan, filtered_plan):
    client.force_login(staff)
    page = html(client.get(f"/k/165/handleplaner/{plan.pk}/"))
    assert "Gate 21" in page and "DTU" in page
    assert "Fremmed partner" not in page
    assert "2.000 nye job" in page
    selected = client.get(f"/k/165/handleplaner/{plan.pk}/?partner={filtered_plan['dtu'].pk}")
    assert f'<option value="{filtered_plan["dtu"].pk}" selected>DTU</option>' in html(selected)


def test_htmx_refresh_returns_the_results_and_the_view_links_only(
    client, staff, plan, filtered_plan
):
    client.force_login(staff)
    response = client.get(
        f"/k/165/handleplaner/{plan.pk}/?status=done&group=track", headers={"HX-Request": "true"}
    )
    page = html(response)
    assert "<html" not in page
    assert "<svg" in page
    assert gantt_titles(response) == ["Konference"]
    # The view links are swapped out of band, so the list opens with the same filters.
    assert 'hx-swap-oob="true"' in page
    assert f"/k/165/handleplaner/{plan.pk}/aktiviteter/?status=done&amp;group=track" in page

    listing = client.get(
        f"/k/165/handleplaner/{plan.pk}/aktiviteter/?status=done", headers={"HX-Request": "true"}
    )
    assert "<html" not in html(listing)
    assert titles_on(listing) == ["Konference"]


@pytest.mark.parametrize("path", ["", "aktiviteter/"], ids=["gantt", "list"])
def test_htmx_gets_the_results_but_a_history_restore_gets_the_whole_page_and_both_vary(
    client, staff, plan, filtered_plan, path
):
    client.force_login(staff)
    url = f"/k/165/handleplaner/{plan.pk}/{path}?status=done"

    fragment = client.get(url, headers={"HX-Request": "true"})
    restore = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    plain = client.get(url)

    assert not html(fragment).startswith("<!DOCTYPE html>")
    assert html(restore).startswith("<!DOCTYPE html>")
    assert html(plain).startswith("<!DOCTYPE html>")
    assert 'id="timetable-results"' in html(restore)
    for response in (fragment, restore, plain):
        assert response.status_code == 200
        assert {"HX-Request", "HX-History-Restore-Request"} <= set(response["Vary"].split(", "))


def test_list_shows_period_as_in_the_document_status_owner_partners_and_latest_light(
    client, staff, plan, filtered_plan
):
    data_hub = Activity.objects.get(title="Data-hub")
    data_hub.period_text = "4. kvartal 2016"
    data_hub.save()
    StatusUpdateFactory(activity=data_hub, reported_on=date(2016, 3, 1), light=TrafficLight.GREEN)
    StatusUpdateFactory(activity=data_hub, reported_on=date(2016, 9, 1), light=TrafficLight.RED)
    client.force_login(staff)

    table = section(client.get(f"/k/165/handleplaner/{plan.pk}/aktiviteter/"), "activity-table")
    row = re.search(r"<tr[^>]*>\s*<td[^>]*>\s*<a[^>]*>Data-hub</a>.*?</tr>", table, re.S).group(0)
    assert "4. kvartal 2016" in row
    assert "I gang" in row
    assert "Ann A" in row
    assert "Gate 21" in row
    assert "tt-light-red" in row and "1. sep. 2016" in row
    assert "Lys og lysteknologi" not in row  # no theme on this one


def test_activities_are_drawn_in_period_order_with_undated_apart(client, staff, plan):
    for title, period, starts_on, ends_on, order in [
        ("Evaluering", "foråret 2017", date(2017, 3, 1), date(2017, 5, 31), 0),
        ("Hele perioden", "2016-2017", date(2016, 1, 1), date(2017, 12, 31), 2),
        ("Løbende", "Løbende", None, None, 0),
        ("Første halvår", "1. halvår 2016", date(2016, 1, 1), date(2016, 6, 30), 3),
    ]:
        ActivityFactory(
            plan=plan,
            title=title,
            period_text=period,
            starts_on=starts_on,
            ends_on=ends_on,
            order=order,
        )
    client.force_login(staff)
    response = client.get(f"/k/165/handleplaner/{plan.pk}/")
    assert gantt_titles(response) == ["Første halvår", "Hele perioden", "Evaluering", "Løbende"]
    assert "Uden periode" in html(response)
    assert "Løbende" in html(response)
    listing = client.get(f"/k/165/handleplaner/{plan.pk}/aktiviteter/")
    assert titles_on(listing) == ["Første halvår", "Hele perioden", "Evaluering", "Løbende"]


def test_gantt_groups_by_theme_or_track(client, staff, plan):
    track = TrackFactory(plan=plan, title="Grøn Vækst")
    theme = ThemeFactory(plan=plan, track=track, title="Smart City")
    ActivityFactory(plan=plan, title="Sensorer").themes.add(theme)
    client.force_login(staff)
    by_theme = html(client.get(f"/k/165/handleplaner/{plan.pk}/"))
    by_track = html(client.get(f"/k/165/handleplaner/{plan.pk}/?group=track"))
    assert re.search(r'class="group-label"[^>]*>Smart City', by_theme)
    assert re.search(r'class="group-label"[^>]*>Grøn Vækst', by_track)


def test_an_empty_plan_says_so(client, staff, plan):
    client.force_login(staff)
    assert "Planen har ingen aktiviteter endnu." in html(
        client.get(f"/k/165/handleplaner/{plan.pk}/")
    )


# 4. The activity page


def test_activity_page_shows_facts_milestones_updates_newest_first_and_links_to_goals(
    client, staff, municipality, plan, activity
):
    partner = PartnerFactory(municipality=municipality, name="Gate 21")
    goal = GoalFactory(plan=PlanFactory(municipality=municipality), title="2.000 nye job")
    activity.partners.add(partner)
    activity.goals.add(goal)
    owner = MembershipFactory(
        municipality=municipality, user__first_name="Ann", user__last_name="Andersen"
    ).user
    Activity.objects.filter(pk=activity.pk).update(owner=owner, period_text="1. halvår 2016")
    MilestoneFactory(activity=activity, title="Kontrakt underskrevet", due_on=date(2016, 4, 1))
    StatusUpdateFactory(
        activity=activity, reported_on=date(2016, 3, 31), light=TrafficLight.GREEN, comment="Ældst"
    )
    StatusUpdateFactory(
        activity=activity, reported_on=date(2016, 6, 30), light=TrafficLight.RED, comment="Nyest"
    )
    client.force_login(staff)

    response = client.get(f"/k/165/handleplaner/aktiviteter/{activity.pk}/")

    facts = section(response, "activity-facts")
    assert "Handleplan 2016-2017" in facts
    assert "Lys og lysteknologi" in facts
    assert f'href="/k/165/maal/{goal.pk}/"' in facts
    assert "Ann Andersen" in facts
    assert "Erhverv og Beskæftigelse" in facts
    assert "Gate 21" in facts
    assert "1. halvår 2016" in facts and "1. jan. 2016" in facts
    updates = section(response, "status-updates")
    assert updates.index("Nyest") < updates.index("Ældst")
    assert "tt-light-red" in updates
    assert "Kontrakt underskrevet" in section(response, "milestones")


def test_danish_number_formats_on_the_activity_page(client, staff, activity):
    client.force_login(staff)
    facts = section(client.get(f"/k/165/handleplaner/aktiviteter/{activity.pk}/"), "activity-facts")
    assert "400.000 kr." in facts
    assert "1.234,5 kr." in facts
    assert "120,5" in facts
    assert "0 % af budgettet" in facts  # 1.234,5 of 400.000 rounds to 0 %


def test_staff_records_a_status_update(client, staff, activity):
    client.force_login(staff)
    response = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/statusopdateringer/", update_data()
    )
    assert response.status_code == 302
    update = StatusUpdate.objects.get()
    assert (update.light, update.author, update.is_internal) == ("yellow", staff, True)
    assert update.history.get().history_user == staff
    page = client.get(response["Location"])
    assert "Statusopdateringen er gemt." in html(page)
    assert "Partnerne mangler at underskrive" in section(page, "status-updates")


@pytest.mark.parametrize(
    ("overrides", "message", "kept"),
    [
        ({"comment": ""}, "Skriv en kort kommentar", "2016-"),
        ({"light": ""}, "Vælg et trafiklys", "Partnerne mangler at underskrive"),
        ({"reported_on": "2099-01-01"}, "må ikke ligge i fremtiden", "Partnerne mangler"),
        ({"reported_on": "i morgen"}, "gyldig dato", "i morgen"),
    ],
)
def test_status_update_errors_are_shown_with_what_the_user_typed(
    client, staff, activity, overrides, message, kept
):
    client.force_login(staff)
    data = update_data(**overrides)
    if "comment" in overrides:
        data["reported_on"] = "2016-05-01"
    response = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/statusopdateringer/", data
    )
    assert response.status_code == 400
    assert message in html(response)
    assert kept in html(response)
    assert not StatusUpdate.objects.exists()


def test_history_shows_who_changed_what_and_when(client, staff, municipality, activity):
    partner = PartnerFactory(municipality=municipality, name="DTU")
    rows_before = activity.history.count()
    update_activity(
        activity=activity,
        user=staff,
        expected_version=activity.version,
        changes={"status": S.DONE, "title": "Nyt navn"},
        partners=[partner],
    )
    StatusUpdateFactory(activity=activity)
    client.force_login(staff)

    history = section(client.get(f"/k/165/handleplaner/aktiviteter/{activity.pk}/"), "history")

    assert "Aktivitet redigeret" in history
    assert "I gang → Gennemført" in history
    assert "Partnerskab om Smart Urban Lighting → Nyt navn" in history
    assert "Samarbejdspartnere: DTU" in history
    assert "Statusopdatering" in history
    assert str(staff) in history
    # One history row per edit, lists included.
    assert activity.history.count() == rows_before + 1


def test_the_activity_and_goal_pages_show_history_with_one_partial(
    client, staff, municipality, activity
):
    goal = GoalFactory(plan=PlanFactory(municipality=municipality))
    client.force_login(staff)

    for url in (f"/k/165/handleplaner/aktiviteter/{activity.pk}/", f"/k/165/maal/{goal.pk}/"):
        response = client.get(url)
        assert [t.name for t in response.templates].count("_history.html") == 1, url
        assert html(response).count('id="history"') == 1, url


# 5. The edit form


def test_edit_reads_the_period_as_the_document_writes_it(client, staff, activity):
    client.force_login(staff)
    response = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        edit_data(activity, period_text="4. kvartal 2016", budget="1.500.000", hours="12,5"),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.period_text, activity.starts_on, activity.ends_on) == (
        "4. kvartal 2016",
        date(2016, 10, 1),
        date(2016, 12, 31),
    )
    assert (activity.budget, activity.hours, activity.version) == (
        Decimal("1500000"),
        Decimal("12.5"),
        2,
    )
    assert activity.history.latest().history_user == staff


def test_dates_typed_by_hand_override_the_period(client, staff, activity):
    client.force_login(staff)
    response = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        edit_data(activity, period_text="2016", starts_on="2016-03-01", ends_on="2016-10-31"),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.starts_on, activity.ends_on) == (date(2016, 3, 1), date(2016, 10, 31))


def test_an_unreadable_period_is_refused_and_shown_as_typed(client, staff, activity):
    client.force_login(staff)
    response = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        edit_data(activity, period_text="blah", title="Ny titel"),
    )
    assert response.status_code == 400
    page = html(response)
    assert "Perioden &#x27;blah&#x27; kan ikke læses" in page
    assert 'value="blah"' in page
    assert 'value="Ny titel"' in page
    assert 'aria-invalid="true"' in page
    activity.refresh_from_db()
    assert (activity.title, activity.period_text, activity.version) == (
        "Partnerskab om Smart Urban Lighting",
        "2016-2017",
        1,
    )


def test_an_impossible_date_in_the_period_is_refused(client, staff, activity):
    client.force_login(staff)
    response = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        edit_data(activity, period_text="31. februar 2016"),
    )
    assert response.status_code == 400
    assert "findes ikke" in html(response)


def test_a_period_imported_as_the_document_wrote_it_is_kept_when_unchanged(client, staff, activity):
    Activity.objects.filter(pk=activity.pk).update(
        period_text="Løbende", starts_on=None, ends_on=None
    )
    activity.refresh_from_db()
    client.force_login(staff)
    response = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        edit_data(activity, title="Løbende dialog"),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.period_text) == ("Løbende dialog", "Løbende")


def test_an_end_before_the_start_is_refused(client, staff, activity):
    client.force_login(staff)
    response = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        edit_data(activity, starts_on="2017-01-01", ends_on="2016-01-01"),
    )
    assert response.status_code == 400
    assert "Aktiviteten skal slutte efter den starter." in html(response)


def test_edit_choices_are_limited_to_the_municipality(
    client, staff, outsider, municipality, other_municipality, activity
):
    own_partner = PartnerFactory(municipality=municipality, name="Gate 21")
    foreign_partner = PartnerFactory(municipality=other_municipality, name="Fremmed")
    foreign_goal = GoalFactory(
        plan=PlanFactory(municipality=other_municipality), title="Fremmed mål"
    )
    client.force_login(staff)
    form = html(client.get(f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/"))
    assert "Gate 21" in form
    assert "Fremmed" not in form
    assert str(outsider) not in form

    url = f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/"
    for field, value in [
        ("owner", outsider.pk),
        ("partners", foreign_partner.pk),
        ("goals", foreign_goal.pk),
    ]:
        response = client.post(url, edit_data(activity, **{field: value}))
        assert response.status_code == 400, field
    response = client.post(url, edit_data(activity, partners=[own_partner.pk], owner=staff.pk))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert list(activity.partners.all()) == [own_partner]
    assert activity.owner == staff


def test_a_second_save_from_an_old_version_is_refused_with_409(client, staff, activity):
    colleague = MembershipFactory(municipality=activity.plan.municipality, role=Role.STAFF).user
    client.force_login(staff)
    form = client.get(f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/")
    version = re.search(r'name="version" value="(\d+)"', html(form)).group(1)
    first = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        edit_data(activity, version=version, title="Kollegaens titel"),
    )
    assert first.status_code == 302

    client.force_login(colleague)
    second = client.post(
        f"/k/165/handleplaner/aktiviteter/{activity.pk}/rediger/",
        edit_data(activity, version=version, title="Min titel", budget="5"),
    )

    assert second.status_code == 409
    assert "ændret af en anden" in html(second)
    assert 'value="Min titel"' in html(second)
    activity.refresh_from_db()
    assert (activity.title, activity.budget, activity.version) == ("Kollegaens titel", None, 2)


def test_update_activity_claims_the_version_exactly_once(staff, activity):
    update_activity(activity=activity, user=staff, expected_version=1, changes={"title": "Første"})
    stale = Activity.objects.get(pk=activity.pk)
    with pytest.raises(ConcurrentEditError):
        update_activity(activity=stale, user=staff, expected_version=1, changes={"title": "Anden"})
    assert Activity.objects.get(pk=activity.pk).title == "Første"


# 6. Bounded queries: the same number for 3 and 30 activities


def populate(plan, count: int) -> Activity:
    municipality = plan.municipality
    track = TrackFactory(plan=plan)
    theme = ThemeFactory(plan=plan, track=track)
    goal = GoalFactory(plan=PlanFactory(municipality=municipality))
    for n in range(count):
        owner = MembershipFactory(municipality=municipality).user
        activity = ActivityFactory(plan=plan, owner=owner, period_text="2016")
        activity.themes.add(theme)
        activity.goals.add(goal)
        activity.partners.add(PartnerFactory(municipality=municipality))
        MilestoneFactory(activity=activity)
        MilestoneFactory(activity=activity, done_on=date(2016, 1, 1))
        StatusUpdateFactory(activity=activity)
        StatusUpdateFactory(activity=activity, reported_on=date(2016, 6, 1))
        if n % 2:
            update_activity(
                activity=activity,
                user=owner,
                expected_version=activity.version,
                changes={"title": f"Ændret {n}"},
            )
    return activity


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# Four of them find the session, the user, the municipality and the membership; the rest are the
# page's own (the Gantt, list and htmx counts include reading the data version of the page cache
# and computing the results, as on the first request after a change). One more query per request
# is a regression.
QUERIES = {"gantt": 14, "list": 14, "activity": 15, "htmx": 14, "plans": 5}


@pytest.mark.parametrize("page", QUERIES)
def test_pages_run_the_same_number_of_queries_for_3_and_30_activities(
    client, staff, municipality, page
):
    counts = []
    for count in (3, 30):
        plan = ActionPlanFactory(municipality=municipality)
        last = populate(plan, count)
        url = {
            "gantt": f"/k/165/handleplaner/{plan.pk}/?group=track",
            "list": f"/k/165/handleplaner/{plan.pk}/aktiviteter/",
            "activity": f"/k/165/handleplaner/aktiviteter/{last.pk}/",
            "htmx": f"/k/165/handleplaner/{plan.pk}/?status=in_progress",
            "plans": "/k/165/handleplaner/",
        }[page]
        client.force_login(staff)
        if page == "htmx":
            with CaptureQueriesContext(connection) as queries:
                client.get(url, headers={"HX-Request": "true"})
            counts.append(len(queries))
        else:
            counts.append(count_queries(client, url))
    assert counts == [QUERIES[page], QUERIES[page]]


def test_a_gantt_computed_before_is_read_from_the_page_cache(client, staff, plan):
    """The user, the membership with its municipality, the plan and the data version: the
    session, the filter options, the filter form and the chart come from the cache."""
    populate(plan, 30)
    client.force_login(staff)
    url = f"/k/165/handleplaner/{plan.pk}/"
    first = count_queries(client, url)

    second = count_queries(client, url)

    assert (first, second) == (QUERIES["gantt"], 4)


def test_a_reader_is_not_shown_the_status_update_form(client, committee_reader, plan):
    last = populate(plan, 3)
    client.force_login(committee_reader)
    page = html(client.get(f"/k/165/handleplaner/aktiviteter/{last.pk}/"))
    assert '<form method="post" action="/k/165/handleplaner/aktiviteter/' not in page


def test_the_activity_pages_show_another_users_name_when_they_own_it(client, staff, activity):
    owner = UserFactory(first_name="Bente", last_name="Bruun")
    MembershipFactory(user=owner, municipality=activity.plan.municipality)
    activity.owner = owner
    activity.save()
    client.force_login(staff)
    assert "Bente Bruun" in html(client.get(f"/k/165/handleplaner/aktiviteter/{activity.pk}/"))


def test_the_activity_list_shows_a_hundred_a_page_and_counts_them_all(client, staff, plan):
    for number in range(105):
        ActivityFactory(plan=plan, title=f"Aktivitet nummer {number:03}", order=number)
    client.force_login(staff)
    url = f"/k/165/handleplaner/{plan.pk}/aktiviteter/"

    first = html(client.get(url))
    more = html(client.get(url + "?side=2", headers={"HX-Request": "true"}))

    assert first.count("Aktivitet nummer") == 100
    assert "105 aktiviteter" in first
    assert 'hx-get="?side=2"' in first
    assert more.count("Aktivitet nummer") == 5
    assert 'id="more-activities"' not in more
    shown = re.findall(r"Aktivitet nummer (\d{3})", first + more)
    assert sorted(shown) == [f"{number:03}" for number in range(105)]


def test_the_gantt_view_draws_a_hundred_a_page_on_one_axis_and_counts_them_all(client, staff, plan):
    early = ThemeFactory(plan=plan, title="Første tema", order=1)
    late = ThemeFactory(plan=plan, title="Andet tema", order=2)
    for number in range(103):
        activity = ActivityFactory(
            plan=plan,
            title=f"Aktivitet nummer {number:03}",
            order=number,
            starts_on=date(2016, 1, 1),
            # The last activity, drawn on page 2, decides where the axis ends on both pages.
            ends_on=date(2019, 6, 30) if number == 102 else date(2016, 12, 31),
        )
        activity.themes.add(early if number < 60 else late)
    client.force_login(staff)
    url = f"/k/165/handleplaner/{plan.pk}/"

    first = html(client.get(url))
    more = html(client.get(url + "?side=2", headers={"HX-Request": "true"}))

    assert first.count('class="row-label"') == 100
    assert more.count('class="row-label"') == 3
    assert "103 aktiviteter" in first
    assert 'hx-get="?side=2"' in first and 'hx-select="#gantt-chunks > *"' in first
    assert 'id="more-gantt"' not in more
    # The second theme's 43 activities are split over both pages; its label counts them all.
    assert first.count('<tspan class="group-count">(43)</tspan>') == 1
    assert more.count('<tspan class="group-count">(43)</tspan>') == 1
    year_labels = re.compile(r'class="year-label"[^>]*>(\d{4})<')
    assert (
        year_labels.findall(first)
        == year_labels.findall(more)
        == [
            "2016",
            "2017",
            "2018",
            "2019",
        ]
    )
    assert 'id="gantt-title-2"' in more and 'id="gantt-title-1"' not in more
    shown = re.findall(r"Aktivitet nummer (\d{3})", first + more)
    assert sorted(set(shown)) == [f"{number:03}" for number in range(103)]
