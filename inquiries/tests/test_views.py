"""The team queue and the case page: who may see and change what, the order by time left, the
state actions through the page, and the queue's query count."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inquiries import services
from inquiries.clock import Unit
from inquiries.enums import Action, State
from inquiries.models import Inquiry
from inquiries.templatetags.inquiries import time_left
from inquiries.tests.conftest import at, receive
from inquiries.tests.factories import TeamFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def inquiry(municipality, topic):
    return receive(municipality, topic, at(2026, 1, 5, 9))


def queue_url(code="165"):
    return reverse("inquiries:queue", kwargs={"code": code})


def detail_url(inquiry):
    return reverse("inquiries:detail", kwargs={"code": "165", "inquiry_id": inquiry.pk})


def action_url(inquiry):
    return reverse("inquiries:action", kwargs={"code": "165", "inquiry_id": inquiry.pk})


def post_action(client, inquiry, action, **data):
    return client.post(action_url(inquiry), {"action": action, "version": inquiry.version, **data})


def test_anonymous_visitors_are_sent_to_the_login(client, inquiry):
    for url in (queue_url(), detail_url(inquiry)):
        assert client.get(url)["Location"].startswith("/login/")


def test_outsiders_get_404_for_queue_case_and_action(client, outsider, inquiry):
    client.force_login(outsider)
    assert client.get(queue_url()).status_code == 404
    assert client.get(detail_url(inquiry)).status_code == 404
    assert post_action(client, inquiry, Action.TAKEN).status_code == 404


def test_committee_readers_see_the_case_but_may_not_change_it(client, committee_reader, inquiry):
    client.force_login(committee_reader)
    page = client.get(detail_url(inquiry))
    assert page.status_code == 200
    assert "Handlinger" not in page.content.decode()
    assert post_action(client, inquiry, Action.TAKEN).status_code == 403
    assert Inquiry.objects.get().owner is None


def test_another_municipalitys_inquiry_is_not_found_by_id(
    client, staff, other_municipality, inquiry
):
    foreign = receive(
        other_municipality, TopicFactory(municipality=other_municipality), at(2026, 1, 5, 9)
    )
    client.force_login(staff)
    assert client.get(detail_url(foreign)).status_code == 404


def test_the_queue_sorts_by_time_left_and_shows_the_clock(
    client, staff, municipality, topic, time_machine
):
    time_machine.move_to(at(2026, 1, 7, 10), tick=False)
    later = receive(municipality, topic, at(2026, 1, 6, 9), company_name="Senere ApS")
    sooner = receive(municipality, topic, at(2026, 1, 5, 9), company_name="Tidligere ApS")
    client.force_login(staff)
    content = client.get(queue_url()).content.decode()
    assert content.index("Tidligere ApS") < content.index("Senere ApS")
    # Received Monday 9:00, 8 working hours: due Tuesday 9:00, 17 working hours used by now.
    assert "Første svar: overskredet med 9 arbejdstimer" in content
    assert 'aria-label="212 % af tiden til første svar er brugt"' in content
    assert (sooner.pk, later.pk) == tuple(
        Inquiry.objects.order_by("due_at").values_list("pk", flat=True)
    )


def test_the_queue_filters_by_team_and_state(client, staff, municipality, topic):
    other_topic = TopicFactory(
        municipality=municipality, team=TeamFactory(municipality=municipality)
    )
    receive(municipality, topic, at(2026, 1, 5, 9), company_name="Byggefirma ApS")
    receive(municipality, other_topic, at(2026, 1, 5, 9), company_name="Iværksætter ApS")
    client.force_login(staff)
    content = client.get(queue_url(), {"team": topic.team.pk}).content.decode()
    assert "Byggefirma ApS" in content and "Iværksætter ApS" not in content
    content = client.get(queue_url(), {"state": State.CLOSED}).content.decode()
    assert "Byggefirma ApS" not in content


@pytest.mark.parametrize("count", [1, 3])
def test_the_queue_reads_a_fixed_number_of_queries(client, staff, municipality, topic, count):
    for _ in range(count):
        receive(municipality, topic, at(2026, 1, 5, 9))
    client.force_login(staff)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(queue_url())
    assert response.status_code == 200
    # user, membership with its municipality (the session is cached); filter choices (teams,
    # topics); inquiries with topic, team, calendar and owner; the calendars' hours and
    # switched-off holidays.
    assert len(queries) == 7


def test_staff_take_pause_resume_and_close_through_the_page(client, staff, inquiry):
    client.force_login(staff)
    response = post_action(client, inquiry, Action.TAKEN)
    assert response.status_code == 302
    inquiry.refresh_from_db()
    post_action(client, inquiry, Action.PAUSED, reason="Mangler tegninger")
    inquiry.refresh_from_db()
    assert inquiry.state == State.WAITING
    post_action(client, inquiry, Action.RESUMED)
    inquiry.refresh_from_db()
    post_action(client, inquiry, Action.CLOSED, reason="Tilladelse givet")
    inquiry.refresh_from_db()
    assert inquiry.state == State.CLOSED
    page = client.get(detail_url(inquiry)).content.decode()
    assert "Mangler tegninger" in page and "Tilladelse givet" in page


def test_a_pause_without_reason_shows_the_case_again_with_the_message(client, staff, inquiry):
    client.force_login(staff)
    response = post_action(client, inquiry, Action.PAUSED, reason="")
    assert response.status_code == 400
    assert "Skriv en begrundelse." in response.content.decode()


def test_an_action_on_an_old_version_is_refused_as_a_conflict(client, staff, inquiry):
    client.force_login(staff)
    post_action(client, inquiry, Action.TAKEN)
    response = post_action(client, inquiry, Action.CLOSED)  # still version 1
    assert response.status_code == 409
    assert "ændret af en anden" in response.content.decode()
    assert Inquiry.objects.get().state == State.RUNNING


def test_reassigning_through_the_page_needs_a_team_of_the_municipality(
    client, staff, municipality, other_municipality, inquiry
):
    client.force_login(staff)
    foreign = TeamFactory(municipality=other_municipality)
    response = post_action(client, inquiry, Action.REASSIGNED, team=foreign.pk, reason="x")
    assert response.status_code == 400
    mine = TeamFactory(municipality=municipality, name="Mobilitet")
    response = post_action(client, inquiry, Action.REASSIGNED, team=mine.pk, reason="Trafik")
    assert response.status_code == 302
    assert Inquiry.objects.get().team == mine


def test_a_calendar_without_working_time_gives_no_working_hours_deadline_and_the_queue_works(
    client, staff, municipality, topic, team
):
    team.calendar.hours.all().delete()
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    # No working-hours deadline for the first response; the calendar-day decision still has one.
    assert (inquiry.response_due_at, inquiry.due_at) == (None, at(2026, 1, 25, 9))
    client.force_login(staff)
    assert client.get(queue_url()).status_code == 200


@pytest.mark.parametrize("pauses", [0, 3])
def test_the_case_page_reads_a_fixed_number_of_queries(client, staff, inquiry, pauses):
    for day in range(pauses):
        for action, reason in ((Action.PAUSED, "Mangler papirer"), (Action.RESUMED, "")):
            inquiry = services.change_state(
                inquiry=inquiry,
                user=staff,
                expected_version=inquiry.version,
                action=action,
                reason=reason,
                now=at(2026, 1, 6 + day, 9 + (action == Action.RESUMED)),
            )
    client.force_login(staff)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(detail_url(inquiry))
    assert response.status_code == 200
    # user, membership with its municipality (the session is cached); the inquiry with topic,
    # team, calendar, owner and company; the calendar's hours and holidays; the log with its
    # people; the teams.
    assert len(queries) == 7


@pytest.mark.parametrize(
    ("hours", "shown"),
    [
        (1, "1 arbejdstime tilbage"),
        (1.5, "1,5 arbejdstimer tilbage"),
        (4, "4 arbejdstimer tilbage"),
    ],
)
def test_working_hours_left_are_singular_for_one_hour(hours, shown):
    clock = SimpleNamespace(overdue=False, left=timedelta(hours=hours), unit=Unit.WORKING_HOURS)

    assert time_left(clock) == shown
