"""A company's timeline: what the municipality has done with the firm (inquiries, visits …),
newest first, on the company page.

Other apps contribute entries without this app knowing them: at start-up (their `AppConfig.ready`)
they call `register(provider)`, where `provider(company, municipality)` returns `Entry` items
for that municipality only. Each provider should read its entries in one query, so that the
company page keeps a bounded number of queries.

What staff need before a visit is registered the same way: `register_open_items` for what is
still open with the firm (promises, follow-ups: `OpenItem`, soonest due first) and
`register_facts` for short facts such as who met the firm last (`Fact`).
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


@dataclass(frozen=True)
class OpenItem:
    due: date | None
    kind: str  # e.g. "Henvendelse", "Opfølgning"
    title: str
    who: str = ""
    url: str = ""


@dataclass(frozen=True)
class Fact:
    """A short fact about the firm, or with `for_editors` a link to a change only staff may
    make (e.g. record a visit)."""

    label: str
    text: str
    on: date | None = None
    url: str = ""
    for_editors: bool = False


Provider = Callable[[Company, object], Iterable[Entry]]
_providers: list[Provider] = []
_open_item_providers: list[Callable[[Company, object], Iterable[OpenItem]]] = []
_fact_providers: list[Callable[[Company, object], Iterable[Fact]]] = []


def register(provider: Provider) -> Provider:
    """Add a source of timeline entries (usable as a decorator); registering twice is harmless."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def register_open_items(provider):
    """Add a source of open items (promises, follow-ups); registering twice is harmless."""
    if provider not in _open_item_providers:
        _open_item_providers.append(provider)
    return provider


def register_facts(provider):
    """Add a source of facts about the firm (who met it last); registering twice is harmless."""
    if provider not in _fact_providers:
        _fact_providers.append(provider)
    return provider


def open_items(company: Company, municipality) -> list[OpenItem]:
    """Every provider's open items for `company` in `municipality`, soonest due first."""
    found = [item for provider in _open_item_providers for item in provider(company, municipality)]
    return sorted(found, key=lambda item: (item.due is None, item.due or date.max))


def facts(company: Company, municipality) -> list[Fact]:
    return [fact for provider in _fact_providers for fact in provider(company, municipality)]


def entries(company: Company, municipality) -> list[Entry]:
    """Every provider's entries for `company` in `municipality`, newest first."""
    found = [entry for provider in _providers for entry in provider(company, municipality)]
    return sorted(found, key=lambda entry: entry.on, reverse=True)
