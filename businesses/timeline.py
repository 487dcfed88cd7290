"""A company's timeline: what the municipality has done with the firm (inquiries, visits …),
newest first, on the company page.

Other apps contribute entries without this app knowing them: at start-up (their `AppConfig.ready`)
they call `register(provider)`, where `provider(company, municipality)` returns `Entry` items
for that municipality only. Each provider should read its entries in one query, so that the
company page keeps a bounded number of queries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from businesses.models import Company


@dataclass(frozen=True)
class Entry:
    on: date
    kind: str  # shown as a label, e.g. "Henvendelse"
    title: str
    url: str = ""


Provider = Callable[[Company, object], Iterable[Entry]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a source of timeline entries (usable as a decorator); registering twice is harmless."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def entries(company: Company, municipality) -> list[Entry]:
    """Every provider's entries for `company` in `municipality`, newest first."""
    found = [entry for provider in _providers for entry in provider(company, municipality)]
    return sorted(found, key=lambda entry: entry.on, reverse=True)
