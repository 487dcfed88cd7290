"""Danish number and date formats for templates: 1.234,5 and 10. sep. 2013."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import timezone

from core.locale import format_date, format_number, format_percent

register = template.Library()


@register.filter
def num(value, decimals=None):
    """A number with thousands grouping and the locale's decimal mark; trailing zeros dropped."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return value
    places = None if decimals is None or decimals == "" else int(decimals)
    return format_number(number, places)


@register.filter
def percent(value):
    """A share from 0 to 1 as a whole percentage, e.g. 0.26 -> 26 %."""
    if value is None or value == "":
        return ""
    return format_percent(value)


@register.filter
def short_date(value):
    """10. sep. 2013 (Danish) or the English equivalent."""
    if not value:
        return ""
    if not isinstance(value, date):
        return value
    return format_date(value)


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


@register.filter
def data_kind(value) -> str:
    """ "mapping", "list" or "value": how a JSON-ready export value is shown
    (`core/_personal_value.html`)."""
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list | tuple):
        return "list"
    return "value"
