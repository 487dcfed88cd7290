"""Platform data sources: figures Kurs counts from its own records, which a goal whose data
source is "Tælles i Kurs" (`DataSource.PLATFORM`) names in `Goal.platform_source`.

Strategy sits below the apps that count (inquiries, and later newsletters or events), so it
imports none of them: each registers its sources here from its `AppConfig.ready()`. A source
has a stable key (stored on the goal), a label and a sentence saying where the figure comes
from (both shown on the goal page), and `measure(municipality, first_day, last_day)`, which
returns the figure for that period, or None when there is nothing to count.
`manage.py collect_platform_figures` writes the figures as measurements
(`strategy.services.record_platform_figure`), with the source named on each.
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


def all_sources() -> list[PlatformSource]:
    return sorted(_SOURCES.values(), key=lambda source: source.key)
