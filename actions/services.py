"""Business rules for changing activities. Each function owns its transaction and its audit.

The audit trail is django-simple-history: every save below writes one historical row naming
the user (`_history_user`) with a reason. The late rule is read-side: `actions.queries.is_late`.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actions.models import Activity, StatusUpdate
from core.concurrency import claim_next_version
from core.idempotency import save_once


def update_activity(
    *,
    activity: Activity,
    user,
    expected_version: int,
    changes: dict,
    partners=None,
    goals=None,
) -> Activity:
    """Save `changes` (and the partner and goal lists, when given) to `activity`.

    Refused with ConcurrentEditError when someone saved the activity after `expected_version`
    was read: the version is claimed with a conditional UPDATE, so of two simultaneous saves
    exactly one wins and nothing of the other is written. Raises ValidationError (and writes
    nothing) when the result is invalid, or when a partner or goal belongs to another
    municipality. Side effect: one history row naming `user`, including the lists.
    """
    municipality_id = activity.plan.municipality_id
    errors = {}
    if partners is not None and any(p.municipality_id != municipality_id for p in partners):
        errors["partners"] = _("Vælg kun kommunens egne samarbejdspartnere.")
    if goals is not None and any(g.plan.municipality_id != municipality_id for g in goals):
        errors["goals"] = _("Vælg kun mål fra kommunens egne planer.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        claim_next_version(
            activity,
            expected_version=expected_version,
            message=_(
                "Aktiviteten er blevet ændret af en anden, siden du åbnede den. "
                "Dine ændringer er ikke gemt: genindlæs siden og ret igen."
            ),
        )
        for name, value in changes.items():
            setattr(activity, name, value)
        activity.full_clean()
        # The lists are set without history rows of their own, so that the save below writes
        # one row with the fields and the lists together.
        activity.skip_history_when_saving = True
        try:
            if partners is not None:
                activity.partners.set(partners)
            if goals is not None:
                activity.goals.set(goals)
        finally:
            del activity.skip_history_when_saving
        activity._history_user = user
        activity._change_reason = _("Aktivitet redigeret")
        activity.save()
    return activity


def record_status_update(
    *,
    activity: Activity,
    user,
    reported_on: date,
    light: str,
    comment: str,
    is_internal: bool = True,
    submission_token=None,
) -> StatusUpdate:
    """Record a dated status update with a traffic light. Side effect: a history row.

    Raises ValidationError for a date in the future, an unknown light or an empty comment. A form
    posted twice with the same `submission_token` records one update (`core.idempotency`).
    """
    if reported_on > timezone.localdate():
        raise ValidationError({"reported_on": _("Datoen må ikke ligge i fremtiden.")})
    update = StatusUpdate(
        activity=activity,
        reported_on=reported_on,
        light=light,
        comment=comment.strip(),
        is_internal=is_internal,
        author=user,
    )
    update.full_clean(exclude=["submission_token"])
    update._history_user = user
    update._change_reason = _("Statusopdatering registreret")
    update, _saved = save_once(update, token=submission_token)
    return update
