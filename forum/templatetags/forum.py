from django import template
from django.utils.safestring import mark_safe

from core.richtext import clean_html

register = template.Library()


@register.filter
def rich(html: str) -> str:
    """Stored minutes as HTML: cleaned when saved, and again here, so a row written past the
    services (a raw SQL fix) cannot bring script into a page."""
    return mark_safe(clean_html(html))  # noqa: S308 - nh3 has just cleaned it
