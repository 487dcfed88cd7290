"""Two people take the last seat at the same moment: one gets it, the other waits. Needs two
real connections writing at once, so it runs on PostgreSQL only."""

import threading
import time

import pytest
from django.db import connection

from events import services
from events.enums import RegistrationState as S
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_seat_at_once_never_overbook(municipality, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs two concurrent writers: run with DATABASE_URL=postgres://… (CI does)")
    event = EventFactory(municipality=municipality, capacity=2)
    RegistrationFactory(event=event)
    count = services.seats_taken
    both_started = threading.Barrier(2)

    def count_slowly(locked_event):
        # Each counts the seats, then dawdles: without the lock both would see one seat free.
        taken = count(locked_event)
        time.sleep(0.5)
        return taken

    monkeypatch.setattr(services, "seats_taken", count_slowly)
    results, errors = [], []

    def take_last_seat(n):
        try:
            both_started.wait(timeout=10)
            registration, _created = services.register(
                event=event, name=f"Person {n}", email=f"sidste{n}@example.com"
            )
            results.append(registration.state)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_last_seat, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(results) == [S.REGISTERED, S.WAITING]
    assert Registration.objects.filter(event=event, state__in=services.SEAT_STATES).count() == 2
