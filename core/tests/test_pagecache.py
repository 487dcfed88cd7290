"""Cached page parts never outlive a change (`core.pagecache`): every write path raises the
municipality's data version, and the key holds the language and the reader where they matter."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from actions.tests.factories import ActionPlanFactory, ActivityFactory, PartnerFactory
from core.models import Municipality
from core.pagecache import current_version
from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory

TODAY = timezone.localdate()


def version(municipality) -> int:
    return current_version(municipality.pk)


def test_a_measurement_through_the_form_shows_on_the_cached_dashboard_at_once(
    client, staff, municipality
):
    plan = PlanFactory(municipality=municipality, period_end=TODAY.year + 2)
    goal = GoalFactory(
        plan=plan, baseline_date=TODAY - timedelta(days=300), deadline=TODAY + timedelta(days=60)
    )
    client.force_login(staff)
    before = client.get("/k/165/").content.decode()

    client.post(
        f"/k/165/maal/{goal.pk}/maalinger/",
        {"measured_on": TODAY.isoformat(), "value": "1.000", "source": "Jobindsats"},
    )
    after = client.get("/k/165/").content.decode()

    achieved = '<span class="count">1</span><span class="status status-achieved">'
    assert "1.000 arbejdspladser" not in before and achieved not in before
    assert "1.000 arbejdspladser" in after and achieved in after


def test_every_kind_of_write_raises_the_version_of_its_municipality_only(
    municipality, other_municipality, staff
):
    plan = PlanFactory(municipality=municipality)
    activity = ActivityFactory(plan=ActionPlanFactory(municipality=municipality))
    seen = [version(municipality)]
    others = version(other_municipality)

    goal = GoalFactory(plan=plan)  # a save
    seen.append(version(municipality))
    MeasurementFactory(goal=goal, value=Decimal(5))  # a save further down the path
    seen.append(version(municipality))
    activity.partners.add(PartnerFactory(municipality=municipality))  # many-to-many
    seen.append(version(municipality))
    goal.delete()  # a delete
    seen.append(version(municipality))
    staff.first_name = "Nyt navn"  # a member's name, shown on the pages
    staff.save()
    seen.append(version(municipality))

    assert seen == sorted(set(seen))
    assert version(other_municipality) == others


def test_a_login_does_not_empty_the_cache_of_the_users_municipality(municipality, staff):
    before = version(municipality)

    staff.last_login = timezone.now()
    staff.save(update_fields=["last_login"])

    assert version(municipality) == before


def test_a_renamed_owner_shows_on_the_cached_gantt(client, staff, municipality):
    plan = ActionPlanFactory(municipality=municipality)
    ActivityFactory(plan=plan, owner=staff)
    client.force_login(staff)
    client.get(f"/k/165/handleplaner/{plan.pk}/aktiviteter/")

    staff.first_name, staff.last_name = "Birte", "Omdøbt"
    staff.save()
    html = client.get(f"/k/165/handleplaner/{plan.pk}/aktiviteter/").content.decode()

    assert "Birte Omdøbt" in html


def test_the_cached_dashboard_is_kept_per_language(client, staff, municipality):
    GoalFactory(plan=PlanFactory(municipality=municipality))
    client.force_login(staff)
    danish = client.get("/k/165/").content.decode()

    client.post("/i18n/setlang/", {"language": "en", "next": "/k/165/"})
    english = client.get("/k/165/").content.decode()

    assert "Ikke på sporet" in danish
    assert "Off track" in english and "Ikke på sporet" not in english


def test_the_steering_page_is_cached_per_reader(client, staff, committee_reader, municipality):
    plan = ActionPlanFactory(municipality=municipality)
    ActivityFactory(plan=plan, owner=staff, title="Stabens aktivitet")
    url = f"/k/165/handleplaner/{plan.pk}/styring/?siden={(TODAY - timedelta(days=1)).isoformat()}"
    client.force_login(staff)
    own = client.get(url).content.decode()

    client.force_login(committee_reader)
    other = client.get(url).content.decode()

    assert "Dine aktiviteter" in own
    assert "Dine aktiviteter" not in other


def test_a_municipality_version_starts_at_zero_and_is_not_in_its_history(municipality):
    Municipality.objects.filter(pk=municipality.pk).update(data_version=7)
    municipality.refresh_from_db()
    municipality.name = "Albertslund Kommune"
    municipality.save()

    assert "data_version" not in {f.name for f in Municipality.history.model._meta.fields}


def redis_reachable() -> bool:
    import socket

    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", 6379)) == 0


def test_cached_parts_work_in_a_shared_redis_cache(client, staff, municipality, settings):
    """REDIS_URL's cache: the second worker to ask reads what the first one rendered."""
    import pytest
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if not redis_reachable():
        pytest.skip("no Redis server at 127.0.0.1:6379 (CI has one)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
        }
    }
    cache.clear()
    GoalFactory(plan=PlanFactory(municipality=municipality), title="Mål i Redis")
    client.force_login(staff)

    with CaptureQueriesContext(connection) as computing:
        first = client.get("/k/165/").content.decode()
    with CaptureQueriesContext(connection) as reading:
        second = client.get("/k/165/").content.decode()
    cache.clear()

    def results(html: str) -> str:
        return html.split('id="dashboard-results"')[1].split("hx-trigger")[0]

    assert "Mål i Redis" in results(first)
    assert results(first) == results(second)
    assert len(reading) < len(computing)
