"""The recurring jobs, in one list: each is a management command that the job queue's worker
(`make worker`, django-q2) runs on its schedule, so a municipality needs no cron.

`manage.py schedule_jobs` writes this list into django-q2's schedules (`make start` and
`make serve` run it after migrating): a job is found by its name ("kurs: goal-status"), so
running it again changes the times and arguments of existing jobs instead of adding copies, and
removes a job that left the list; schedules made by hand in the admin are left alone. The worker
picks up a due job and runs it like any other job on the queue; a command that fails is recorded
as a failed task (django-q2's admin pages "Failed tasks") and tried again at its next time.

Times are Copenhagen's (`TIME_ZONE`). A job that needs an outside service runs only when that
service is configured (`needs`: a setting that must be non-empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_q.models import Schedule

from core.models import Municipality

COMMAND = "django.core.management.call_command"
# Kurs's own schedules are named with this prefix; others (made in the admin) are left alone.
PREFIX = "kurs: "


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    args: tuple[str, ...] = ()
    at: time | None = None  # once a day at this time, or else
    every_minutes: int | None = None  # every so many minutes
    needs: str = ""  # a setting that must be set for the job to run
    per_municipality: bool = False  # gets "--municipality CODE" for each municipality


JOBS = (
    Job("goal-status", "refresh_goal_status", at=time(0, 5)),
    Job("platform-figures", "collect_platform_figures", at=time(0, 30)),
    Job("retention", "apply_retention", at=time(2, 0)),
    Job("newsletter-unconfirmed", "newsletter_forget_unconfirmed", at=time(2, 50)),
    Job("statistics", "fetch_statistics", at=time(3, 0)),
    Job(
        "cvr-register",
        "import_cvr",
        ("--quiet",),
        at=time(4, 0),
        needs="CVR_USERNAME",
        per_municipality=True,
    ),
    Job("activity-reminders", "send_reminders", at=time(7, 0)),
    Job("follow-up-reminders", "send_follow_up_reminders", at=time(7, 5)),
    Job("forum-reminders", "send_forum_reminders", at=time(7, 10)),
    Job("inquiry-warnings", "send_inquiry_warnings", every_minutes=15),
    Job("event-offers", "expire_event_offers", every_minutes=15),
    Job("stalled-reports", "fail_stalled_reports", every_minutes=15),
)


def _arguments(job: Job) -> list[str]:
    arguments = [job.command, *job.args]
    if job.per_municipality:
        for code in Municipality.objects.order_by("code").values_list("code", flat=True):
            arguments += ["--municipality", code]
    return arguments


def _next_run(job: Job, now: datetime) -> datetime:
    if job.at is None:
        return now
    local = timezone.localtime(now)
    run = local.replace(hour=job.at.hour, minute=job.at.minute, second=0, microsecond=0)
    return run if run > local else run + timedelta(days=1)


def schedule_jobs(jobs=JOBS, *, now: datetime | None = None) -> dict[str, list[str]]:
    """Make django-q2's schedules what `jobs` says (module doc). Returns the names added,
    changed, kept as they were and removed. A job keeps its next run when only its arguments
    changed, so scheduling again does not postpone tonight's run."""
    now = now or timezone.now()
    report: dict[str, list[str]] = {"added": [], "changed": [], "kept": [], "removed": []}
    wanted = {
        PREFIX + job.name: job for job in jobs if not job.needs or getattr(settings, job.needs, "")
    }
    with transaction.atomic():
        stale = Schedule.objects.filter(name__startswith=PREFIX).exclude(name__in=wanted)
        report["removed"] = sorted(stale.values_list("name", flat=True))
        stale.delete()
        for name, job in wanted.items():
            values = {
                "func": COMMAND,
                "args": repr(tuple(_arguments(job))),
                "schedule_type": Schedule.MINUTES if job.every_minutes else Schedule.DAILY,
                "minutes": job.every_minutes,
                "repeats": -1,
            }
            existing = Schedule.objects.filter(name=name).first()
            if existing is None:
                Schedule.objects.create(name=name, next_run=_next_run(job, now), **values)
                report["added"].append(name)
                continue
            moved = existing.next_run is None or (
                job.at is not None
                and timezone.localtime(existing.next_run).time().replace(second=0) != job.at
            )
            if moved:
                values["next_run"] = _next_run(job, now)
            if moved or any(getattr(existing, key) != value for key, value in values.items()):
                Schedule.objects.filter(pk=existing.pk).update(**values)
                report["changed"].append(name)
            else:
                report["kept"].append(name)
    return report
