"""Danish number and date formats for templates: 1.234,5 and 10. sep. 2013."""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils import formats, timezone
from django.utils.translation import pgettext

register = template.Library()


def month_abbreviations() -> list[str]:
    return [
        pgettext("month abbreviation", "jan."),
        pgettext("month abbreviation", "feb."),
        pgettext("month abbreviation", "mar."),
        pgettext("month abbreviation", "apr."),
        pgettext("month abbreviation", "maj"),
        pgettext("month abbreviation", "jun."),
        pgettext("month abbreviation", "jul."),
        pgettext("month abbreviation", "aug."),
        pgettext("month abbreviation", "sep."),
        pgettext("month abbreviation", "okt."),
        pgettext("month abbreviation", "nov."),
        pgettext("month abbreviation", "dec."),
    ]


@register.filter
def num(value, decimals=None):
    """A number with thousands grouping and the locale's decimal mark; trailing zeros dropped."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return value
    if decimals is None or decimals == "":
        number = number.normalize()
        places = max(-number.as_tuple().exponent, 0)
    else:
        places = int(decimals)
        # number_format cuts off extra decimals; round them instead (1999.9 -> 2.000).
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return formats.number_format(number, places, use_l10n=True, force_grouping=True)


@register.filter
def percent(value):
    """A share from 0 to 1 as a whole percentage, e.g. 0.26 -> 26 %."""
    if value is None or value == "":
        return ""
    return f"{num(Decimal(str(value)) * 100, 0)} %"


@register.filter
def short_date(value):
    """10. sep. 2013 (Danish) or the English equivalent."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if not isinstance(value, date):
        return value
    return f"{value.day}. {month_abbreviations()[value.month - 1]} {value.year}"


@register.filter
def short_datetime(value):
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{short_date(local)} {local:%H:%M}"


@register.filter
def display(value):
    """Any field value as a person reads it: numbers and dates in the locale's format."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, Decimal)):
        return num(value)
    if isinstance(value, date):
        return short_date(value)
    return value
