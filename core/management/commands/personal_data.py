"""Export or erase everything Kurs holds on one e-mail address in one municipality (GDPR art.
15, 17 and 20), from every source the apps register (`core.personal_data`); the same as the
staff page `/k/<code>/persondata/`.

    manage.py personal_data --municipality 165 --email a@b.dk          # prints the export
    manage.py personal_data --municipality 165 --email a@b.dk --erase  # prints the counts

The export is one JSON document keyed by source. The erasure is all or nothing and prints the
counts of rows deleted or anonymised per source, never the data.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from core import personal_data
from core.jobs import chosen_municipalities


class Command(BaseCommand):
    help = "Export (JSON) or erase (--erase) everything held on one e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="Three-digit code, e.g. 165.")
        parser.add_argument("--email", required=True)
        parser.add_argument("--erase", action="store_true", help="Erase instead of exporting.")

    def handle(self, *args, municipality, email, erase=False, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email!r}") from error
        (place,) = chosen_municipalities(municipality)
        if erase:
            data = personal_data.erase_all(place, email)
        else:
            data = personal_data.export_all(place, email)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
