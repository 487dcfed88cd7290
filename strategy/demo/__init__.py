"""Demo data for Kurs: Albertslund's strategy and policy as adopted, plus a few demo users.

The transcription lives in `albertslund.py` as plain data, the users in `users.py`; this module
writes them. Every row is found by its natural key before it is written, so loading twice leaves
the database as loading once did (`python manage.py load_demo`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from core.models import Municipality

MUNICIPALITIES = {
    "165": "Albertslund",
    # Ballerup has no plans in the demo yet: it is there so that the demo has an outsider.
    "151": "Ballerup",
}


def upsert(model, lookup: dict, values: dict, *, history_user=None):
    """Find the row by `lookup`, create or update it with `values`, validate, and save.

    Unlike `update_or_create` this runs `full_clean()` (so model validation applies to the demo
    data as it would to a form) and saves only when something changed, so a second load writes
    no new history rows.
    """
    obj = model.objects.filter(**lookup).order_by("pk").first()
    created = obj is None
    if created:
        obj = model(**lookup)
    changed = created
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        if not created and hasattr(obj, "version"):
            # Someone editing the goal in the browser must be told it changed under them.
            obj.version += 1
        obj.full_clean()
        obj._history_user = history_user
        obj.save()
    return obj


def attach_source(plan, source: Path) -> None:
    """Keep the transcript `source` as the plan's source document, stored once.

    A document the plan already has stays: an administrator may have uploaded another in its
    place. Otherwise the transcript is stored as `plans/<its file name>`; when that file is
    there already with the same content, left by an earlier load into a database since rebuilt
    or rolled back, it is reused, as saving it again would store a copy under a new random name
    (`…_AmNNrRJ.txt`) at every such load. A different file under that name is never overwritten.
    """
    document = plan.source_document
    if document:
        return
    storage = document.storage
    name = document.field.generate_filename(plan, source.name)
    content = source.read_bytes()
    if storage.exists(name):
        with storage.open(name, "rb") as stored:
            if stored.read() == content:
                document.name = name
                plan.save(update_fields=["source_document"])
                return
    document.save(source.name, ContentFile(content), save=True)


def ensure_municipalities() -> dict[str, Municipality]:
    return {
        code: upsert(Municipality, {"code": code}, {"name": name})
        for code, name in MUNICIPALITIES.items()
    }


@dataclass
class DemoResult:
    logins: list = field(default_factory=list)
    plans: list = field(default_factory=list)


def load_demo(*, password: str, reset_existing_passwords: bool) -> DemoResult:
    """Write the demo municipalities, users and Albertslund's plans, all or nothing."""
    from strategy.demo.albertslund import write_albertslund
    from strategy.demo.users import ensure_users

    with transaction.atomic():
        municipalities = ensure_municipalities()
        logins = ensure_users(
            municipalities, password=password, reset_existing_passwords=reset_existing_passwords
        )
        users = {login.user.username: login.user for login in logins}
        plans = write_albertslund(
            municipalities["165"], editor=users["admin"], measurer=users["medarbejder"]
        )
    return DemoResult(logins=logins, plans=plans)
