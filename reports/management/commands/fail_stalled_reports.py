"""`python manage.py fail_stalled_reports`: reports left running by a worker that died are marked
failed, so their pages offer asking for a new one (`reports.jobs.fail_stalled_reports`). The job
worker runs it every 15 minutes (`core.schedules`)."""

from django.core.management.base import BaseCommand

from reports import jobs


class Command(BaseCommand):
    help = "Mark reports whose background job stopped making progress as failed."

    def handle(self, *args, **options):
        failed = jobs.fail_stalled_reports()
        self.stdout.write(f"failed {failed} stalled report(s)")
