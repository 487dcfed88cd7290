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

from core.concurrency import claim_next_version
from core.idempotency import save_once
from strategy.enums import GoalKind
from strategy.models import Goal, Measurement


def record_measurement(
    *,
    goal: Goal,
    user,
    measured_on: date,
    source: str,
    value: Decimal | None = None,
    assessment: str = "",
    note: str = "",
    submission_token=None,
) -> Measurement:
    """Record a measurement of `goal`. Side effect: a history row naming `user`.

    Raises ValidationError for a date in the future, a missing value (or a missing assessment for
    a qualitative goal), or a milestone value other than 0 (not done) and 1 (done). A form posted
    twice with the same `submission_token` records one measurement (`core.idempotency`); the
    second call returns the first one's.
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
    measurement.full_clean(exclude=["submission_token"])
    measurement._history_user = user
    measurement._change_reason = _("Måling registreret")
    measurement, _saved = save_once(measurement, token=submission_token)
    return measurement


def update_goal(*, goal: Goal, user, expected_version: int, changes: dict) -> Goal:
    """Save `changes` to `goal` unless someone saved it since `expected_version` was read.

    Raises ConcurrentEditError (see core.concurrency) and writes nothing if someone did.
    Side effect: a history row naming `user`.
    """
    with transaction.atomic():
        claim_next_version(
            goal,
            expected_version=expected_version,
            message=_(
                "Målet er blevet ændret af en anden, siden du åbnede det. "
                "Dine ændringer er ikke gemt: genindlæs siden og ret igen."
            ),
        )
        for name, value in changes.items():
            setattr(goal, name, value)
        goal.full_clean()
        goal._history_user = user
        goal._change_reason = _("Mål redigeret")
        goal.save()
    return goal
