"""Helpers shared by the action-plan and timetable demo loaders.

Every write goes through `upsert`, which looks a row up by its natural key, saves it only when a
value differs (after `full_clean`), and so keeps a second load from writing anything at all: no
new rows and no new history records.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from actions.enums import ActivityStatus
from actions.models import Activity, Milestone, Partner, StatusUpdate
from actions.periods import parse_period

SOURCES = Path(__file__).resolve().parent / "sources"


def upsert(model, lookup: dict, values: dict, *, history_user=None):
    """Create or update the row of `model` that `lookup` names; save only what changed.

    A changed row with a `version` (activities, goals) gets a new version, so that someone
    editing it in the browser is told it changed under them.
    """
    obj = model.objects.filter(**lookup).order_by("pk").first()
    created = obj is None
    if created:
        obj = model(**lookup, **values)
    else:
        changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
        if not changed:
            return obj, False
        for name, value in changed.items():
            setattr(obj, name, value)
        if hasattr(obj, "version"):
            obj.version += 1
    obj.full_clean()
    obj._history_user = history_user
    obj.save()
    return obj, created


def set_m2m(obj, field: str, items) -> None:
    """Set a many-to-many relation only when it differs, so history is not written twice."""
    manager = getattr(obj, field)
    wanted = {item.pk for item in items}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(list(items))


def demo_user(username: str, stdout=None):
    """The demo user created by the strategy demo, or None (with a warning) if it is missing."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None and stdout is not None:
        stdout.write(f"Advarsel: demobrugeren '{username}' findes ikke; ansvarlig sættes ikke.\n")
    return user


def require(queryset, what: str):
    obj = queryset.first()
    if obj is None:
        raise CommandError(
            f"{what} findes ikke. Indlæs strategiens demodata (python manage.py load_demo) først."
        )
    return obj


def partner(municipality, name: str, description: str = "") -> Partner:
    """A partner by name; an existing description (perhaps written by a user) is kept."""
    obj, _ = Partner.objects.get_or_create(
        municipality=municipality, name=name, defaults={"description": description}
    )
    if description and not obj.description:
        obj.description = description
        obj.full_clean()
        obj.save()
    return obj


def activity(plan, *, order: int, title: str, period_text: str, themes, **values) -> Activity:
    """An activity with its period parsed; `values` may hold status, budget, spent, hours."""
    period = parse_period(period_text)
    obj, _ = upsert(
        Activity,
        {"plan": plan, "title": title},
        {
            "order": order,
            "period_text": period_text,
            "starts_on": period.starts_on,
            "ends_on": period.ends_on,
            **values,
        },
        history_user=values.get("owner"),
    )
    set_m2m(obj, "themes", themes)
    return obj


def milestone(activity: Activity, title: str, due_on, done_on=None) -> Milestone:
    obj, _ = upsert(
        Milestone, {"activity": activity, "title": title}, {"due_on": due_on, "done_on": done_on}
    )
    return obj


def status_update(activity: Activity, reported_on, light: str, comment: str, author):
    """An internal, illustrative status update; its comment starts with "Illustrativ:"."""
    assert comment.startswith("Illustrativ:"), comment
    obj, _ = upsert(
        StatusUpdate,
        {"activity": activity, "reported_on": reported_on},
        {"light": light, "comment": comment, "is_internal": True, "author": author},
        history_user=author,
    )
    return obj


def progress(status: str, budget=None, spent=None, hours=None) -> dict:
    """Illustrative status and resources of an activity, as values for `activity`."""
    return {
        "status": status,
        "budget": Decimal(budget) if budget is not None else None,
        "spent": Decimal(spent) if spent is not None else None,
        "hours": Decimal(hours) if hours is not None else None,
    }


def progress_of(table: dict, title: str, used: list) -> dict:
    """The illustrative progress `table` gives `title`, or planned with no resources.

    A key is a whole title, or the start of one followed by "…".
    """
    for key, values in table.items():
        if key == title or (key.endswith("…") and title.startswith(key[:-1])):
            used.append(key)
            return values
    return progress(ActivityStatus.PLANNED)


def check_all_used(table: dict, used: list) -> None:
    """Every key of an illustrative table named exactly one activity."""
    if sorted(used) != sorted(table):
        raise CommandError(f"Illustrative data does not match the activities: {sorted(used)}")
