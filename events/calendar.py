"""Events as iCalendar: the file attached to a confirmation and the municipality's public feed.

Each event has a UID that stays the same from one fetch to the next ("event-<pk>@kurs"), so a
calendar moves or cancels the entry (STATUS:CANCELLED) rather than adding another. An event
whose start is known only to the month (`DatePrecision.MONTH`) has no time to put in a calendar
and is left out. The feed holds the municipality's public events from a year back on, and never
anything about who registered.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.enums import DatePrecision
from events.models import Event

FEED_HISTORY = timedelta(days=365)
# The same UID domain and refresh interval as the action plans' feed (`actions.calendar`).
UID_DOMAIN = "kurs"
REFRESH = timedelta(hours=12)


def _component(event: Event, *, url: str, now: datetime) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@{UID_DOMAIN}")
    entry.add("dtstamp", now)
    entry.add("dtstart", event.starts_at)
    if event.ends_at:
        entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("description", strip_tags(event.description))
    if event.place:
        entry.add("location", event.place)
    entry.add("categories", [event.get_kind_display()])
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if url:
        entry.add("url", url)
    return entry


def _calendar(name: str, method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Kurs//Arrangementer//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    return calendar


def has_time(event: Event) -> bool:
    return event.date_precision == DatePrecision.EXACT


def event_ics(event: Event, *, url: str, now: datetime | None = None) -> bytes:
    """One event as an .ics file, for the confirmation mail."""
    calendar = _calendar(event.title, "PUBLISH")
    calendar.add_component(_component(event, url=url, now=now or timezone.now()))
    return calendar.to_ical()


def public_events(municipality, now: datetime):
    return Event.objects.of_municipality(municipality).filter(
        is_public=True, date_precision=DatePrecision.EXACT, starts_at__gte=now - FEED_HISTORY
    )


def feed(municipality, *, name: str, url_for, now: datetime | None = None) -> bytes:
    """The municipality's public events as a feed; `url_for(pk)` is an event's public address."""
    now = now or timezone.now()
    calendar = _calendar(name, "PUBLISH")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    for event in public_events(municipality, now).order_by("starts_at", "pk"):
        calendar.add_component(_component(event, url=url_for(event.pk), now=now))
    return calendar.to_ical()
