"""What scheduled commands share: the municipalities a run covers, the day it acts as if it
were, and handling municipalities one after the other so that one's failure (bad data, a bug)
costs the others nothing: the error is logged with the municipality's name and the command ends
with an error naming it, so that the scheduler reports it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from django.core.management.base import CommandError
from django.utils import timezone

from core.models import Municipality

logger = logging.getLogger(__name__)


def chosen_municipalities(code: str | None):
    """Every municipality by code, or only the one `code` names (CommandError if none)."""
    municipalities = Municipality.objects.order_by("code")
    if code:
        municipalities = municipalities.filter(code=code)
        if not municipalities:
            raise CommandError(f"No municipality with code {code!r}")
    return municipalities


def run_date(raw: str | None) -> date:
    """The day a run acts on: `raw` (YYYY-MM-DD), or today."""
    if not raw:
        return timezone.localdate()
    try:
        return date.fromisoformat(raw)
    except ValueError as error:
        raise CommandError(f"--date must be YYYY-MM-DD, not {raw!r}") from error


def each_municipality(municipalities, work: Callable, *, what: str, stderr) -> list:
    """Call `work(municipality)` for each; returns those that failed (logged as `what`)."""
    broken = []
    for each in municipalities:
        try:
            work(each)
        except Exception as error:
            logger.exception("%s for %s failed", what, each)
            stderr.write(f"{what} for {each} failed: {error!r}")
            broken.append(each)
    return broken
