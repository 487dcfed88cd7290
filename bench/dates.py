"""The generated data's calendar: months as numbers, and the day the data ends.

The data ends on a fixed day rather than today, so that the same seed gives the same rows
whenever it is generated; pages still judge it against the real today.
"""

from __future__ import annotations

import calendar
import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

DATA_END = date(2026, 11, 30)
# The steering page's "changes since" date for the benchmark: about 90 days before DATA_END, so
# that the page shows the generated recent changes whenever the benchmark runs.
STEERING_SINCE = date(2026, 9, 1)


def month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_end(number: int) -> date:
    """The last day of month `number` (see `month_number`)."""
    year, month = divmod(number, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


LAST_MONTH = month_number(DATA_END)


def moment(day: date, rng: random.Random, *, latest: date = DATA_END) -> datetime:
    """An aware time during office hours on `day` (no later than `latest`)."""
    day = min(day, latest)
    clock = time(rng.randint(8, 15), rng.randint(0, 59), rng.randint(0, 59))
    return timezone.make_aware(datetime.combine(day, clock))


def between(first: date, last: date, rng: random.Random) -> date:
    """A day from `first` to `last`, both included."""
    if last <= first:
        return first
    return first + timedelta(days=rng.randint(0, (last - first).days))
