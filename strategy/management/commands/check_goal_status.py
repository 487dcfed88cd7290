"""`python manage.py check_goal_status`: does every stored goal status equal what the status
rules compute from scratch today? Lists each difference and exits non-zero if there is one.

The stored status (`strategy.services.refresh_goal_status`) is only an optimisation for lists;
this is how to prove on a live database that it says the same as the rules.
"""

from django.core.management.base import BaseCommand, CommandError

from strategy.checks import status_differences


class Command(BaseCommand):
    help = "Compare every goal's stored status with the status computed from scratch."

    def handle(self, *args, **options):
        differences = status_differences()
        for goal, field, stored, computed in differences:
            self.stdout.write(
                f"Goal {goal.pk} ({goal}): {field} stored {stored!r}, computed {computed!r}"
            )
        if differences:
            raise CommandError(f"{len(differences)} stored status field(s) differ from the rules")
        self.stdout.write("Every stored goal status equals the rules' result.")
