"""How the pages show a promise clock: the time left in its unit, and the bar of time used."""

from datetime import timedelta

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.locale import format_number
from inquiries.clock import Unit

register = template.Library()


def _amount(left: timedelta, unit: Unit) -> str:
    hours = abs(left) / timedelta(hours=1)
    if unit is Unit.WORKING_HOURS:
        shown = round(hours, 1)
        return ngettext(
            "%(hours)s arbejdstime", "%(hours)s arbejdstimer", 1 if shown == 1 else 2
        ) % {"hours": format_number(shown)}
    days, rest = divmod(round(hours), 24)
    text = ngettext("%(n)s time", "%(n)s timer", rest) % {"n": rest}
    if days:
        text = ngettext("%(n)s dag", "%(n)s dage", days) % {"n": days} + (
            f" {text}" if rest else ""
        )
    return text


@register.filter
def time_left(clock) -> str:
    """'3 dage 4 timer tilbage', '5,5 arbejdstimer tilbage' or 'overskredet med 2 timer'."""
    if clock is None:
        return ""
    if clock.overdue:
        return _("overskredet med %(amount)s") % {"amount": _amount(clock.left, clock.unit)}
    return _("%(amount)s tilbage") % {"amount": _amount(clock.left, clock.unit)}


@register.filter
def bar_width(clock) -> int:
    """The used part of a 100-wide bar: the share of time used, at most the whole bar."""
    return max(0, min(100, clock.percent))


@register.filter
def bar_level(clock) -> str:
    """The bar's colour class: fine below 80 %, close from 80 %, over from 100 %."""
    if clock.share >= 1:
        return "over"
    return "close" if clock.share >= 0.8 else "fine"
