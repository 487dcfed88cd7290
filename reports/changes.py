"""What changed since the previous report sent to the committee, from the two reports' numbers.

A report's version keeps the numbers it showed (`reports.content.snapshot`); a later report
compares its own with those of the plan's latest sent report, so it lists exactly what changed
between what the committee read then and what it reads now, whatever was edited in between and
back again:

- a goal added to or gone from the report, a goal whose status changed (old → new), and a goal
  with a newer measurement (its latest measurement's date or value changed);
- an activity added or gone, an activity whose status changed, one that became late or is no
  longer late, and one with a newer status update (the newest update's date changed).

Each change is placed in the track the thing is in now (the previous one, if it is gone), so the
report can show the changes in each track's section as well as all of them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy

from actions.enums import ActivityStatus, TrafficLight
from core.locale import format_date, format_number
from strategy.enums import GoalStatus


class Kind:
    GOAL_ADDED = "goal_added"
    GOAL_GONE = "goal_gone"
    GOAL_STATUS = "goal_status"
    GOAL_MEASURED = "goal_measured"
    ACTIVITY_ADDED = "activity_added"
    ACTIVITY_GONE = "activity_gone"
    ACTIVITY_STATUS = "activity_status"
    ACTIVITY_LATE = "activity_late"
    ACTIVITY_ON_TIME = "activity_on_time"
    ACTIVITY_UPDATE = "activity_update"


LABELS = {
    Kind.GOAL_ADDED: gettext_lazy("Nyt mål i rapporten"),
    Kind.GOAL_GONE: gettext_lazy("Mål ikke længere i rapporten"),
    Kind.GOAL_STATUS: gettext_lazy("Målets status ændret"),
    Kind.GOAL_MEASURED: gettext_lazy("Ny måling"),
    Kind.ACTIVITY_ADDED: gettext_lazy("Ny aktivitet"),
    Kind.ACTIVITY_GONE: gettext_lazy("Aktivitet ikke længere i planen"),
    Kind.ACTIVITY_STATUS: gettext_lazy("Aktivitetens status ændret"),
    Kind.ACTIVITY_LATE: gettext_lazy("Blevet forsinket"),
    Kind.ACTIVITY_ON_TIME: gettext_lazy("Ikke længere forsinket"),
    Kind.ACTIVITY_UPDATE: gettext_lazy("Ny statusopdatering"),
}


@dataclass(frozen=True)
class ReportChange:
    kind: str
    subject: str
    track: str
    old: str = ""
    new: str = ""

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])


def _label(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else str(value or "")


def _measurement(entry: dict) -> str:
    if entry["latest_on"] is None:
        return ""
    if entry["latest_value"] is not None:
        value = format_number(Decimal(entry["latest_value"]))
        if entry["unit"]:
            value = f"{value} {entry['unit']}"
    else:
        value = _label(GoalStatus, entry["latest_assessment"])
    return f"{value} ({format_date(date.fromisoformat(entry['latest_on']))})"


def _update(entry: dict) -> str:
    if entry["latest_update_on"] is None:
        return ""
    light = _label(TrafficLight, entry["latest_light"])
    return f"{format_date(date.fromisoformat(entry['latest_update_on']))}: {light}"


def _goal_changes(old: dict, new: dict) -> list[ReportChange]:
    changes = []
    for key, entry in new.items():
        before = old.get(key)
        if before is None:
            changes.append(ReportChange(Kind.GOAL_ADDED, entry["title"], entry["track"]))
            continue
        if before["status"] != entry["status"]:
            changes.append(
                ReportChange(
                    Kind.GOAL_STATUS,
                    entry["title"],
                    entry["track"],
                    _label(GoalStatus, before["status"]),
                    _label(GoalStatus, entry["status"]),
                )
            )
        if (before["latest_on"], before["latest_value"], before["latest_assessment"]) != (
            entry["latest_on"],
            entry["latest_value"],
            entry["latest_assessment"],
        ):
            changes.append(
                ReportChange(
                    Kind.GOAL_MEASURED,
                    entry["title"],
                    entry["track"],
                    _measurement(before),
                    _measurement(entry),
                )
            )
    changes += [
        ReportChange(Kind.GOAL_GONE, entry["title"], entry["track"])
        for key, entry in old.items()
        if key not in new
    ]
    return changes


def _activity_changes(old: dict, new: dict) -> list[ReportChange]:
    changes = []
    for key, entry in new.items():
        before = old.get(key)
        title, track = entry["title"], entry["track"]
        if before is None:
            changes.append(ReportChange(Kind.ACTIVITY_ADDED, title, track))
            continue
        if before["status"] != entry["status"]:
            changes.append(
                ReportChange(
                    Kind.ACTIVITY_STATUS,
                    title,
                    track,
                    _label(ActivityStatus, before["status"]),
                    _label(ActivityStatus, entry["status"]),
                )
            )
        if before["late"] != entry["late"]:
            kind = Kind.ACTIVITY_LATE if entry["late"] else Kind.ACTIVITY_ON_TIME
            changes.append(ReportChange(kind, title, track))
        if before["latest_update_on"] != entry["latest_update_on"]:
            changes.append(
                ReportChange(Kind.ACTIVITY_UPDATE, title, track, _update(before), _update(entry))
            )
    changes += [
        ReportChange(Kind.ACTIVITY_GONE, entry["title"], entry["track"])
        for key, entry in old.items()
        if key not in new
    ]
    return changes


def changes_between(previous: dict | None, current: dict) -> list[ReportChange] | None:
    """The changes from the `previous` report's snapshot to `current`; None for a first report."""
    if previous is None:
        return None
    return _goal_changes(previous["goals"], current["goals"]) + _activity_changes(
        previous["activities"], current["activities"]
    )
