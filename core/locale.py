"""Numbers and dates as the user's language writes them: 1.234,5 and 10. sep. 2013 in Danish.

The one place that parses and formats them, for forms, templates, charts and imports alike. The
rules come from CLDR through Babel, not from hand-written string replacing:

- Parsing is strict. "1.234,5" and "1234,5" are Danish for 1234.5; "1.5" and "12,5.3" are
  ambiguous (is "1.5" fifteen, or one and a half written the English way?) and are refused with a
  message that shows what was probably meant and the expected form. Spaces used as thousands
  separators are allowed; exponents ("1e5"), NaN and infinity are not numbers a person types.
- Formatting groups thousands and drops trailing zeros unless a number of places is asked for.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import NumberFormatError
from babel.numbers import format_decimal as babel_format_decimal
from babel.numbers import parse_decimal as babel_parse_decimal
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

DATE_PATTERNS = {"da": "d. MMM y", "en": "d MMM y"}
EXAMPLES = {"da": "1.234,5", "en": "1,234.5"}
# Spaces people put between thousands: plain, no-break and narrow no-break.
_SPACES = re.compile(r"[ \u00a0\u202f]")
# What may remain once the locale's separators are known: digits, separators and a sign.
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9.,]+")


class NumberError(ValueError):
    """Text that is not a number as the language writes it; the message says what to type."""


def language() -> str:
    """The current language as Kurs knows it: "da" or "en"."""
    return "en" if (get_language() or "da").startswith("en") else "da"


@lru_cache(maxsize=4)
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def number_example(code: str | None = None) -> str:
    return EXAMPLES[code or language()]


def parse_decimal(text: str, code: str | None = None) -> Decimal:
    """The number `text` in the current (or given) language; NumberError when it is not one."""
    code = code or language()
    cleaned = _SPACES.sub("", str(text).strip()).replace("\u2212", "-")
    example = number_example(code)
    if not cleaned or not _PLAIN_NUMBER.fullmatch(cleaned):
        raise NumberError(
            _("'%(text)s' er ikke et tal. Skriv fx %(example)s.")
            % {"text": text, "example": example}
        )
    try:
        number = babel_parse_decimal(cleaned, locale=_locale(code), strict=True)
    except NumberFormatError as error:
        suggestions = [s for s in (error.suggestions or []) if s]
        if suggestions:
            raise NumberError(
                _(
                    "'%(text)s' kan læses på flere måder. Mente du %(options)s? "
                    "Skriv tal som fx %(example)s."
                )
                % {"text": text, "options": _(" eller ").join(suggestions), "example": example}
            ) from error
        raise NumberError(
            _("'%(text)s' er ikke et tal. Skriv fx %(example)s.")
            % {"text": text, "example": example}
        ) from error
    if not number.is_finite():
        raise NumberError(
            _("'%(text)s' er ikke et tal. Skriv fx %(example)s.")
            % {"text": text, "example": example}
        )
    return number


def _decimal(value) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def format_number(value, places: int | None = None, code: str | None = None) -> str:
    """`value` with grouped thousands and the language's decimal mark.

    Without `places`, every significant decimal is shown and trailing zeros are dropped
    (21369.0000 -> 21.369); with `places`, the number is rounded half up to that many
    (1999.9 with 0 places -> 2.000). Text that is not a number is returned unchanged.
    """
    number = _decimal(value)
    if number is None or not number.is_finite():
        return str(value)
    if places is None:
        number = number.normalize()
        places = max(-number.as_tuple().exponent, 0)
    else:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return babel_format_decimal(
        number, format=pattern, locale=_locale(code or language()), decimal_quantization=False
    )


def format_percent(share, code: str | None = None) -> str:
    """A share from 0 to 1 as a whole percentage: 0.26 -> "26 %".

    A share below 1 is never shown as 100 %: 99.5 % of the way to a target is not there yet,
    so it is shown as 99 %."""
    percentage = (_decimal(share) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if percentage == 100 and _decimal(share) < 1:
        percentage = Decimal(99)
    return f"{format_number(percentage, 0, code)} %"


def format_date(value, code: str | None = None) -> str:
    """10. sep. 2013 in Danish, 10 Sep 2013 in English; a datetime in local time."""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    if not isinstance(value, date):
        return str(value)
    code = code or language()
    return _date_formatter(code)(value)


@lru_cache(maxsize=4)
def _date_formatter(code: str):
    locale, pattern = _locale(code), DATE_PATTERNS[code]

    def formatted(value: date) -> str:
        return babel_format_date(value, pattern, locale=locale)

    return formatted


def month_abbreviations(code: str | None = None) -> list[str]:
    """The twelve abbreviated month names, January first: "jan.", "feb.", … in Danish."""
    code = code or language()
    names = _locale(code).months["format"]["abbreviated"]
    return [names[month] for month in range(1, 13)]
