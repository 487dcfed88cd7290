"""Business rules for changing strategy data. Each function owns its transaction and its audit.

The audit trail is django-simple-history: every save below writes a historical row with the
user (from the request middleware, or `_history_user` when there is no request) and a reason.

Every change that can move a goal's status refreshes the status stored on the goal and on each
goal above it (`refresh_goal_status`), in the same transaction, so that lists can read the stored
status and it is always what `strategy.rollup.evaluate_family` computes from scratch. A status
also changes with the date alone (a deadline passes), so stored statuses carry the day they were
computed for: `refresh_stale_goal_status` brings a set of goals up to today (the daily
`refresh_goal_status` command does it for all at night, so that readers rarely wait for it).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import pagecache
from core.concurrency import claim_next_version
from core.idempotency import save_once
from strategy import queries
from strategy.enums import DataSource, GoalKind, Recurrence
from strategy.models import Goal, Measurement

# Goals refreshed per round trip: bounds the memory of a refresh of every goal in the country.
REFRESH_BATCH = 500


def _with_ancestors(goal_ids: set[int]) -> set[int]:
    """`goal_ids` and every goal above them (one query per level)."""
    found, frontier = set(goal_ids), set(goal_ids)
    while frontier:
        parents = set(
            Goal.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
        frontier = parents - found
        found |= frontier
    return found


def refresh_goal_status(*, goal_ids, today: date | None = None, with_ancestors: bool = True) -> int:
    """Compute the status of the goals `goal_ids` (and of every goal above them) afresh and
    store it on each goal. Returns how many goals were written.

    Call inside the transaction of the change that moved the status."""
    today = today or timezone.localdate()
    ids = _with_ancestors(set(goal_ids)) if with_ancestors else set(goal_ids)
    written = 0
    ordered = sorted(ids)
    for start in range(0, len(ordered), REFRESH_BATCH):
        batch = queries.goals_for_status(
            Goal.objects.filter(pk__in=ordered[start : start + REFRESH_BATCH])
        )
        changed = []
        for item in queries.evaluate_goals(batch, today):
            result, goal = item.result, item.goal
            goal.status = result.status
            goal.progress = result.progress
            goal.expected_progress = result.expected_progress
            goal.latest_measurement_id = result.latest.measurement_id if result.latest else None
            goal.status_on = today
            changed.append(goal)
        Goal.objects.bulk_update(
            changed,
            ["status", "progress", "expected_progress", "latest_measurement", "status_on"],
        )
        # bulk_update sends no signals: the pages that show these statuses are told here.
        pagecache.bump(goal.plan.municipality_id for goal in changed)
        written += len(changed)
    return written


def current_statuses(parts: pagecache.Parts, goals, scope: tuple) -> pagecache.Parts:
    """Make sure the stored status of `goals` is today's before a page reads it, asking the
    database only once per data version and day (`scope` names the set of goals). Returns the
    parts to read the page from: new ones when statuses were refreshed (the version went up)."""
    refreshed = parts.get("statuses-current", scope, lambda: refresh_stale_goal_status(goals))
    return pagecache.Parts(parts.municipality_id) if refreshed else parts


def refresh_stale_goal_status(goals, today: date | None = None) -> int:
    """Bring the stored status of `goals` (a queryset) up to `today` where it is older.

    One query when all are current, which is what a page pays on every request."""
    today = today or timezone.localdate()
    stale = set(goals.exclude(status_on=today).values_list("pk", flat=True))
    if not stale:
        return 0
    with transaction.atomic():
        # Every goal is refreshed with its ancestors, whose status may hang on it.
        return refresh_goal_status(goal_ids=stale, today=today)


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
    is_illustrative: bool = False,
    by_hand: bool = True,
) -> Measurement:
    """Record a measurement of `goal`. Side effect: a history row naming `user`.

    Raises ValidationError for a date in the future, a missing value (or a missing assessment for
    a qualitative goal), or a milestone value other than 0 (not done) and 1 (done), and for a
    value typed in (`by_hand`) for a goal whose figures Kurs counts or fetches: a typed figure
    would silently compete with the counted one, so the goal's data source must say "entered by
    hand" first. A form posted twice with the same `submission_token` records one measurement
    (`core.idempotency`); the second call returns the first one's.
    """
    if by_hand and goal.data_source != DataSource.MANUAL:
        raise ValidationError(
            _(
                "Målets tal kommer fra %(source)s og kan ikke indtastes i hånden. Skift målets "
                "datakilde til 'Indtastes manuelt', hvis tallene skal indtastes."
            )
            % {"source": goal.platform.label if goal.platform else goal.get_data_source_display()}
        )
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
        is_illustrative=is_illustrative,
    )
    measurement.full_clean(exclude=["submission_token"])
    measurement._history_user = user
    measurement._change_reason = _("Måling registreret")
    with transaction.atomic():
        measurement, saved = save_once(measurement, token=submission_token)
        if saved:
            refresh_goal_status(goal_ids={goal.pk})
    return measurement


def counting_periods(goal: Goal, on: date, since: date | None = None) -> list[tuple[date, date]]:
    """The periods `goal`'s figure is counted over on the day `on`: calendar years for a goal
    with a yearly target, else calendar months. The period `on` lies in (counted to date) and the
    one before it (closed off, since its last days may only now have been recorded); with `since`,
    every period from the one holding `since`, oldest first."""
    yearly = goal.recurrence == Recurrence.YEARLY

    def period_of(day: date) -> tuple[date, date]:
        if yearly:
            return date(day.year, 1, 1), date(day.year, 12, 31)
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])

    current = period_of(on)
    first = period_of(since)[0] if since else period_of(current[0] - timedelta(days=1))[0]
    periods, start = [], min(first, current[0])
    while start <= current[0]:
        periods.append(period_of(start))
        start = periods[-1][1] + timedelta(days=1)
    return periods


def count_platform_figure(
    *, goal: Goal, first_day: date, last_day: date, today: date | None = None
) -> Measurement | None:
    """Count `goal`'s figure over `first_day`-`last_day` from its platform source
    (`strategy.sources`) and keep it as the period's one counted measurement, dated the
    period's last day, or `today` while the period runs (a count to date).

    Counting a period again updates that measurement: when the figure moved, with a history row
    ("Talt igen") and the goal's stored status refreshed; otherwise only its date and the time it
    was counted. Returns None when the goal names no registered source, the period has not begun,
    or the source has nothing to count for it. Raises ValidationError as `record_measurement`
    does."""
    source = goal.platform
    today = today or timezone.localdate()
    if source is None or first_day > today:
        return None
    value = source.measure(goal.plan.municipality, first_day, last_day)
    if value is None:
        return None
    measured_on = min(last_day, today)
    counted = {
        "measured_on": measured_on,
        "period_end": last_day,
        "counted_at": timezone.now(),
        "source": _("Kurs: %(label)s") % {"label": source.label},
        "note": _("%(origin)s Perioden %(first)s til %(last)s.")
        % {"origin": source.origin, "first": first_day.isoformat(), "last": last_day.isoformat()},
    }
    with transaction.atomic():
        measurement = (
            Measurement.objects.select_for_update()
            .filter(goal=goal, counted_from=source.key, period_start=first_day)
            .first()
        )
        if measurement is not None and measurement.value == value:
            Measurement.objects.filter(pk=measurement.pk).update(**counted)
            if measurement.measured_on != measured_on:
                refresh_goal_status(goal_ids={goal.pk})
            # An update() sends no signal: the goal page, which shows when it was counted, is
            # told here.
            pagecache.bump([goal.plan.municipality_id])
            measurement.refresh_from_db()
            return measurement
        if measurement is None:
            measurement = Measurement(
                goal=goal, counted_from=source.key, period_start=first_day, value=value, **counted
            )
            measurement._change_reason = _("Talt i Kurs")
        else:
            for name, new_value in counted.items():
                setattr(measurement, name, new_value)
            measurement.value = value
            measurement._change_reason = _("Talt igen")
        measurement.full_clean(exclude=["submission_token"])
        measurement._history_user = None
        measurement.save()
        refresh_goal_status(goal_ids={goal.pk})
    return measurement


def revise_measurement(*, measurement: Measurement, user, value: Decimal, source: str) -> None:
    """Replace a measured value its source has since revised (Statistics Denmark corrects
    published figures). Side effects: a history row naming `user`, and the goal's stored status
    refreshed in the same transaction."""
    measurement.value = value
    measurement.source = source
    measurement.full_clean(exclude=["submission_token"])
    measurement._history_user = user
    measurement._change_reason = _("Måling rettet af kilden")
    with transaction.atomic():
        measurement.save(update_fields=["value", "source"])
        refresh_goal_status(goal_ids={measurement.goal_id})


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
        refresh_goal_status(goal_ids={goal.pk})
    return goal
