"""The figures goals can count from events (`strategy.sources`): the events held in a period
(the goal "mindst 10 erhvervsrelaterede netværks-, dialog-, informationsmøder og konferencer om
året fra 2014") and the people who attended them."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.enums import EventKind, RegistrationState
from events.models import Event, Registration
from strategy.sources import PlatformSource


def _bounds(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(first_day, time.min, tzinfo=zone),
        datetime.combine(last_day, time.max, tzinfo=zone),
    )


def held(municipality, first_day: date, last_day: date):
    """Events of the four kinds, not cancelled, starting in the period (local days)."""
    start, end = _bounds(first_day, last_day)
    return Event.objects.of_municipality(municipality).filter(
        kind__in=EventKind.values, cancelled_at__isnull=True, starts_at__range=(start, end)
    )


def events_held(municipality, first_day: date, last_day: date) -> Decimal:
    return Decimal(held(municipality, first_day, last_day).count())


def attendees(municipality, first_day: date, last_day: date) -> Decimal | None:
    """People recorded as attending the events held; None when no attendance was recorded."""
    events = held(municipality, first_day, last_day)
    recorded = Registration.objects.filter(
        event__in=events,
        state__in=[RegistrationState.ATTENDED, RegistrationState.NO_SHOW],
    )
    if not recorded.exists():
        return None
    return Decimal(recorded.filter(state=RegistrationState.ATTENDED).count())


SOURCES = [
    PlatformSource(
        key="events.held",
        label=_("Erhvervsmøder og konferencer afholdt"),
        origin=_(
            "Antallet af netværks-, dialog- og informationsmøder og konferencer i Kurs' "
            "arrangementer, der begynder i perioden og ikke er aflyst."
        ),
        measure=events_held,
    ),
    PlatformSource(
        key="events.attendees",
        label=_("Deltagere i erhvervsmøder og konferencer"),
        origin=_(
            "Antallet af tilmeldte, der er registreret som mødt til arrangementer, der begynder "
            "i perioden og ikke er aflyst. Tælles kun, når fremmødet er registreret."
        ),
        measure=attendees,
    ),
]
