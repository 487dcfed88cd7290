"""Whether the goal statuses stored for lists are what the status rules compute from scratch."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from core.models import Municipality
from strategy import queries
from strategy.models import Goal


def status_differences(today: date | None = None) -> list[tuple[Goal, str, object, object]]:
    """(goal, field, stored, computed) for each stored status field that differs from a fresh
    evaluation on `today`; a status stored for an earlier day counts as a difference. One
    municipality at a time, so that memory stays bounded."""
    today = today or timezone.localdate()
    differences = []
    for municipality in Municipality.objects.order_by("code"):
        goals = queries.goals_for_status(Goal.objects.of_municipality(municipality))
        for item in queries.evaluate_goals(goals, today):
            goal, result = item.goal, item.result
            computed = {
                "status": result.status.value,
                "progress": result.progress,
                "expected_progress": result.expected_progress,
                "latest_measurement_id": result.latest.measurement_id if result.latest else None,
                "status_on": today,
            }
            for field, value in computed.items():
                if getattr(goal, field) != value:
                    differences.append((goal, field, getattr(goal, field), value))
    return differences
