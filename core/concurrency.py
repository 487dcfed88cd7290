"""Optimistic locking: a row's `version` says which edit a save is based on.

A save claims the next version with a conditional UPDATE, so of two simultaneous saves based on
the same version exactly one wins; the other gets ConcurrentEditError and writes nothing.
"""

from django.db import models


class ConcurrentEditError(Exception):
    """Someone else saved the row after this user opened it."""


def claim_next_version(instance: models.Model, *, expected_version: int, message: str) -> None:
    """Claim `expected_version + 1` for `instance` or raise ConcurrentEditError(message).

    Call inside the transaction that then saves the instance.
    """
    claimed = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, version=expected_version)
        .update(version=expected_version + 1)
    )
    if not claimed:
        raise ConcurrentEditError(message)
    instance.version = expected_version + 1
