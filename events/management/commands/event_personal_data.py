"""`python manage.py event_personal_data --municipality 165 --email a@b.dk [--erase]`: print
everything a municipality's events hold on an e-mail address as JSON (GDPR art. 15 and 20), or
anonymise it (art. 17; the counts stay). Staff do the same on the page
/k/<code>/arrangementer/persondata/."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from core.models import Municipality
from events import services


class Command(BaseCommand):
    help = "Export or erase (anonymise) a person's event registrations by e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="the municipality's code")
        parser.add_argument("--email", required=True)
        parser.add_argument("--erase", action="store_true", help="anonymise instead of export")

    def handle(self, *args, municipality, email, erase, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"not an e-mail address: {email}") from error
        place = Municipality.objects.filter(code=municipality).first()
        if place is None:
            raise CommandError(f"no municipality with code {municipality}")
        if erase:
            count = services.erase_person(municipality=place, email=email)
            self.stdout.write(f"anonymised {count} registration(s)")
        else:
            data = services.personal_data(municipality=place, email=email)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
