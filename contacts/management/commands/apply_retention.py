"""Apply the retention rule for contact persons: erase those with no contact for
`CONTACT_RETENTION_MONTHS` months (`contacts.services.apply_retention`).

Meant to run daily. `--dry-run` lists who would be erased and erases nothing. The report names
contact persons by id only (the log of a scheduler is no place for personal data). Municipalities
are handled one after the other; when one fails, the others are handled all the same and the
command ends with an error naming it.
"""

from __future__ import annotations

import logging
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from contacts.services import apply_retention
from core.models import Municipality

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Erase contact persons with no contact for CONTACT_RETENTION_MONTHS months."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say who would be erased; erase nothing."
        )
        parser.add_argument("--date", dest="on_date", help="Act as if today were YYYY-MM-DD.")
        parser.add_argument(
            "--months",
            type=int,
            help=f"Months without contact (default {settings.CONTACT_RETENTION_MONTHS}).",
        )
        parser.add_argument("--municipality", help="Only this municipality (three-digit code).")

    def handle(self, *args, dry_run=False, on_date=None, months=None, municipality=None, **opts):
        try:
            today = date.fromisoformat(on_date) if on_date else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--date must be YYYY-MM-DD, not {on_date!r}") from error
        if months is not None and not 1 <= months <= 1200:
            raise CommandError("--months must be between 1 and 1200")
        municipalities = Municipality.objects.order_by("code")
        if municipality:
            municipalities = municipalities.filter(code=municipality)
            if not municipalities:
                raise CommandError(f"No municipality with code {municipality!r}")
        verb = "would erase" if dry_run else "erased"
        total, broken = 0, []
        for each in municipalities:
            try:
                result = apply_retention(
                    municipality=each, today=today, months=months, dry_run=dry_run
                )
            except Exception as error:
                logger.exception("Retention for %s failed", each)
                self.stderr.write(f"Retention for {each} failed: {error!r}")
                broken.append(each)
                continue
            total += len(result.contact_ids)
            if result.contact_ids:
                ids = ", ".join(str(pk) for pk in result.contact_ids)
                line = (
                    f"{each}: {verb} {len(result.contact_ids)} contact person(s) with no "
                    f"contact since before {result.cutoff.isoformat()} (ids {ids})"
                )
                if not dry_run:
                    line += f"; {result.inquiries} inquiry(ies) anonymised"
                self.stdout.write(line + ".")
        self.stdout.write(f"Retention on {today.isoformat()}: {verb} {total} contact person(s).")
        if broken:
            raise CommandError("Retention failed for " + ", ".join(str(e) for e in broken))
