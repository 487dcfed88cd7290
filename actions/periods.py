"""Periods as plan documents write them, turned into the dates they cover.

Documents give a date ("10. september 2013"), a month ("oktober 2014"), a quarter
("4. kvartal 2008", "2008K4"), a half year ("1. halvår 2009"), a season ("foråret 2009"), a year
("2015") or a span of years ("2007-09", "2016-2017"). `parse_period` returns the first and last day
covered; activities are ordered and drawn on the timetable by these dates, while the text is kept
as the document wrote it. `period_dates` is the rule by which typed text and dates become an
activity's dates, for the activity form and the Excel import alike.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
SEASONS = {"forår": (3, 5), "sommer": (6, 8), "efterår": (9, 11)}


class PeriodError(ValueError):
    """The text is not a period Kurs can read."""


@dataclass(frozen=True)
class Period:
    starts_on: date
    ends_on: date

    def __contains__(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str, start_year: int | None = None) -> int:
    """A four-digit year, or a two-digit end year after a four-digit start ("2007-09")."""
    value = int(text)
    if len(text) == 2 and start_year is not None:
        value = start_year // 100 * 100 + value
    if not 1900 <= value <= 2100:
        raise PeriodError(_("Årstallet %(year)s er ikke gyldigt.") % {"year": text})
    return value


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    if key not in MONTHS:
        raise PeriodError(_("Ukendt måned: %(month)s.") % {"month": name})
    return MONTHS[key]


def parse_period(text: str) -> Period:
    """The dates that `text` covers. Raises PeriodError with a message for the user."""
    cleaned = " ".join(text.strip().lower().replace("–", "-").split())
    if not cleaned:
        raise PeriodError(_("Angiv en periode, fx '4. kvartal 2008' eller '2007-09'."))

    if match := re.fullmatch(r"(\d{4})\s*-\s*(\d{2}|\d{4})", cleaned):
        first = _year(match[1])
        last = _year(match[2], first)
        if last < first:
            raise PeriodError(_("Perioden slutter før den begynder."))
        return Period(date(first, 1, 1), date(last, 12, 31))
    if match := re.fullmatch(r"\d{4}", cleaned):
        year = _year(cleaned)
        return Period(date(year, 1, 1), date(year, 12, 31))
    if match := re.fullmatch(
        r"(?:([1-4])\.\s*kvartal|k([1-4]))\s*(\d{4})|(\d{4})\s*k([1-4])", cleaned
    ):
        quarter = int(match[1] or match[2] or match[5])
        year = _year(match[3] or match[4])
        return Period(date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter))
    if match := re.fullmatch(r"([12])\.\s*halvår\s*(\d{4})", cleaned):
        half, year = int(match[1]), _year(match[2])
        return Period(date(year, 6 * half - 5, 1), _month_end(year, 6 * half))
    if match := re.fullmatch(r"(forår|sommer|efterår)(?:et|en)?\s*(\d{4})", cleaned):
        first_month, last_month = SEASONS[match[1]]
        year = _year(match[2])
        return Period(date(year, first_month, 1), _month_end(year, last_month))
    if match := re.fullmatch(r"([a-zæøå]+\.?)\s*(\d{4})", cleaned):
        month, year = _month(match[1]), _year(match[2])
        return Period(date(year, month, 1), _month_end(year, month))
    day_match = re.fullmatch(r"(\d{1,2})\.\s*([a-zæøå]+\.?)\s*(\d{4})", cleaned)
    numeric = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", cleaned)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", cleaned)
    try:
        if day_match:
            day = date(_year(day_match[3]), _month(day_match[2]), int(day_match[1]))
        elif numeric:
            day = date(_year(numeric[3]), int(numeric[2]), int(numeric[1]))
        elif iso:
            day = date(_year(iso[1]), int(iso[2]), int(iso[3]))
        else:
            raise PeriodError(
                _(
                    "Perioden '%(text)s' kan ikke læses. Skriv fx '10. september 2013', "
                    "'oktober 2014', '4. kvartal 2008', '1. halvår 2009', 'foråret 2009', "
                    "'2015' eller '2007-09'."
                )
                % {"text": text}
            )
    except ValueError as error:
        if isinstance(error, PeriodError):
            raise
        raise PeriodError(_("Datoen '%(text)s' findes ikke.") % {"text": text}) from error
    return Period(day, day)


def period_dates(
    text: str, starts_on: date | None, ends_on: date | None, *, current=None
) -> tuple[date | None, date | None]:
    """The start and end an activity gets when `text`, `starts_on` and `ends_on` are typed.

    `current` is the activity as stored (anything with `period_text`, `starts_on` and `ends_on`),
    or None for a new one. A new or changed period text is read with `parse_period` and gives
    both dates, except a date typed by hand: one that is filled in and differs from the stored
    date. An empty or unchanged text leaves the typed dates as they are, so a text imported as
    the document wrote it ("løbende") is kept as long as nobody changes it. Raises PeriodError
    with a message for the user when a new or changed text cannot be read.
    """
    text = text.strip()
    stored_text = (current.period_text or "") if current is not None else ""
    if not text or text == stored_text:
        return starts_on, ends_on
    period = parse_period(text)

    def chosen(typed: date | None, parsed: date, name: str) -> date:
        typed_by_hand = typed is not None and (current is None or typed != getattr(current, name))
        return typed if typed_by_hand else parsed

    return (
        chosen(starts_on, period.starts_on, "starts_on"),
        chosen(ends_on, period.ends_on, "ends_on"),
    )
