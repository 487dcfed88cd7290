"""The benchmark's pages, found in the tiny national data, answer their users, and the query
counter counts what they run with Django's test client, as the runner does."""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from bench.pages import PAGE_KEYS, login_sessions, resolve_pages
from bench.probe import QueryCount, count_queries
from bench.sizes import Sizes
from bench.tests.conftest import SCALE

SIZES = Sizes.at(SCALE)


def test_pages_are_found_for_every_key_with_their_sizes(national):
    pages = {page.key: page for page in resolve_pages()}

    assert tuple(pages) == PAGE_KEYS
    assert pages["floor"].url == "/healthz/"
    assert pages["floor"].username is None
    assert pages["calendar"].username is None
    assert pages["dashboard_albertslund"].label == (
        f"Dashboard, Albertslund ({SIZES.albertslund_goals} goals)"
    )
    assert pages["dashboard_typical"].url == "/k/151/"
    assert pages["plan"].label == f"Plan page ({SIZES.big_plan_goals} goals)"
    assert pages["gantt"].label == f"Gantt ({SIZES.albertslund_activities} activities, 100 a page)"
    assert pages["admin_goals"].username == "albertslund-administrator"
    assert pages["api_goals"].url == "/api/v1/goals?municipality=165"


def test_login_sessions_are_written_to_the_database_and_log_the_user_in(national):
    sessions = login_sessions(["albertslund-medarbejder-01"])
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = sessions["albertslund-medarbejder-01"]

    response = client.get("/k/165/")

    assert Session.objects.filter(session_key=sessions["albertslund-medarbejder-01"]).exists()
    assert response.status_code == 200


def test_query_counter_counts_each_page_as_its_user_sees_it(national):
    pages = resolve_pages()
    sessions = login_sessions(page.username for page in pages if page.username)

    counts = count_queries(pages, sessions)

    assert set(counts) == set(PAGE_KEYS)
    assert {count.status for count in counts.values()} == {200}
    assert counts["floor"] == QueryCount(200, 0)
    assert all(counts[key].queries > 0 for key in PAGE_KEYS if key != "floor")
