"""The service promise of an inquiry: which states run its clocks, its deadlines, the time it has
used and whether it was kept. Functions of the inquiry, its topic, its team's calendar and its
state log (`InquiryEvent` rows), built on `inquiries.clock`; `inquiries.services` stores what
`compute` returns on the inquiry, and pages read the clock from there (`live_clock`).

First response
    Counted from receipt in the topic's response unit, never paused (the business waits for an
    answer whatever the case's state), until the first response is recorded; closing a case that
    was never answered counts as its answer.

Resolution
    Counted from the first logged state that runs the clock: RUNNING always does; RECEIVED does
    when the topic's clock starts on receipt (a question needs no papers), not when it starts
    when the case is complete (a building permit application lacking papers is not running yet).
    INCOMPLETE and WAITING (the case waits for the business) pause it; CLOSED stops it. The
    topic's lower bound gives the earliest expected decision, its upper bound the deadline.

Next deadline (`due_at`)
    The first response's deadline until the response is given, then the resolution's; nothing
    for a closed case. The queue sorts by it.

Kept and net time (at close)
    A promise is kept when the first response came by its deadline and the resolution's time
    used is within the upper bound; a topic that promises nothing has no verdict (None). The net
    time is the resolution clock's time in calendar days less the pauses (`clock.net_days`), the
    figure reports show.

The clock on a page (`live_clock`)
    The clock the team works against now (as `due_at`), its share of the time used and the time
    left, from what `compute` stored (`resolution_used` up to `clock_read_at`) plus the time
    since, so that a list reads no state log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from inquiries import clock
from inquiries.enums import ClockKind, ClockStart, State

RUNNING_STATES = {
    ClockStart.ON_RECEIPT: {State.RECEIVED, State.RUNNING},
    ClockStart.WHEN_COMPLETE: {State.RUNNING},
}


def runs(topic, state: str) -> bool:
    """Whether the resolution clock runs while an inquiry about `topic` is in `state`."""
    return state in RUNNING_STATES[topic.clock_start]


def changes(topic, events: Iterable) -> list[clock.Change]:
    """The state log as the clock reads it."""
    return [
        clock.Change(event.at, running=runs(topic, event.state), stops=event.state == State.CLOSED)
        for event in events
    ]


def response_span(topic) -> timedelta | None:
    if topic.response_time is None:
        return None
    return clock.Unit(topic.response_unit).span(topic.response_time)


def resolution_span(topic, amount: int | None) -> timedelta | None:
    return None if amount is None else clock.Unit(topic.resolution_unit).span(amount)


def _deadline(calendar, start, span, unit, pauses=()) -> datetime | None:
    if span is None:
        return None
    try:
        return clock.deadline(calendar, start, span, clock.Unit(unit), pauses)
    except clock.NoDeadline:
        return None


@dataclass(frozen=True)
class Computed:
    """What `compute` finds, field by field as `Inquiry` stores it."""

    response_due_at: datetime | None
    resolution_expected_at: datetime | None
    resolution_due_at: datetime | None
    due_at: datetime | None
    resolution_used: timedelta | None
    clock_read_at: datetime
    net_days: float | None
    kept: bool | None

    FIELDS = (
        "response_due_at",
        "resolution_expected_at",
        "resolution_due_at",
        "due_at",
        "resolution_used",
        "clock_read_at",
        "net_days",
        "kept",
    )

    def apply(self, inquiry) -> None:
        for name in self.FIELDS:
            setattr(inquiry, name, getattr(self, name))


def compute(inquiry, events: Iterable, calendar: clock.WorkCalendar, now: datetime) -> Computed:
    """The deadlines, time used and verdict of `inquiry` from its state log `events` (in order)."""
    topic = inquiry.topic
    response_due = _deadline(
        calendar, inquiry.received_at, response_span(topic), topic.response_unit
    )
    reading = clock.read_log(changes(topic, events), now)
    expected = due = spent = net = None
    if reading is not None:
        unit = topic.resolution_unit
        expected = _deadline(
            calendar,
            reading.start,
            resolution_span(topic, topic.resolution_min),
            unit,
            reading.pauses,
        )
        due = _deadline(
            calendar,
            reading.start,
            resolution_span(topic, topic.resolution_max),
            unit,
            reading.pauses,
        )
        until = reading.stopped_at or now
        spent = clock.used(calendar, reading.start, until, clock.Unit(unit), reading.pauses)
        if reading.stopped_at is not None:
            net = clock.net_days(reading, reading.stopped_at)
    closed = inquiry.state == State.CLOSED
    if closed:
        next_due = None
    elif inquiry.responded_at is None and response_due is not None:
        next_due = response_due
    else:
        next_due = due
    return Computed(
        response_due_at=response_due,
        resolution_expected_at=expected,
        resolution_due_at=due,
        due_at=next_due,
        resolution_used=spent,
        clock_read_at=now,
        net_days=net,
        kept=_kept(inquiry, response_due, spent) if closed else None,
    )


def _kept(inquiry, response_due, spent) -> bool | None:
    topic = inquiry.topic
    verdicts = []
    if response_due is not None:
        verdicts.append(inquiry.responded_at is not None and inquiry.responded_at <= response_due)
    limit = resolution_span(topic, topic.resolution_max)
    if limit is not None and spent is not None:
        verdicts.append(spent <= limit)
    return all(verdicts) if verdicts else None


@dataclass(frozen=True)
class LiveClock:
    """The clock a page shows: which one, its share of the time used, the time left (negative
    when the deadline has passed), its unit, and whether it runs now."""

    kind: ClockKind
    share: float
    left: timedelta
    unit: clock.Unit
    running: bool
    due_at: datetime | None

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def overdue(self) -> bool:
        return self.left < timedelta(0)


def live_clock(inquiry, calendar: clock.WorkCalendar, now: datetime) -> LiveClock | None:
    """The clock of an open `inquiry` at `now` from its stored reading (see the docstring)."""
    topic = inquiry.topic
    if inquiry.state == State.CLOSED:
        return None
    span = response_span(topic)
    if inquiry.responded_at is None and span is not None:
        unit = clock.Unit(topic.response_unit)
        spent = clock.used(calendar, inquiry.received_at, now, unit)
        return LiveClock(
            ClockKind.RESPONSE,
            clock.share_used(spent, span),
            span - spent,
            unit,
            True,
            inquiry.response_due_at,
        )
    span = resolution_span(topic, topic.resolution_max)
    if span is None or inquiry.resolution_used is None:
        return None
    unit = clock.Unit(topic.resolution_unit)
    running = runs(topic, inquiry.state)
    spent = inquiry.resolution_used
    if running and inquiry.clock_read_at < now:
        spent += clock.used(calendar, inquiry.clock_read_at, now, unit)
    return LiveClock(
        ClockKind.RESOLUTION,
        clock.share_used(spent, span),
        span - spent,
        unit,
        running,
        inquiry.resolution_due_at,
    )
