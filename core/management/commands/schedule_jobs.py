"""`python manage.py schedule_jobs`: write Kurs's recurring jobs (`core.schedules.JOBS`) into the
job queue's schedules, which the worker (`make worker`) runs. `make start` and `make serve` run
it after migrating; running it again changes nothing that is already right."""

from django.core.management.base import BaseCommand

from core.schedules import schedule_jobs


class Command(BaseCommand):
    help = "Schedule Kurs's recurring jobs (nightly counts, reminders, warnings) on the job queue."

    def handle(self, *args, **options):
        report = schedule_jobs()
        for what in ("added", "changed", "removed"):
            for name in report[what]:
                self.stdout.write(f"{what}: {name}")
        self.stdout.write(
            f"{len(report['added']) + len(report['changed']) + len(report['kept'])} job(s) "
            "scheduled."
        )
