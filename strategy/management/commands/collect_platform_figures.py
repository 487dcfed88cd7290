"""Record the figures of goals counted in Kurs (`Goal.platform_source`, `strategy.sources`) as
measurements: one per goal for a month, dated its last day, naming the source.

Run it monthly, e.g. on the 1st: `10 0 1 * * cd /srv/kurs && uv run python manage.py
collect_platform_figures` records the month before. Running it again for a month records nothing
twice. A goal whose figure cannot be recorded is named on stderr; the others are recorded all
the same, and the command then exits non-zero.
"""

from __future__ import annotations

import calendar
from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from strategy.enums import DataSource
from strategy.models import Goal
from strategy.services import record_platform_figure


class Command(BaseCommand):
    help = "Record the month's figures of goals counted in Kurs as measurements."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM; default: the month before this one.")

    def handle(self, *args, month=None, **options):
        first_day, last_day = self._month(month)
        goals = (
            Goal.objects.filter(data_source=DataSource.PLATFORM)
            .exclude(platform_source="")
            .select_related("plan__municipality")
            .order_by("pk")
        )
        recorded, failed = 0, []
        for goal in goals:
            try:
                measurement = record_platform_figure(
                    goal=goal, first_day=first_day, last_day=last_day
                )
            except ValidationError as error:
                failed.append(goal)
                self.stderr.write(f"Goal {goal.pk} ({goal}): {'; '.join(error.messages)}")
                continue
            recorded += measurement is not None
        self.stdout.write(
            f"Platform figures for {first_day:%Y-%m}: {recorded} measurement(s) recorded."
        )
        if failed:
            raise CommandError(f"{len(failed)} goal(s) could not be measured")

    @staticmethod
    def _month(raw: str | None) -> tuple[date, date]:
        if raw:
            try:
                year, month = (int(part) for part in raw.split("-"))
                first = date(year, month, 1)
            except ValueError as error:
                raise CommandError(f"--month must be YYYY-MM, not {raw!r}") from error
        else:
            this_month = timezone.localdate().replace(day=1)
            first = date(
                this_month.year - (this_month.month == 1), (this_month.month - 2) % 12 + 1, 1
            )
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
