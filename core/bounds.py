"""The bounds of what a person can type: values the database stores and reads back exactly.

Every date field a person fills in, on every write path (forms, Excel import, admin, demo loader),
is checked by `validate_plausible_date` through the model's `full_clean`; every measured value fits
`MEASURE_DIGITS`.

Why these numbers:
- Dates: a plan's years are 1970-2100 and period texts are read for 1900-2100; a date outside
  1900-2100 is a typo (year 1, 31-12-9999) that would otherwise overflow date arithmetic in the
  Gantt chart, the calendar feed and the daily reminder job.
- Decimals: SQLite, the embedded default, keeps a decimal as a REAL, which holds 15 significant
  digits. A value with 16 digits (999.999.999.999,9999) is stored rounded and can no longer be
  read back into its field, so measured values have at most 15 digits, 4 of them decimals, on
  PostgreSQL too, so that both databases accept the same values.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)

MEASURE_DIGITS = {"max_digits": 15, "decimal_places": 4}
MONEY_DIGITS = {"max_digits": 14, "decimal_places": 2}
HOURS_DIGITS = {"max_digits": 10, "decimal_places": 1}


def largest_value(max_digits: int, decimal_places: int) -> Decimal:
    """The largest number a field with these digits holds, e.g. 99999999999.9999."""
    return Decimal(10) ** (max_digits - decimal_places) - Decimal(1).scaleb(-decimal_places)


def is_plausible_date(value: date) -> bool:
    """Whether `value` lies within 1900-2100 (rows stored before the bound may hold others)."""
    return EARLIEST_DATE <= value <= LATEST_DATE


def validate_plausible_date(value: date) -> None:
    if value is not None and not is_plausible_date(value):
        raise ValidationError(
            _("Datoen skal ligge mellem %(first)s og %(last)s."),
            code="implausible_date",
            params={"first": EARLIEST_DATE.year, "last": LATEST_DATE.year},
        )


TEXT_MAX_LENGTH = 20_000


class LongTextField(models.TextField):
    """Free text a person types (a note, a comment, a document's section), bounded so that one
    paste cannot store megabytes: 20,000 characters, about ten pages, checked by the form, the
    model's `full_clean` (services, imports, admin) and shown as the textarea's maxlength."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    @cached_property
    def validators(self):
        return [*super().validators, MaxLengthValidator(self.max_length)]
