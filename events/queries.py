"""Read-side querysets of events: lists with their counts in one query."""

from __future__ import annotations

from django.db.models import Count, Q

from events.enums import SEAT_STATES, RegistrationState
from events.models import Event, Registration

PAGE_SIZE = 50


def with_counts(events):
    """`events` with `seated`, `waiting_count` and `attended_count` counted in the same query."""
    return events.annotate(
        seated=Count("registrations", filter=Q(registrations__state__in=SEAT_STATES)),
        waiting_count=Count(
            "registrations", filter=Q(registrations__state=RegistrationState.WAITING)
        ),
        attended_count=Count(
            "registrations", filter=Q(registrations__state=RegistrationState.ATTENDED)
        ),
    )


def event_list(municipality):
    return with_counts(Event.objects.of_municipality(municipality)).order_by("-starts_at", "-pk")


def registrations(event):
    """All of an event's registrations: seats first, then the waiting list in order."""
    return (
        Registration.objects.filter(event=event)
        .select_related("company")
        .order_by("registered_at", "pk")
    )


def public_upcoming(municipality, now):
    return with_counts(
        Event.objects.of_municipality(municipality).filter(is_public=True, starts_at__gte=now)
    ).order_by("starts_at", "pk")
