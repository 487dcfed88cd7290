"""Platform data sources: figures Kurs counts from its own records, which a goal whose data
source is "Tælles i Kurs" (`DataSource.PLATFORM`) names in `Goal.platform_source`.

Strategy sits below the apps that count (inquiries, and later newsletters or events), so it
imports none of them: each registers its sources here from its `AppConfig.ready()`. A source
has a stable key (stored on the goal), a label and a sentence saying where the figure comes
from (both shown on the goal page), and `measure(municipality, first_day, last_day)`, which
returns the figure for that period, or None when there is nothing to count.
A goal may add up several sources ("events.held + forum.meetings": the "at least 10 meetings and
conferences a year" goal counts the municipality's events and its business forum's meetings);
`resolve` turns such a key into one source whose figure is the sum of theirs.

`manage.py collect_platform_figures` (scheduled nightly, see `core.schedules`) counts each goal's
current and previous period again and writes the figures as measurements
(`strategy.services.count_platform_figure`), with the source named on each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class PlatformSource:
    key: str
    label: str
    origin: str
    measure: Callable[[object, date, date], Decimal | None]


_SOURCES: dict[str, PlatformSource] = {}


def register(source: PlatformSource) -> None:
    _SOURCES[source.key] = source


def get(key: str) -> PlatformSource | None:
    return _SOURCES.get(key)


SEPARATOR = "+"


def keys_of(spec: str) -> list[str]:
    """The source keys a goal's `platform_source` names: one, or several joined by "+"."""
    return [key.strip() for key in spec.split(SEPARATOR) if key.strip()]


def resolve(spec: str) -> PlatformSource | None:
    """The source `spec` names; several keys give one source counting their sum (a period in
    which none of them has anything to count gives None). None when a key is unknown."""
    found = [_SOURCES.get(key) for key in keys_of(spec)]
    if not found or None in found:
        return None
    if len(found) == 1:
        return found[0]

    def measure(municipality, first_day: date, last_day: date) -> Decimal | None:
        figures = [source.measure(municipality, first_day, last_day) for source in found]
        counted = [figure for figure in figures if figure is not None]
        return sum(counted, Decimal(0)) if counted else None

    return PlatformSource(
        key=f" {SEPARATOR} ".join(source.key for source in found),
        label=f" {SEPARATOR} ".join(source.label for source in found),
        origin=" ".join(source.origin for source in found),
        measure=measure,
    )


def all_sources() -> list[PlatformSource]:
    return sorted(_SOURCES.values(), key=lambda source: source.key)
