"""The write path of inquiries (`inquiries.services`): routing, the state log, the stored clock,
reassignment and recomputation when a calendar or promise changes."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from core.concurrency import ConcurrentEditError
from inquiries import services
from inquiries.enums import Action, ClockStart, State, TimeUnit
from inquiries.models import DisabledHoliday, Inquiry, InquiryEvent
from inquiries.tests.conftest import at, receive
from inquiries.tests.factories import TeamFactory, TopicFactory

pytestmark = pytest.mark.django_db


def act(inquiry, user, action, now, **kwargs):
    return services.change_state(
        inquiry=inquiry,
        user=user,
        expected_version=inquiry.version,
        action=action,
        now=now,
        **kwargs,
    )


def test_an_inquiry_is_routed_to_its_topics_team_with_a_reference(municipality, topic, team):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    assert (inquiry.team, inquiry.state, inquiry.owner) == (team, State.RECEIVED, None)
    assert inquiry.reference == f"165-2026-{inquiry.pk:05d}"
    assert list(inquiry.events.values_list("action", "state", "team")) == [
        (Action.RECEIVED, State.RECEIVED, team.pk)
    ]


def test_a_received_inquiry_has_both_deadlines_and_is_due_for_its_first_response(
    municipality, topic
):
    inquiry = receive(municipality, topic, at(2026, 1, 8, 15))  # Thursday
    assert inquiry.response_due_at == at(2026, 1, 12, 9)  # 1 + 6 + 1 working hours
    assert inquiry.resolution_expected_at == at(2026, 1, 18, 15)
    assert inquiry.resolution_due_at == at(2026, 1, 28, 15)
    assert inquiry.due_at == inquiry.response_due_at


def test_a_topic_other_municipalities_or_closed_is_refused(municipality, other_municipality):
    foreign = TopicFactory(municipality=other_municipality)
    hidden = TopicFactory(municipality=municipality, is_active=False)
    for topic in (foreign, hidden):
        with pytest.raises(ValidationError):
            receive(municipality, topic, at(2026, 1, 5, 9))
    assert Inquiry.objects.count() == 0


def test_the_same_submission_twice_stores_one_inquiry(municipality, topic, business):
    token = "7b1f3c1e-0000-4000-8000-000000000001"
    first, saved = services.receive_inquiry(
        municipality=municipality, topic=topic, values=business, submission_token=token
    )
    again, saved_again = services.receive_inquiry(
        municipality=municipality, topic=topic, values=business, submission_token=token
    )
    assert (saved, saved_again, again.pk) == (True, False, first.pk)
    assert InquiryEvent.objects.count() == 1


def test_taking_makes_the_user_owner_and_starts_the_case(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    act(inquiry, staff, Action.TAKEN, at(2026, 1, 5, 10))
    inquiry.refresh_from_db()
    assert (inquiry.owner, inquiry.state, inquiry.version) == (staff, State.RUNNING, 2)


def test_a_pause_waiting_for_the_business_moves_the_deadline_by_its_length(
    municipality, topic, staff
):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    act(inquiry, staff, Action.TAKEN, at(2026, 1, 5, 10))
    act(inquiry, staff, Action.PAUSED, at(2026, 1, 6, 9), reason="Mangler tegninger")
    act(inquiry, staff, Action.RESUMED, at(2026, 1, 9, 12))
    inquiry.refresh_from_db()
    assert inquiry.resolution_due_at == at(2026, 1, 25, 9) + timedelta(days=3, hours=3)
    assert inquiry.state == State.RUNNING


def test_a_pause_needs_a_reason(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    with pytest.raises(ValidationError) as error:
        act(inquiry, staff, Action.PAUSED, at(2026, 1, 6, 9), reason="  ")
    assert error.value.message_dict == {"reason": ["Skriv en begrundelse."]}


def test_an_action_not_possible_in_the_state_is_refused(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    with pytest.raises(ValidationError):
        act(inquiry, staff, Action.RESUMED, at(2026, 1, 6, 9))
    assert inquiry.events.count() == 1


def test_a_stale_version_is_refused_and_writes_nothing(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    with pytest.raises(ConcurrentEditError):
        services.change_state(
            inquiry=inquiry,
            user=staff,
            expected_version=inquiry.version - 1,
            action=Action.TAKEN,
        )
    assert Inquiry.objects.get().owner is None
    assert InquiryEvent.objects.count() == 1


def test_a_permit_without_papers_has_no_running_clock_until_complete(municipality, topic, staff):
    topic.clock_start = ClockStart.WHEN_COMPLETE
    topic.save()
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    assert inquiry.resolution_due_at is None
    act(inquiry, staff, Action.INCOMPLETE, at(2026, 1, 5, 10), reason="Mangler tegninger")
    assert inquiry.resolution_due_at is None
    act(inquiry, staff, Action.COMPLETE, at(2026, 1, 12, 10))
    assert inquiry.resolution_due_at == at(2026, 2, 1, 10)


def test_reassignment_keeps_the_clock_records_the_reason_and_clears_the_owner(
    municipality, topic, staff
):
    other_team = TeamFactory(municipality=municipality, name="Iværksætterrådgivning")
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    act(inquiry, staff, Action.TAKEN, at(2026, 1, 5, 10))
    due_before = inquiry.resolution_due_at
    act(
        inquiry,
        staff,
        Action.REASSIGNED,
        at(2026, 1, 7, 10),
        team=other_team,
        reason="Handler om at starte virksomhed",
    )
    inquiry.refresh_from_db()
    assert (inquiry.team, inquiry.owner, inquiry.state) == (other_team, None, State.RUNNING)
    assert inquiry.resolution_due_at == due_before
    assert list(inquiry.events.values_list("action", "team__name", "reason")) == [
        (Action.RECEIVED, topic.team.name, ""),
        (Action.TAKEN, topic.team.name, ""),
        (Action.REASSIGNED, "Iværksætterrådgivning", "Handler om at starte virksomhed"),
    ]


def test_reassignment_to_another_municipalitys_team_is_refused(
    municipality, other_municipality, topic, staff
):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    with pytest.raises(ValidationError):
        act(
            inquiry,
            staff,
            Action.REASSIGNED,
            at(2026, 1, 6, 9),
            team=TeamFactory(municipality=other_municipality),
            reason="x",
        )


def test_closing_stores_the_net_days_and_whether_the_promise_was_kept(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    act(inquiry, staff, Action.RESPONDED, at(2026, 1, 5, 11))
    act(inquiry, staff, Action.PAUSED, at(2026, 1, 6, 9), reason="Afventer tilbud")
    act(inquiry, staff, Action.RESUMED, at(2026, 1, 8, 9))
    act(inquiry, staff, Action.CLOSED, at(2026, 1, 20, 9))
    inquiry.refresh_from_db()
    assert (inquiry.net_days, inquiry.kept, inquiry.due_at) == (13.0, True, None)


def test_a_late_first_response_breaks_the_promise(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    act(inquiry, staff, Action.CLOSED, at(2026, 1, 7, 9))  # 15 working hours later
    assert (inquiry.kept, inquiry.responded_at) == (False, at(2026, 1, 7, 9))


def test_stored_clock_equals_a_computation_from_the_log(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 3, 20, 9))
    act(inquiry, staff, Action.TAKEN, at(2026, 3, 20, 10))
    act(inquiry, staff, Action.PAUSED, at(2026, 3, 27, 15), reason="Mangler papirer")
    act(inquiry, staff, Action.RESUMED, at(2026, 4, 7, 8))
    stored = Inquiry.objects.get()
    services.recompute_open_deadlines(now=at(2026, 4, 7, 8))
    recomputed = Inquiry.objects.get()
    fields = ["response_due_at", "resolution_expected_at", "resolution_due_at", "due_at"]
    assert [getattr(stored, f) for f in fields] == [getattr(recomputed, f) for f in fields]
    assert stored.resolution_due_at == at(2026, 4, 9, 9) + timedelta(days=10, hours=17)


def test_a_changed_calendar_recomputes_the_open_deadlines(municipality, topic, team):
    topic.response_time, topic.response_unit = 16, TimeUnit.WORKING_HOURS
    topic.save()
    inquiry = receive(municipality, topic, at(2026, 4, 30, 8))  # Thursday before 1 May
    assert inquiry.response_due_at == at(2026, 5, 4, 16)
    DisabledHoliday.objects.create(calendar=team.calendar, holiday="Workers' Day")
    assert services.recompute_open_deadlines(calendar=team.calendar, now=at(2026, 4, 30, 9)) == 1
    inquiry.refresh_from_db()
    assert inquiry.response_due_at == at(2026, 5, 4, 10)


def test_a_changed_promise_recomputes_the_open_deadlines(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    closed = receive(municipality, topic, at(2026, 1, 5, 9))
    act(closed, staff, Action.CLOSED, at(2026, 1, 6, 9))
    topic.resolution_max = 40
    topic.save()
    assert services.recompute_open_deadlines(topic=topic, now=at(2026, 1, 6, 9)) == 1
    inquiry.refresh_from_db()
    assert inquiry.resolution_due_at == at(2026, 2, 14, 9)
