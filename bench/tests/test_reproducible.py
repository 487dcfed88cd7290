"""The same seed gives the same data: titles, values, dates, statuses; another seed other data."""

from io import StringIO

from django.db import transaction

from actions.models import Activity, StatusUpdate
from bench.generate import generate
from strategy.models import Goal, Measurement


def snapshot():
    goals = Goal.objects.order_by("plan__municipality__code", "plan__title", "order")
    measurements = Measurement.objects.order_by(
        "goal__plan__municipality__code", "goal__plan__title", "goal__order", "measured_on"
    )
    activities = Activity.objects.order_by("plan__municipality__code", "order")
    updates = StatusUpdate.objects.order_by(
        "activity__plan__municipality__code", "activity__order", "-reported_on"
    )
    return {
        "goals": list(goals.values_list("plan__municipality__code", "title", "target_value")),
        "measurements": list(measurements.values_list("measured_on", "value", "assessment")),
        "activities": list(activities.values_list("title", "period_text", "status", "budget")),
        "updates": list(updates.values_list("reported_on", "light", "comment", "created_at")),
    }


def generated(seed: int) -> dict:
    """The snapshot of what `seed` generates, rolled back afterwards."""
    with transaction.atomic():
        generate(seed=seed, scale=0.002, stream=StringIO())
        found = snapshot()
        transaction.set_rollback(True)
    return found


def test_same_seed_gives_the_same_data(db):
    first, again = generated(3), generated(3)

    assert first == again
    assert len(first["measurements"]) == 1_464


def test_another_seed_gives_other_data(db):
    first, other = generated(3), generated(4)

    assert first["goals"] != other["goals"]
    assert first["measurements"] != other["measurements"]
