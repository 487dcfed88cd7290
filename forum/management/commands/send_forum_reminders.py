"""Remind whoever closed a forum meeting of its follow-ups that are due soon or overdue, once
each (`forum.reminders`). Meant to run daily; municipalities one after the other (`core.jobs`)."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.jobs import chosen_municipalities, each_municipality, run_date
from forum.models import FollowUp
from forum.reminders import due_follow_ups, email_for


class Command(BaseCommand):
    help = "Remind of forum follow-ups that are due soon or overdue, each once."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print; send and claim nothing.")
        parser.add_argument("--date", dest="on_date", help="Act as if today were YYYY-MM-DD.")
        parser.add_argument("--municipality", help="Only this municipality (three-digit code).")

    def handle(self, *args, dry_run=False, on_date=None, municipality=None, **options):
        today = run_date(on_date)
        tally = {"sent": 0, "failed": 0}

        def remind(each):
            for user, follow_ups in due_follow_ups(each, today).items():
                subject, body = email_for(user, follow_ups, today)
                if dry_run:
                    self.stdout.write(f"--- To: {user.email}\nSubject: {subject}\n{body}")
                    tally["sent"] += 1
                    continue
                try:
                    tally["sent"] += self._claim_and_send(user, follow_ups, today, subject, body)
                except (smtplib.SMTPException, OSError) as error:
                    tally["failed"] += 1
                    self.stderr.write(f"Failed to send to user {user.pk}: {error}")

        broken = each_municipality(
            chosen_municipalities(municipality), remind, what="Forum reminders", stderr=self.stderr
        )
        verb = "would send" if dry_run else "sent"
        self.stdout.write(f"Forum reminders for {today.isoformat()}: {verb} {tally['sent']}.")
        if broken or tally["failed"]:
            raise CommandError(
                f"{len(broken)} municipality(ies) failed, {tally['failed']} e-mail(s) not sent"
            )

    @staticmethod
    def _claim_and_send(user, follow_ups, today, subject, body) -> int:
        with transaction.atomic():
            claimed = FollowUp.objects.filter(
                pk__in=[f.pk for f in follow_ups], reminded_on__isnull=True
            ).update(reminded_on=today)
            if claimed != len(follow_ups):
                # Another run claimed some of them: let it send; ours is rolled back.
                transaction.set_rollback(True)
                return 0
            with get_connection(fail_silently=False) as connection:
                EmailMessage(
                    subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], connection=connection
                ).send()
        return 1
