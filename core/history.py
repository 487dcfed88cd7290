"""Change history as people read it, from django-simple-history's records.

Each app says which fields of which model to show; these pieces turn consecutive historical
records into "who, when, what changed from what to what".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

HISTORY_TYPE_LABELS = {
    "+": gettext_lazy("Oprettet"),
    "~": gettext_lazy("Ændret"),
    "-": gettext_lazy("Slettet"),
}


@dataclass(frozen=True)
class HistoryEntry:
    when: object
    who: object
    what: str
    reason: str
    changes: list[tuple[str, object, object]]

    @classmethod
    def of(cls, record, changes: list) -> HistoryEntry:
        """The entry for one historical record with the changes it made."""
        return cls(
            record.history_date,
            record.history_user,
            str(HISTORY_TYPE_LABELS[record.history_type]),
            record.history_change_reason or "",
            changes,
        )


def changed_fields(previous, record, names: list[str]) -> list[tuple[str, object, object]]:
    """(field name, old value, new value) for each of `names` that differs between records."""
    if previous is None:
        return []
    return [
        (name, getattr(previous, name), getattr(record, name))
        for name in names
        if getattr(previous, name) != getattr(record, name)
    ]
