"""Export (or with --erase erase) what tender interest registrations hold on one person."""

import json

from django.core.management.base import BaseCommand, CommandError

from core.models import Municipality
from procurement import gdpr


class Command(BaseCommand):
    help = (
        "Udskriver alt, hvad interessetilkendegivelser til udbud rummer om en person (e-mail), "
        "som JSON; med --erase slettes personens navn og e-mail."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="Kommunekode, fx 165")
        parser.add_argument("--email", required=True)
        parser.add_argument("--erase", action="store_true")

    def handle(self, *args, municipality, email, erase, **options):
        place = Municipality.objects.filter(code=municipality).first()
        if place is None:
            raise CommandError(f"Kommunen {municipality} findes ikke.")
        self.stdout.write(
            json.dumps(gdpr.person_data(place, email), ensure_ascii=False, indent=2) + "\n"
        )
        if erase:
            count = gdpr.erase_person(place, email)
            self.stdout.write(f"Slettet fra {count} tilmeldinger.\n")
