"""StatBank's time codes and the dates Kurs stores them as.

A period is dated on its first day: `2024` is 1 January 2024, `2024K3` (third quarter) 1 July
2024, `2024H2` (second half) 1 July 2024, `2024M05` 1 May 2024. That is how the demo already
dates a yearly figure (the 19.369 employed "in 2011" are dated 1 January 2011), it keeps every
period that has begun on or before today (a measurement may not lie in the future), and it sorts
periods in time order. The code itself is kept beside the measurement, so nothing is lost.
"""

from __future__ import annotations

import re
from datetime import date

from core.bounds import is_plausible_date

_PERIOD = re.compile(r"(?P<year>\d{4})(?:(?P<kind>[KHM])(?P<number>\d{1,2}))?")
_MONTH_OF = {"K": lambda n: 3 * n - 2, "H": lambda n: 6 * n - 5, "M": lambda n: n}
_LAST = {"K": 4, "H": 2, "M": 12}
MAX_PERIOD_LENGTH = 10


class PeriodError(ValueError):
    """A time code that is not a year, quarter, half-year or month."""


def period_start(code: str) -> date:
    """The first day of the period `code` (module doc); PeriodError when it is none of the
    documented forms or lies outside the dates Kurs stores (1900-2100)."""
    match = _PERIOD.fullmatch(code.strip())
    if match is None:
        raise PeriodError(f"'{code}' er ikke en periode, som Danmarks Statistik skriver dem.")
    year, kind = int(match["year"]), match["kind"]
    month = 1
    if kind:
        number = int(match["number"])
        if not 1 <= number <= _LAST[kind]:
            raise PeriodError(f"'{code}' er ikke en periode, som Danmarks Statistik skriver dem.")
        month = _MONTH_OF[kind](number)
    start = date(year, month, 1)
    if not is_plausible_date(start):
        raise PeriodError(f"Perioden '{code}' ligger uden for årene 1900-2100.")
    return start


def period_year(code: str) -> int:
    return period_start(code).year
