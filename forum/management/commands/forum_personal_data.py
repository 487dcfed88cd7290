"""Export or erase what the forum holds on a person, found by e-mail address (GDPR art. 15, 17,
20): `forum/personal_data.py` says what that is and how each kind is erased.

    manage.py forum_personal_data --municipality 165 --email karin@lys.example --export
    manage.py forum_personal_data --municipality 165 --email karin@lys.example --erase

The export is JSON on stdout; the erasure prints how many rows of each kind it changed.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from core.jobs import chosen_municipalities
from forum.personal_data import erase_person, export_person


class Command(BaseCommand):
    help = "Export (--export) or erase (--erase) the forum's data on one e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="Three-digit code.")
        parser.add_argument("--email", required=True)
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true")
        action.add_argument("--erase", action="store_true")

    def handle(self, *args, municipality, email, export=False, erase=False, **options):
        if "@" not in email:
            raise CommandError(f"Not an e-mail address: {email!r}")
        (chosen,) = chosen_municipalities(municipality)
        if export:
            data = export_person(municipality=chosen, email=email)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        counts = erase_person(municipality=chosen, email=email)
        self.stdout.write(
            "Erased: {followers} follower(s), {participants} participant(s), "
            "{proposals} proposal(s).".format(**counts)
        )
