"""Count the figures of goals counted in Kurs (`Goal.platform_source`, `strategy.sources`) again
and keep them as measurements: for each goal, the period today lies in (counted to date) and the
one before, in calendar years for a goal with a yearly target and calendar months otherwise
(`strategy.services.counting_periods`). A period's figure is one measurement, updated when the
count moves, so running it again records nothing twice.

Scheduled every night on the job queue (`core.schedules`); `--since 2014-01-01` counts every
period from then, for a goal just set up. A goal whose figure cannot be recorded is named on
stderr; the others are counted all the same, and the command then exits non-zero.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.jobs import chosen_municipalities, run_date
from strategy.enums import DataSource
from strategy.models import Goal
from strategy.services import count_platform_figure, counting_periods


class Command(BaseCommand):
    help = "Count the figures of goals counted in Kurs again and keep them as measurements."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Count as if today were YYYY-MM-DD.")
        parser.add_argument("--since", help="Also count every period from YYYY-MM-DD on.")
        parser.add_argument("--municipality", help="Only this municipality (three-digit code).")

    def handle(self, *args, date=None, since=None, municipality=None, **options):
        today = run_date(date)
        first = run_date(since) if since else None
        goals = (
            Goal.objects.filter(
                data_source=DataSource.PLATFORM,
                plan__municipality__in=chosen_municipalities(municipality),
            )
            .exclude(platform_source="")
            .select_related("plan__municipality")
            .order_by("pk")
        )
        counted, failed = 0, []
        for goal in goals:
            for first_day, last_day in counting_periods(goal, today, first):
                try:
                    measurement = count_platform_figure(
                        goal=goal, first_day=first_day, last_day=last_day, today=today
                    )
                except ValidationError as error:
                    failed.append(goal)
                    self.stderr.write(f"Goal {goal.pk} ({goal}): {'; '.join(error.messages)}")
                    break
                counted += measurement is not None
        self.stdout.write(f"Platform figures on {today}: {counted} period(s) counted.")
        if failed:
            raise CommandError(f"{len(failed)} goal(s) could not be counted")
