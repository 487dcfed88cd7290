"""Business rules for changing strategy data. Each function owns its transaction and its audit.

The audit trail is django-simple-history: every save below writes a historical row with the
user (from the request middleware, or `_history_user` when there is no request) and a reason.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strategy.enums import GoalKind
from strategy.models import Goal, Measurement


class ConcurrentEditError(Exception):
    """Someone else saved the goal after this user opened it."""


def record_measurement(
    *,
    goal: Goal,
    user,
    measured_on: date,
    source: str,
    value: Decimal | None = None,
    assessment: str = "",
    note: str = "",
) -> Measurement:
    """Record a measurement of `goal`. Side effect: a history row naming `user`.

    Raises ValidationError for a date in the future, a missing value (or a missing assessment for
    a qualitative goal), or a milestone value other than 0 (not done) and 1 (done).
    """
    errors: dict[str, str] = {}
    if measured_on > timezone.localdate():
        errors["measured_on"] = _("Datoen må ikke ligge i fremtiden.")
    if goal.kind == GoalKind.QUALITATIVE:
        if not assessment:
            errors["assessment"] = _("Vælg en vurdering af det kvalitative mål.")
        value = None
    else:
        assessment = ""
        if value is None:
            errors["value"] = _("Angiv den målte værdi.")
        elif goal.kind == GoalKind.MILESTONE and value not in (Decimal(0), Decimal(1)):
            errors["value"] = _("En milepæl måles som 1 (nået) eller 0 (ikke nået).")
    if errors:
        raise ValidationError(errors)
    measurement = Measurement(
        goal=goal,
        measured_on=measured_on,
        value=value,
        assessment=assessment,
        source=source,
        note=note,
        entered_by=user,
    )
    measurement.full_clean()
    measurement._history_user = user
    measurement._change_reason = _("Måling registreret")
    with transaction.atomic():
        measurement.save()
    return measurement


def update_goal(*, goal: Goal, user, expected_version: int, changes: dict) -> Goal:
    """Save `changes` to `goal` unless someone saved it since `expected_version` was read.

    The version is claimed with a conditional UPDATE, so of two simultaneous saves exactly one
    wins; the other gets ConcurrentEditError and nothing of it is written. Side effect: a
    history row naming `user`.
    """
    with transaction.atomic():
        claimed = Goal.objects.filter(pk=goal.pk, version=expected_version).update(
            version=expected_version + 1
        )
        if not claimed:
            raise ConcurrentEditError(
                _(
                    "Målet er blevet ændret af en anden, siden du åbnede det. "
                    "Dine ændringer er ikke gemt: genindlæs siden og ret igen."
                )
            )
        for name, value in changes.items():
            setattr(goal, name, value)
        goal.version = expected_version + 1
        goal.full_clean()
        goal._history_user = user
        goal._change_reason = _("Mål redigeret")
        goal.save()
    return goal
