"""Business rules for changing activities. Each function owns its transaction and its audit.

`create_activity` and `update_activity` are the one write path for an activity's fields and
lists: the edit form, the Excel import and any later path call them, so that validation, the
version check and history are the same everywhere. The audit trail is django-simple-history:
every save below writes a historical row naming the user (`_history_user`) with a reason. The
late rule is read-side: `actions.queries.is_late`.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from actions.models import Activity, StatusUpdate
from core.concurrency import claim_next_version
from core.idempotency import save_once
from core.models import User


def _check_relations(activity: Activity, *, themes, partners, goals) -> None:
    """ValidationError unless the owner, partners and goals are of the activity's municipality
    and the themes of its plan (lists given as None are not being changed)."""
    plan = activity.plan
    errors = {}
    if activity.owner_id is not None and not (
        User.objects.members_of(plan.municipality_id).filter(pk=activity.owner_id).exists()
    ):
        errors["owner"] = _("Vælg en ansvarlig, der er bruger i kommunen.")
    if partners is not None and any(p.municipality_id != plan.municipality_id for p in partners):
        errors["partners"] = _("Vælg kun kommunens egne samarbejdspartnere.")
    if goals is not None and any(g.plan.municipality_id != plan.municipality_id for g in goals):
        errors["goals"] = _("Vælg kun mål fra kommunens egne planer.")
    if themes is not None and any(t.plan_id != plan.pk for t in themes):
        errors["themes"] = _("Vælg kun planens egne temaer.")
    if errors:
        raise ValidationError(errors)


def _set_lists(activity: Activity, *, themes, partners, goals) -> None:
    """Set the lists that are given, without history rows of their own: the save that follows
    writes one row with the fields and the lists together."""
    activity.skip_history_when_saving = True
    try:
        for name, items in (("themes", themes), ("partners", partners), ("goals", goals)):
            if items is not None:
                getattr(activity, name).set(items)
    finally:
        del activity.skip_history_when_saving


def _save_with_history(activity: Activity, *, user, reason: str) -> None:
    activity._history_user = user
    activity._change_reason = reason
    activity.save()


def create_activity(
    *,
    plan,
    user,
    values: dict,
    themes=(),
    partners=(),
    goals=(),
    reason: str | None = None,
) -> Activity:
    """Create an activity in `plan` from `values` (field name: value), last in the plan's order.

    Raises ValidationError, and writes nothing, when a value is invalid (the model's own rules:
    lengths, bounded dates and amounts, end before start), when the owner, a partner or a goal
    is not of the plan's municipality, or a theme is not the plan's. Side effects: the activity
    and its lists; a history row naming `user` with `reason` (default "Aktivitet oprettet"), and
    when there are lists, a second row that records them (they need the activity's id).
    """
    reason = reason or _("Aktivitet oprettet")
    with transaction.atomic():
        last = Activity.objects.filter(plan=plan).aggregate(Max("order"))["order__max"] or 0
        activity = Activity(plan=plan, **{"order": last + 1, **values})
        _check_relations(activity, themes=themes, partners=partners, goals=goals)
        activity.full_clean()
        _save_with_history(activity, user=user, reason=reason)
        if themes or partners or goals:
            _set_lists(activity, themes=themes, partners=partners, goals=goals)
            _save_with_history(activity, user=user, reason=reason)
    return activity


def update_activity(
    *,
    activity: Activity,
    user,
    expected_version: int,
    changes: dict,
    themes=None,
    partners=None,
    goals=None,
    reason: str | None = None,
) -> Activity:
    """Save `changes` (and the theme, partner and goal lists, when given) to `activity`.

    Refused with ConcurrentEditError when someone saved the activity after `expected_version`
    was read: the version is claimed with a conditional UPDATE, so of two simultaneous saves
    exactly one wins and nothing of the other is written. Raises ValidationError (and writes
    nothing) when the result is invalid, when the owner, a partner or a goal is not of the
    municipality, or a theme is not the activity's plan's. Side effect: one history row naming
    `user` with `reason` (default "Aktivitet redigeret"), including the lists.
    """
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
        _check_relations(activity, themes=themes, partners=partners, goals=goals)
        activity.full_clean()
        _set_lists(activity, themes=themes, partners=partners, goals=goals)
        _save_with_history(activity, user=user, reason=reason or _("Aktivitet redigeret"))
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
