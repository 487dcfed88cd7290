"""Remind the owners of follow-ups from visits that are due soon or overdue: one e-mail per
owner, each follow-up once per due date (`visits.reminders`).

Meant to run once a day from a scheduler. Each reminder is claimed by inserting its
`FollowUpReminder` row in the transaction that sends the e-mail, as `send_reminders` does: a
second run at the same time fails on the unique row and leaves it out; an SMTP error rolls the
claims back and the reminder is tried again on the next run. Municipalities are handled one
after the other (`core.jobs`): when one fails, the others are reminded all the same and the
command ends with an error naming it.
"""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.jobs import chosen_municipalities, each_municipality, run_date
from visits.models import FollowUpReminder
from visits.reminders import due_follow_ups, email_for


class Command(BaseCommand):
    help = "Remind owners of follow-ups from visits that are due soon or overdue, each once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the e-mails; send and log nothing."
        )
        parser.add_argument("--date", dest="on_date", help="Act as if today were YYYY-MM-DD.")
        parser.add_argument("--municipality", help="Only this municipality (three-digit code).")

    def handle(self, *args, dry_run=False, on_date=None, municipality=None, **options):
        today = run_date(on_date)
        municipalities = chosen_municipalities(municipality)
        tally = {"sent": 0, "failed": 0}
        connection = None if dry_run else get_connection(fail_silently=False)

        def remind(each):
            for owner, follow_ups in due_follow_ups(each, today).items():
                if dry_run:
                    subject, body = email_for(owner, follow_ups, today)
                    self.stdout.write(f"--- To: {owner.email}\nSubject: {subject}\n{body}")
                    tally["sent"] += 1
                    continue
                try:
                    tally["sent"] += self._claim_and_send(connection, owner, follow_ups, today)
                except (smtplib.SMTPException, OSError) as error:
                    tally["failed"] += 1
                    self.stderr.write(f"Failed to send to {owner.email}: {error}")

        try:
            broken = each_municipality(
                municipalities, remind, what="Follow-up reminders", stderr=self.stderr
            )
        finally:
            if connection is not None:
                connection.close()
        verb = "would send" if dry_run else "sent"
        self.stdout.write(
            f"Follow-up reminders for {today.isoformat()}: {verb} {tally['sent']} e-mail(s)."
        )
        problems = []
        if broken:
            problems.append("Reminders failed for " + ", ".join(str(each) for each in broken))
        if tally["failed"]:
            problems.append(f"{tally['failed']} e-mail(s) could not be sent; they will be retried")
        if problems:
            raise CommandError("; ".join(problems))

    @staticmethod
    def _claim_and_send(connection, owner, follow_ups, today) -> int:
        """Claim each follow-up's reminder, then send one e-mail about those claimed, in one
        transaction; returns 1 if an e-mail was sent."""
        with transaction.atomic():
            claimed = []
            for follow_up in follow_ups:
                try:
                    with transaction.atomic():
                        FollowUpReminder.objects.create(
                            follow_up=follow_up,
                            due_on=follow_up.due_on,
                            recipient=owner,
                            sent_at=timezone.now(),
                        )
                except IntegrityError:
                    continue
                claimed.append(follow_up)
            if not claimed:
                return 0
            subject, body = email_for(owner, claimed, today)
            EmailMessage(
                subject, body, settings.DEFAULT_FROM_EMAIL, [owner.email], connection=connection
            ).send(fail_silently=False)
        return 1
