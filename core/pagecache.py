"""Cached parts of pages, kept exactly as long as the municipality's data has not changed.

The expensive part of a list page (the dashboard's rows, the plan tree, the Gantt chart, an API
answer) is rendered once and kept in Django's cache under a key that holds:

- the municipality's data version (`Municipality.data_version`), which goes up in the same
  transaction as every change to the municipality's data: a save, delete or many-to-many change
  of any model with a `municipality_path` (`bump_on_change`, connected in `core.apps`), a change
  of a member's name (`bump_on_user_change`), and the goal statuses that
  `strategy.services.refresh_goal_status` writes without signals (it calls `bump`);
- the day, since statuses and lateness change with the date alone;
- the language, and whatever else the part depends on (filters, page, the reader's role).

A change therefore makes a new key and the old entry is never read again (it ages out of the
cache). Nothing is invalidated by hand, so a forgotten invalidation cannot serve stale data; what
must never happen instead is a write that bypasses both the ORM's signals and `bump`
(`QuerySet.update`, `bulk_create`): those places call `bump` themselves.

The cache is Django's: per process by default, Redis with `REDIS_URL` (see the README).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from core.locale import language
from core.models import Membership, Municipality, municipality_id_of

# A day: an entry outlives neither its version nor its date, so this only bounds the memory of
# entries nobody asks for again.
TIMEOUT = 24 * 60 * 60


def bump(municipality_ids: Iterable[int | None]) -> None:
    """A change to these municipalities' data: their cached parts are not read again."""
    ids = {pk for pk in municipality_ids if pk is not None}
    if ids:
        Municipality.objects.filter(pk__in=ids).update(data_version=F("data_version") + 1)


def bump_on_change(sender, instance, **kwargs) -> None:
    """Signal receiver (post_save, post_delete, m2m_changed) for models with a municipality."""
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return
    bump([municipality_id_of(instance)])


def bump_on_user_change(sender, instance, update_fields=None, **kwargs) -> None:
    """A user's name is shown on their municipalities' pages; a login (last_login) is not."""
    if kwargs.get("raw") or (update_fields and set(update_fields) <= {"last_login"}):
        return
    bump(Membership.objects.filter(user=instance).values_list("municipality_id", flat=True))


def current_version(municipality_id: int) -> int:
    return (
        Municipality.objects.filter(pk=municipality_id)
        .values_list("data_version", flat=True)
        .first()
    ) or 0


class Parts:
    """The cached parts of one municipality's pages for one request: the data version is read
    once, however many parts the request asks for."""

    def __init__(self, municipality_id: int):
        self.municipality_id = municipality_id
        self._prefix = None

    def _key(self, name: str, params: tuple) -> str:
        if self._prefix is None:
            version = current_version(self.municipality_id)
            today, lang = timezone.localdate(), language()
            self._prefix = f"kurs:{self.municipality_id}:{version}:{today}:{lang}"
        digest = hashlib.sha256(repr(params).encode()).hexdigest()[:32]
        return f"{self._prefix}:{name}:{digest}"

    def get(self, name: str, params: tuple, compute: Callable[[], object]) -> object:
        """The part `name` for `params`: from the cache, or computed by `compute()` and kept
        (see the module doc for what the key holds)."""
        key = self._key(name, params)
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, TIMEOUT)
        return value


def cached(
    *, municipality_id: int, name: str, params: tuple, compute: Callable[[], object]
) -> object:
    """One cached part (`Parts.get`) for a request that asks for only one."""
    return Parts(municipality_id).get(name, params, compute)
