"""The service-promise clock: deadlines and time used, as pure functions of a team calendar, a
start, a duration and the intervals in which the case was paused. Pages, the warnings job, the
monthly figures and the API all read the clock through these functions, so they agree.

The wall clock of Copenhagen
    All time is counted on the local wall clock (Europe/Copenhagen), because that is how a
    promise is read by the business and by staff: a day runs from midnight to midnight, and
    "40 days" from 10:00 ends at 10:00 forty days later, "72 hours" from Friday 10:00 ends on
    Monday at 10:00, also across the change to summer time (last Sunday of March) and back
    (last Sunday of October). So the night the clock is put forward counts as an ordinary
    night, its skipped hour included, and the hour repeated in October is counted once. A
    deadline that falls in the skipped hour (02:00-03:00 in late March) is given as the instant
    one hour later on the wall clock, the first one that exists. Instants are taken and given as
    aware datetimes (any zone); the arithmetic happens on naive local wall-clock times.

Units (`Unit`)
    Calendar hours and calendar days count every hour of every day. Working hours count only the
    calendar's working time: each weekday's opening hours (`WorkCalendar.hours`; a weekday
    without hours is closed), never on one of the calendar's holidays.

Holidays (`danish_holidays`, `WorkCalendar.holiday`)
    The Danish public holidays as the `holidays` library knows them (the days that depend on
    Easter; Store Bededag up to and including 2023, abolished from 2024), together with the days
    most offices close that the library lists as optional (1 May, Grundlovsdag, Christmas Eve,
    New Year's Eve). Every one of them is closed unless the calendar has switched it off
    (`disabled_holidays`, by the library's English name, e.g. "Workers' Day").

When the clock runs (`read_log`)
    The clock reads only the case's logged state changes, each saying whether the clock runs
    from then on. It starts at the first change into a running state (a case that is not
    complete yet has not started), pauses at every change into a state that does not run (the
    case waits for the business) and resumes at the next running one, and stops for good when
    the case is closed. A pause still going on is counted up to `now`. Overlapping or
    out-of-order intervals (the repeated hour in October) count once and never negatively.

Deadline (`deadline`)
    The first instant at which the counted time since the start, less the pauses, reaches the
    duration. A pause still going on is counted up to `now`, so the deadline is the one that holds
    if the case resumes now. A duration of nothing is due at the start; working hours in a
    calendar without any working time are never due (`NoDeadline`).

Time used (`used`, `share_used`)
    The counted time between the start and an instant (now, or the close), less the pauses; its
    share of the duration is what the warnings compare with their thresholds (50 %, 80 %, 100 %).
    Reports show the net time of a closed case in calendar days (`net_days`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from core.bounds import LATEST_DATE

TIME_ZONE = ZoneInfo("Europe/Copenhagen")
ONE_DAY = timedelta(days=1)
HOLIDAY_CATEGORIES = (holidays.PUBLIC, holidays.OPTIONAL)


class Unit(StrEnum):
    CALENDAR_HOURS = "calendar_hours"
    CALENDAR_DAYS = "calendar_days"
    WORKING_HOURS = "working_hours"

    @property
    def is_working_time(self) -> bool:
        return self is Unit.WORKING_HOURS

    def span(self, amount: Decimal | int) -> timedelta:
        """The wall-clock time `amount` of this unit makes."""
        if self is Unit.CALENDAR_DAYS:
            return timedelta(days=float(amount))
        return timedelta(hours=float(amount))


class NoDeadline(ValueError):
    """The duration can never be used up (working hours in a calendar without working time)."""


@lru_cache(maxsize=64)
def danish_holidays(year: int) -> dict[date, tuple[str, str]]:
    """The holidays of `year`: date -> (the library's English name, the Danish name)."""
    english = holidays.Denmark(years=year, categories=HOLIDAY_CATEGORIES, language="en_US")
    danish = holidays.Denmark(years=year, categories=HOLIDAY_CATEGORIES, language="da")
    return {day: (name, danish[day]) for day, name in sorted(english.items())}


def holiday_names() -> list[tuple[str, str]]:
    """Every holiday a calendar can switch off: (English name, Danish name), in calendar order
    of a year that has all of them (2023 still had Store Bededag)."""
    seen = {}
    for year in (2023, 2026):
        for key, danish in danish_holidays(year).values():
            seen.setdefault(key, danish)
    return list(seen.items())


@dataclass(frozen=True)
class WorkCalendar:
    """A team's working time: opening hours per weekday (0 is Monday) and the holidays it has
    switched off."""

    hours: Mapping[int, tuple[time, time]]
    disabled_holidays: frozenset[str] = field(default_factory=frozenset)

    def holiday(self, day: date) -> str | None:
        """The Danish name of the holiday on `day` if the calendar keeps it closed."""
        found = danish_holidays(day.year).get(day)
        if found is None or found[0] in self.disabled_holidays:
            return None
        return found[1]

    def working_window(self, day: date) -> tuple[datetime, datetime] | None:
        """The wall-clock working time of `day`, or None on a closed day."""
        opening = self.hours.get(day.weekday())
        if opening is None or self.holiday(day) is not None:
            return None
        opens, closes = opening
        return datetime.combine(day, opens), datetime.combine(day, closes)

    def is_working_time(self, instant: datetime) -> bool:
        wall = to_wall(instant)
        window = self.working_window(wall.date())
        return window is not None and window[0] <= wall < window[1]

    @property
    def has_working_time(self) -> bool:
        return any(opens < closes for opens, closes in self.hours.values())


def to_wall(instant: datetime) -> datetime:
    """The naive Copenhagen wall-clock time of an aware instant."""
    return instant.astimezone(TIME_ZONE).replace(tzinfo=None)


def from_wall(wall: datetime) -> datetime:
    """The aware instant of a wall-clock time (in the skipped hour: the one an hour later)."""
    # Through UTC: `astimezone` to the zone an instant already has would leave it as it is.
    return wall.replace(tzinfo=TIME_ZONE).astimezone(UTC).astimezone(TIME_ZONE)


@dataclass(frozen=True)
class Change:
    """A logged state change: from `at`, the clock runs or not; `stops` when the case closed."""

    at: datetime
    running: bool
    stops: bool = False


@dataclass(frozen=True)
class Reading:
    """When the clock started, the intervals it was paused, and when it stopped (if it did)."""

    start: datetime
    pauses: tuple[tuple[datetime, datetime], ...] = ()
    stopped_at: datetime | None = None


def read_log(changes: Iterable[Change], now: datetime) -> Reading | None:
    """The clock as the state changes (in the order logged) run it; None before it starts."""
    start = paused_since = stopped_at = None
    pauses = []
    for change in changes:
        if start is None:
            if change.running and not change.stops:
                start = change.at
            continue
        if change.stops:
            stopped_at = change.at
            break
        if change.running and paused_since is not None:
            pauses.append((paused_since, change.at))
            paused_since = None
        elif not change.running and paused_since is None:
            paused_since = change.at
    if start is None:
        return None
    if paused_since is not None:
        pauses.append((paused_since, stopped_at or now))
    return Reading(start, tuple(pauses), stopped_at)


def _merged(pauses: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Pauses on the wall clock, sorted, overlaps joined, empty ones dropped."""
    walls = sorted((to_wall(a), to_wall(b)) for a, b in pauses)
    merged: list[list[datetime]] = []
    for a, b in walls:
        if b <= a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _without(piece, pauses) -> Iterator[tuple[datetime, datetime]]:
    """`piece` less the (sorted, merged) `pauses`."""
    lo, hi = piece
    for a, b in pauses:
        if b <= lo or a >= hi:
            continue
        if a > lo:
            yield lo, a
        lo = max(lo, b)
        if lo >= hi:
            return
    if lo < hi:
        yield lo, hi


def _counted(
    calendar: WorkCalendar,
    unit: Unit,
    start: datetime,
    pauses: Sequence[tuple[datetime, datetime]],
    until: datetime | None = None,
) -> Iterator[tuple[datetime, datetime]]:
    """The wall-clock pieces the clock counts from `start` (until `until`), in order; without
    `until`, NoDeadline when they can never add up (no working time, or past the last date)."""
    if until is None and unit.is_working_time and not calendar.has_working_time:
        raise NoDeadline("the calendar has no working time")
    day = start.date()
    while day <= LATEST_DATE and (until is None or day <= until.date()):
        if unit.is_working_time:
            window = calendar.working_window(day)
        else:
            midnight = datetime.combine(day, time())
            window = (midnight, midnight + ONE_DAY)
        if window is not None:
            lo, hi = max(window[0], start), window[1] if until is None else min(window[1], until)
            if lo < hi:
                yield from _without((lo, hi), pauses)
        day += ONE_DAY
    if until is None:
        raise NoDeadline("the duration runs past the last date Kurs handles")


def deadline(
    calendar: WorkCalendar,
    start: datetime,
    span: timedelta,
    unit: Unit,
    pauses: Iterable[tuple[datetime, datetime]] = (),
) -> datetime:
    """The instant `span` of counted time has passed since `start` (see the module docstring)."""
    remaining = span
    wall_start = to_wall(start)
    if remaining <= timedelta(0):
        return from_wall(wall_start)
    for lo, hi in _counted(calendar, unit, wall_start, _merged(pauses)):
        if hi - lo >= remaining:
            return from_wall(lo + remaining)
        remaining -= hi - lo
    # `_counted` only ends by raising NoDeadline, so the loop always returns or raises.


def used(
    calendar: WorkCalendar,
    start: datetime,
    until: datetime,
    unit: Unit,
    pauses: Iterable[tuple[datetime, datetime]] = (),
) -> timedelta:
    """The counted time from `start` to `until`, less the pauses (nothing if `until` is earlier)."""
    wall_start, wall_until = to_wall(start), to_wall(until)
    if wall_until <= wall_start:
        return timedelta(0)
    pieces = _counted(calendar, unit, wall_start, _merged(pauses), wall_until)
    return sum((hi - lo for lo, hi in pieces), timedelta(0))


def share_used(spent: timedelta, span: timedelta) -> float:
    """The share (0.5 is half) of `span` that `spent` has used; a span of nothing is used up."""
    if span <= timedelta(0):
        return 1.0
    return spent / span


def net_days(reading: Reading, until: datetime) -> float:
    """A case's net time in calendar days: from the start to `until`, less the pauses."""
    spent = used(WorkCalendar({}), reading.start, until, Unit.CALENDAR_DAYS, reading.pauses)
    return spent / ONE_DAY
