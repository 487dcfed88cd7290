"""Import companies and production units from the CVR register.

    manage.py import_cvr --municipality 165            # from the service (CVR_URL, CVR_USERNAME…)
    manage.py import_cvr --file records.jsonl          # from files of records, offline

From the service, each municipality fetches what changed since its last run (`RegisterSync`;
`--full` fetches everything again). Each municipality, or each file, is imported all or nothing
(`businesses.services`): a malformed record names itself and nothing of that batch is written;
the others are imported all the same, and the command ends with an error naming the ones that
failed, so that a scheduler reports it. A progress bar is drawn on stderr.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from businesses.cvr.client import CvrClient, CvrServiceError
from businesses.cvr.records import MalformedRecord
from businesses.services import import_file, sync_municipality
from core.models import Municipality, normalise_municipality_code
from core.progress import Progress


class Command(BaseCommand):
    help = (
        "Importerer virksomheder og produktionsenheder fra CVR-registret (ændringer siden sidste "
        "kørsel, pr. kommune) eller fra filer med poster."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality",
            action="append",
            default=[],
            help="Kommunekode, fx 165; kan gives flere gange. Henter fra CVR-registret.",
        )
        parser.add_argument(
            "--file",
            action="append",
            default=[],
            type=Path,
            help="En fil med poster (JSON eller JSON Lines); kan gives flere gange.",
        )
        parser.add_argument(
            "--full", action="store_true", help="Hent alt igen, ikke kun ændringer siden sidst."
        )
        parser.add_argument("--quiet", action="store_true", help="Ingen statuslinje.")

    def handle(self, *args, municipality, file, full, quiet, **options):
        if not municipality and not file:
            raise CommandError("Angiv --municipality eller --file.")
        progress_factory = None if quiet else self._progress
        failed = []
        for path in file:
            try:
                report = import_file(path=path, progress_factory=progress_factory)
            except (MalformedRecord, OSError) as error:
                failed.append(str(path))
                self.stderr.write(f"{path}: intet importeret. {error}")
                continue
            self.stdout.write(f"{path}: {report.summary()}")
        if municipality:
            failed += self._from_service(municipality, full, progress_factory)
        if failed:
            raise CommandError(f"Import fejlede for: {', '.join(failed)}")

    def _from_service(self, codes, full, progress_factory) -> list[str]:
        municipalities = []
        for raw in codes:
            try:
                code = normalise_municipality_code(raw)
            except ValueError as error:
                raise CommandError(str(error)) from error
            found = Municipality.objects.filter(code=code).first()
            if found is None:
                raise CommandError(f"Ingen kommune med koden {code}.")
            municipalities.append(found)
        failed = []
        with CvrClient.from_settings() as client:
            for municipality in municipalities:
                try:
                    report = sync_municipality(
                        municipality=municipality,
                        client=client,
                        full=full,
                        progress_factory=progress_factory,
                    )
                except (MalformedRecord, CvrServiceError) as error:
                    failed.append(municipality.name)
                    self.stderr.write(f"{municipality.name}: intet importeret. {error}")
                    continue
                self.stdout.write(f"{municipality.name}: {report.summary()}")
        return failed

    def _progress(self, label: str, total: int) -> Progress:
        return Progress(label, total, stream=self.stderr._out)
