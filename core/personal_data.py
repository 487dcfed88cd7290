"""The one registry of personal data held on a person, found by e-mail address (GDPR art. 15,
17 and 20), so that a request from one person is answered in one place: the staff page
`/k/<code>/persondata/` (`core.views.personal_data`) and `manage.py personal_data`.

Each app that holds such data registers a `Source` from its `AppConfig.ready` (core imports no
app): a Danish label, `export(municipality=…, email=…)` returning JSON-ready values, and
`erase(municipality=…, email=…)` returning how many rows of each kind it deleted or anonymised
(counts only, never the data); a source that logs who erased (`logs_who`) is also given the
user who asked. A person is matched by address without regard to case, within
one municipality; each source says in its own module what it holds and how it is erased.

`erase_all` runs every source's erasure in one transaction: if one fails, nothing is erased.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

Export = Callable[..., dict]  # (*, municipality, email) -> JSON-ready values
Erase = Callable[..., dict[str, int]]  # (*, municipality, email) -> rows changed, by kind


@dataclass(frozen=True)
class Source:
    key: str  # the source's key in the export, e.g. "newsletter"
    label: str  # shown to staff, e.g. "Nyhedsbreve"
    export: Export
    erase: Erase
    # Whether `erase` also takes `user=` (who asked), for a source that keeps an erasure log.
    logs_who: bool = False


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> Source:
    """Add `source` (or replace the one with its key: registering twice is harmless)."""
    _SOURCES[source.key] = source
    return source


def sources() -> list[Source]:
    """The registered sources, in the order the apps registered them."""
    return list(_SOURCES.values())


def export_all(municipality, email: str) -> dict[str, dict]:
    """Everything every source holds on `email` in `municipality`, keyed by source."""
    return {
        source.key: source.export(municipality=municipality, email=email) for source in sources()
    }


def held(data: dict[str, dict]) -> list[tuple[Source, int, dict]]:
    """Each source of an `export_all` result with how many records it holds on the person (the
    items of its export's lists, e.g. registrations) and its export, for a page to show."""
    return [
        (source, _records(data[source.key]), data[source.key])
        for source in sources()
        if source.key in data
    ]


def _records(export: dict) -> int:
    return sum(len(value) for value in export.values() if isinstance(value, list))


def erase_all(municipality, email: str, *, user=None) -> dict[str, dict[str, int]]:
    """Erase `email` in `municipality` from every source, all or nothing, at the request
    handled by `user` (None from the command line); returns each source's counts, keyed by
    source."""
    # A source that logs its erasures goes first: rows two sources share (a contact person's
    # inquiries) are then counted in that log, before the other source finds them anonymised.
    ordered = sorted(sources(), key=lambda source: not source.logs_who)
    with transaction.atomic():
        return {
            source.key: source.erase(
                municipality=municipality,
                email=email,
                **({"user": user} if source.logs_who else {}),
            )
            for source in ordered
        }


def erased(counts: dict[str, dict[str, int]]) -> list[tuple[Source, int]]:
    """Each source of an `erase_all` result with the rows it deleted or anonymised in all."""
    return [
        (source, sum(counts[source.key].values())) for source in sources() if source.key in counts
    ]
