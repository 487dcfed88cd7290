"""Apply the retention rule for contact persons: erase those with no contact for
`CONTACT_RETENTION_MONTHS` months (`contacts.services.apply_retention`).

Meant to run daily. `--dry-run` lists who would be erased and erases nothing. The report names
contact persons by id only (a scheduler's log is no place for personal data). Municipalities are
handled one after the other (`core.jobs`): when one fails, the others are handled all the same
and the command ends with an error naming it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from contacts.services import apply_retention
from core.jobs import chosen_municipalities, each_municipality, run_date

MAX_MONTHS = 1200


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
        today = run_date(on_date)
        if months is not None and not 1 <= months <= MAX_MONTHS:
            raise CommandError(f"--months must be between 1 and {MAX_MONTHS}")
        verb = "would erase" if dry_run else "erased"
        erased = []

        def retain(each):
            result = apply_retention(municipality=each, today=today, months=months, dry_run=dry_run)
            erased.extend(result.contact_ids)
            if not result.contact_ids:
                return
            ids = ", ".join(str(pk) for pk in result.contact_ids)
            line = (
                f"{each}: {verb} {len(result.contact_ids)} contact person(s) with no contact "
                f"since before {result.cutoff.isoformat()} (ids {ids})"
            )
            if not dry_run:
                line += f"; {result.inquiries} inquiry(ies) anonymised"
            self.stdout.write(line + ".")

        broken = each_municipality(
            chosen_municipalities(municipality), retain, what="Retention", stderr=self.stderr
        )
        self.stdout.write(
            f"Retention on {today.isoformat()}: {verb} {len(erased)} contact person(s)."
        )
        if broken:
            raise CommandError("Retention failed for " + ", ".join(str(e) for e in broken))
