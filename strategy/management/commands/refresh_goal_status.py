"""`python manage.py refresh_goal_status`: compute every goal's status afresh and store it.

Run it once a night (e.g. `5 0 * * * cd /srv/kurs && uv run python manage.py
refresh_goal_status`): a status can change with the date alone (a deadline passes), and a page
that finds a status from an earlier day computes it while the reader waits.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.models import Municipality
from strategy.models import Goal
from strategy.services import refresh_goal_status


class Command(BaseCommand):
    help = "Compute every goal's status for today and store it on the goal."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="Only this municipality (three-digit code).")

    def handle(self, *args, municipality=None, **options):
        places = Municipality.objects.order_by("code")
        if municipality:
            places = places.filter(code=municipality)
        total = 0
        for place in places:
            ids = set(Goal.objects.of_municipality(place).values_list("pk", flat=True))
            with transaction.atomic():
                total += refresh_goal_status(goal_ids=ids, with_ancestors=False)
        self.stdout.write(f"Stored the status of {total} goal(s).")
