"""Export or erase what the newsletters hold on one e-mail address (GDPR art. 15, 17 and 20),
the same as the staff page `/k/<code>/nyhedsbrev/persondata/` (`newsletter.services`).

`manage.py newsletter_personal_data --municipality 165 --email a@b.dk` prints the export as JSON;
with `--erase` it erases instead and prints the counts (never the data)."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from core.models import Municipality
from newsletter import services


class Command(BaseCommand):
    help = "Export (JSON) or erase the newsletters' data on one e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="Three-digit code, e.g. 165.")
        parser.add_argument("--email", required=True)
        parser.add_argument("--erase", action="store_true", help="Erase instead of exporting.")

    def handle(self, *args, municipality, email, erase=False, **options):
        place = Municipality.objects.filter(code=municipality).first()
        if place is None:
            raise CommandError(f"No municipality has the code {municipality!r}.")
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError("--email is not an e-mail address.") from error
        if erase:
            result = services.erase_address(municipality=place, email=email)
            self.stdout.write(
                f"Erased {result.subscribers} subscription(s), {result.deliveries} "
                f"delivery row(s), {result.confirmation_mails} confirmation-mail record(s)."
            )
            return
        data = services.person_data(place, email)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
