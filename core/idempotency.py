"""Saving a row at most once per submission, also when the same form is posted twice at once.

A form carries a random `submission_token` (`core.forms.SubmitOnceFormMixin`) and the row stores
it in a column with a unique constraint. The first save wins; a later or simultaneous save of the
same token gets the row the first one saved, so a double click never makes two measurements or
two status updates. The database decides who was first, so it holds across processes.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction


def saved_with(model, token):
    """The row of `model` saved with `token`, or None."""
    return model._default_manager.filter(submission_token=token).first()


def save_once(instance, *, token) -> tuple[object, bool]:
    """Save `instance` unless a row of its model already holds `token`.

    Returns (the saved or the earlier row, whether this call saved it). Without a token the
    instance is simply saved. Call after `full_clean(exclude=["submission_token"])`."""
    model = type(instance)
    if token is None:
        with transaction.atomic():
            instance.save()
        return instance, True
    earlier = saved_with(model, token)
    if earlier is not None:
        return earlier, False
    instance.submission_token = token
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        earlier = saved_with(model, token)
        if earlier is None:
            raise
        return earlier, False
    return instance, True
