"""Read-side selections for the inquiry pages: the team queue and one case with its log.

The queue reads one row per inquiry with its topic, team, calendar and owner, and the clock
from what the services stored (`inquiries.promises.live_clock`): a fixed number of queries
however many inquiries it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from inquiries import promises
from inquiries.models import Inquiry, InquiryEvent


@dataclass(frozen=True)
class Row:
    inquiry: Inquiry
    clock: promises.LiveClock | None


def _with_calendar(inquiries):
    return inquiries.select_related("topic", "team__calendar", "owner").prefetch_related(
        "team__calendar__hours", "team__calendar__disabled_holidays"
    )


def queue(municipality, filters: dict, now=None) -> list[Row]:
    """The municipality's open inquiries (or those in `filters["state"]`), those with the least
    time left first and those without a deadline last, each with its clock. Four queries."""
    now = now or timezone.now()
    inquiries = Inquiry.objects.of_municipality(municipality)
    state = filters.get("state")
    inquiries = inquiries.filter(state=state) if state else inquiries.open()
    for name in ("team", "topic"):
        if filters.get(name):
            inquiries = inquiries.filter(**{name: filters[name]})
    inquiries = _with_calendar(inquiries).order_by(
        F("due_at").asc(nulls_last=True), "received_at", "pk"
    )
    return [
        Row(inquiry, promises.live_clock(inquiry, inquiry.team.calendar.as_clock(), now))
        for inquiry in inquiries
    ]


def case(inquiry: Inquiry, now=None) -> tuple[promises.LiveClock | None, list[InquiryEvent]]:
    """The clock and the state log (oldest first, with who did it) of one inquiry."""
    now = now or timezone.now()
    events = list(
        InquiryEvent.objects.filter(inquiry=inquiry)
        .select_related("team", "owner", "actor")
        .order_by("at", "pk")
    )
    return promises.live_clock(inquiry, inquiry.team.calendar.as_clock(), now), events


def case_queryset():
    return _with_calendar(Inquiry.objects.select_related("company"))


def with_contact_email(municipality, email: str):
    """`municipality`'s inquiries whose contact e-mail is `email` (any case), newest first: what
    a person's data export includes (`contacts.export`, `inquiries.personal_data`)."""
    if not email:
        return Inquiry.objects.none()
    return (
        Inquiry.objects.of_municipality(municipality)
        .filter(email__iexact=email)
        .select_related("topic")
        .order_by("-received_at", "pk")
    )
