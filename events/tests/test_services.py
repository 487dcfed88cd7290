"""The rules of seats, the waiting list, offers and their expiry (`events.services`)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from core.concurrency import ConcurrentEditError
from events import services
from events.enums import RegistrationState as S
from events.models import Registration
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def sign_up(event, n, **kwargs):
    registration, _created = services.register(
        event=event, name=f"Person {n}", email=f"person{n}@example.com", **kwargs
    )
    return registration


def states(event):
    return list(
        Registration.objects.filter(event=event).order_by("pk").values_list("state", flat=True)
    )


def test_registrations_take_the_seats_then_join_the_waiting_list_in_order(event):
    people = [sign_up(event, n) for n in range(4)]

    assert [p.state for p in people] == [S.REGISTERED, S.REGISTERED, S.WAITING, S.WAITING]
    assert [services.waiting_position(p) for p in people] == [None, None, 1, 2]


def test_an_event_without_capacity_seats_everyone(municipality):
    event = EventFactory(municipality=municipality, capacity=None)

    assert {sign_up(event, n).state for n in range(5)} == {S.REGISTERED}


def test_the_same_email_cannot_register_twice_in_any_case(event):
    sign_up(event, 1)

    with pytest.raises(ValidationError) as refused:
        services.register(event=event, name="Igen", email=" PERSON1@example.com ")

    assert refused.value.message_dict == {
        "email": ["Den e-mail er allerede tilmeldt arrangementet."]
    }
    assert Registration.objects.count() == 1


def test_a_cancelled_registration_may_register_again(event):
    first = sign_up(event, 1)
    services.cancel_registration(registration=first)

    again = sign_up(event, 1)

    assert again.state == S.REGISTERED


def test_registration_closes_at_the_deadline_and_for_a_cancelled_event(municipality):
    now = timezone.now()
    late = EventFactory(municipality=municipality, registration_deadline=now - timedelta(hours=1))
    cancelled = EventFactory(municipality=municipality, cancelled_at=now)

    with pytest.raises(ValidationError, match="Tilmeldingen er lukket"):
        sign_up(late, 1)
    with pytest.raises(ValidationError, match="aflyst"):
        sign_up(cancelled, 1)


def test_the_same_submission_token_registers_once(event):
    import uuid

    token = uuid.uuid4()
    first, made = services.register(
        event=event, name="A", email="a@example.com", submission_token=token
    )
    second, made_again = services.register(
        event=event, name="A", email="a@example.com", submission_token=token
    )

    assert (made, made_again, second.pk) == (True, False, first.pk)


def test_cancelling_a_seat_offers_it_to_the_first_waiting_for_48_hours(event, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    seated = sign_up(event, 1)
    sign_up(event, 2)
    first_waiting, second_waiting = sign_up(event, 3), sign_up(event, 4)

    services.cancel_registration(registration=seated)

    first_waiting.refresh_from_db()
    assert first_waiting.state == S.OFFERED
    assert first_waiting.offer_expires_at == timezone.now() + timedelta(hours=48)
    assert states(event) == [S.CANCELLED, S.REGISTERED, S.OFFERED, S.WAITING]
    # An offered seat is held: a newcomer waits behind the list.
    assert sign_up(event, 5).state == S.WAITING
    assert services.waiting_position(Registration.objects.get(pk=second_waiting.pk)) == 1


def test_an_accepted_offer_is_a_seat(event):
    seated = sign_up(event, 1)
    sign_up(event, 2)
    waiting = sign_up(event, 3)
    services.cancel_registration(registration=seated)

    services.accept_offer(registration=Registration.objects.get(pk=waiting.pk))

    assert states(event) == [S.CANCELLED, S.REGISTERED, S.REGISTERED]


def test_an_expired_offer_moves_to_the_next_waiting(event, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    seated = sign_up(event, 1)
    sign_up(event, 2)
    first, second = sign_up(event, 3), sign_up(event, 4)
    services.cancel_registration(registration=seated)

    time_machine.move_to(start + timedelta(hours=47, minutes=59), tick=False)
    assert services.expire_offers() == 0
    time_machine.move_to(start + timedelta(hours=48), tick=False)
    assert services.expire_offers() == 1

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (S.EXPIRED, S.OFFERED)
    assert second.offer_expires_at == start + timedelta(hours=96)
    with pytest.raises(ValidationError, match="gælder ikke længere"):
        services.accept_offer(registration=first)


def test_the_command_expires_offers(event, time_machine, capsys):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    seated = sign_up(event, 1)
    sign_up(event, 2)
    sign_up(event, 3)
    services.cancel_registration(registration=seated)
    time_machine.move_to(start + timedelta(hours=49), tick=False)

    call_command("expire_event_offers")

    assert capsys.readouterr().out == "expired 1 offer(s)\n"
    assert states(event) == [S.CANCELLED, S.REGISTERED, S.EXPIRED]


def test_an_offer_never_lasts_past_the_start(municipality, time_machine):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    event = EventFactory(municipality=municipality, capacity=1, starts_at=now + timedelta(hours=5))
    seated = sign_up(event, 1)
    waiting = sign_up(event, 2)

    services.cancel_registration(registration=seated)

    waiting.refresh_from_db()
    assert waiting.offer_expires_at == now + timedelta(hours=5)


def test_a_larger_capacity_offers_the_new_seats(event):
    for n in range(4):
        sign_up(event, n)

    services.update_event(event=event, expected_version=1, capacity=3)

    assert states(event) == [S.REGISTERED, S.REGISTERED, S.OFFERED, S.WAITING]


def test_a_stale_edit_is_refused(event):
    services.update_event(event=event, expected_version=1, title="Ny titel")

    with pytest.raises(ConcurrentEditError):
        services.update_event(event=event, expected_version=1, title="Gammel")


def test_the_description_is_sanitised(municipality):
    event = services.create_event(
        municipality=municipality,
        kind="conference",
        title="Konference",
        starts_at=timezone.now() + timedelta(days=3),
        description='<p onclick="x()">Hej <script>alert(1)</script><a href="javascript:x">a</a>'
        '<a href="https://albertslund.dk">b</a></p>',
    )

    assert event.description == (
        '<p>Hej <a rel="noopener noreferrer">a</a>'
        '<a href="https://albertslund.dk" rel="noopener noreferrer">b</a></p>'
    )


def test_dates_outside_the_bounds_are_refused(municipality):
    with pytest.raises(ValidationError) as refused:
        services.create_event(
            municipality=municipality,
            kind="conference",
            title="Konference",
            starts_at=timezone.now().replace(year=2101),
        )

    assert "starts_at" in refused.value.message_dict


def test_cancelling_after_the_start_is_refused(event, time_machine):
    seated = sign_up(event, 1)
    time_machine.move_to(event.starts_at + timedelta(minutes=1), tick=False)

    with pytest.raises(ValidationError, match="begyndt"):
        services.cancel_registration(registration=seated)


def test_attendance_marks_the_seats_attended_or_no_show(event, time_machine):
    came = sign_up(event, 1)
    sign_up(event, 2)  # stays away
    sign_up(event, 3)
    time_machine.move_to(event.starts_at + timedelta(hours=3), tick=False)

    assert services.record_attendance(event=event, attended_ids=[came.pk]) == 1

    assert states(event) == [S.ATTENDED, S.NO_SHOW, S.WAITING]


def test_cancelling_the_event_lets_offers_lapse(event):
    seated = sign_up(event, 1)
    sign_up(event, 2)
    sign_up(event, 3)
    services.cancel_registration(registration=seated)

    services.cancel_event(event=event, expected_version=1)

    assert states(event) == [S.CANCELLED, S.REGISTERED, S.EXPIRED]
    event.refresh_from_db()
    assert event.is_cancelled


def test_the_scheduled_expiry_job_runs_from_the_queue(event, time_machine):
    # As `core.schedules` queues it; the test settings run django-q2 jobs synchronously
    # (`Q_CLUSTER["sync"]`).
    from django_q.tasks import async_task, result

    start = timezone.now()
    time_machine.move_to(start, tick=False)
    seated = sign_up(event, 1)
    sign_up(event, 2)
    sign_up(event, 3)
    services.cancel_registration(registration=seated)
    time_machine.move_to(start + timedelta(hours=48), tick=False)

    task = async_task("django.core.management.call_command", "expire_event_offers")

    assert result(task) is None  # call_command's answer: it ran without an error
    assert states(event) == [S.CANCELLED, S.REGISTERED, S.EXPIRED]


def test_turning_an_offer_down_offers_the_seat_to_the_next(event):
    seated = sign_up(event, 1)
    sign_up(event, 2)
    first, second = sign_up(event, 3), sign_up(event, 4)
    services.cancel_registration(registration=seated)

    services.cancel_registration(registration=Registration.objects.get(pk=first.pk))

    assert states(event) == [S.CANCELLED, S.REGISTERED, S.CANCELLED, S.OFFERED]
    assert Registration.objects.get(pk=second.pk).offer_expires_at is not None
