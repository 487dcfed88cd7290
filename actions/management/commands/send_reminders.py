"""Send the day's reminders to owners: one e-mail per person, each reminder only once.

Meant to run once a day from a scheduler (cron, a systemd timer, a Kubernetes CronJob). Running
it more often, or twice at the same time, sends nothing twice: each reminder is claimed by
inserting its `ReminderLog` row inside the transaction that sends the e-mail (the pattern of
healthchecks' `sendreports`). A second run's insert of the same row fails on the unique
constraint, so that run skips the reminder; if the SMTP server refuses the e-mail, the
transaction is rolled back and the reminders are tried again on the next run.

Municipalities are reminded one after the other. When one fails (bad data, a bug), the error is
logged with the municipality's name, the others are reminded all the same, and the command ends
with an error naming the municipalities that failed, so that the scheduler reports it.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction

from actions.models import ReminderLog
from actions.reminders.mail import email_for
from actions.reminders.queries import already_sent, by_recipient, due_reminders
from core.jobs import chosen_municipalities, each_municipality, run_date


@dataclass
class Tally:
    """What a run did, over all municipalities, for the summary at the end."""

    emails: int = 0
    reminders: int = 0
    already: int = 0
    raced: int = 0
    no_email: list = field(default_factory=list)
    failed: list = field(default_factory=list)


class Command(BaseCommand):
    help = "Send the reminders due today: one e-mail per owner, never the same reminder twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the e-mails that would be sent; send nothing and log nothing.",
        )
        parser.add_argument(
            "--date",
            dest="on_date",
            help="Act as if today were this date (YYYY-MM-DD); default: today.",
        )
        parser.add_argument(
            "--municipality",
            help="Only this municipality (three-digit code); default: all.",
        )

    def handle(self, *args, dry_run=False, on_date=None, municipality=None, **options):
        today = run_date(on_date)
        municipalities = chosen_municipalities(municipality)
        tally = Tally()
        connection = None if dry_run else get_connection(fail_silently=False)
        try:
            # One municipality's bad data must not cost the others their reminders.
            broken = each_municipality(
                municipalities,
                lambda each: self._remind(each, today, dry_run, connection, tally),
                what="Reminders",
                stderr=self.stderr,
            )
        finally:
            if connection is not None:
                connection.close()
        self._summary(today, dry_run, tally)
        problems = []
        if broken:
            problems.append("Reminders failed for " + ", ".join(str(each) for each in broken))
        if tally.failed:
            problems.append(
                f"{len(tally.failed)} e-mail(s) could not be sent; they will be retried"
            )
        if problems:
            raise CommandError("; ".join(problems))

    def _remind(self, municipality, today: date, dry_run: bool, connection, tally) -> None:
        """Send (or print) the municipality's due reminders that were not sent before."""
        reminders = due_reminders(today, municipality)
        sent_before = already_sent(reminders)
        new = [r for r in reminders if r.key not in sent_before]
        tally.already += len(reminders) - len(new)
        site_url = getattr(settings, "SITE_URL", "http://127.0.0.1:8000")
        for recipient, items in by_recipient(new).items():
            if not recipient.email:
                tally.no_email.append((recipient, len(items)))
                continue
            if dry_run:
                subject, body = email_for(recipient, items, today, site_url)
                self._print_dry_run(recipient, subject, body)
                tally.emails += 1
                tally.reminders += len(items)
                continue
            try:
                claimed = self._claim_and_send(connection, recipient, items, today, site_url)
            except (smtplib.SMTPException, OSError) as error:
                tally.failed.append((recipient, error))
                continue
            tally.raced += len(items) - claimed
            if claimed:
                tally.emails += 1
                tally.reminders += claimed

    @staticmethod
    def _claim_and_send(connection, recipient, items, today, site_url) -> int:
        """Insert a log row per reminder, then send the e-mail, in one transaction.

        A reminder whose row exists already (another run got there first) is left out of the
        e-mail; an SMTP error rolls every claim back. Returns how many reminders were sent.
        """
        with transaction.atomic():
            claimed = []
            for item in items:
                try:
                    with transaction.atomic():
                        ReminderLog.objects.create(
                            municipality_id=item.municipality_id,
                            kind=item.kind,
                            object_key=item.object_key,
                            period_key=item.period_key,
                            recipient=recipient,
                            email=recipient.email,
                        )
                except IntegrityError:
                    continue
                claimed.append(item)
            if claimed:
                subject, body = email_for(recipient, claimed, today, site_url)
                message = EmailMessage(
                    subject,
                    body,
                    settings.DEFAULT_FROM_EMAIL,
                    [recipient.email],
                    connection=connection,
                )
                message.send(fail_silently=False)
        return len(claimed)

    def _print_dry_run(self, recipient, subject: str, body: str) -> None:
        self.stdout.write(f"--- To: {recipient.email} ({recipient.username})")
        self.stdout.write(f"Subject: {subject}")
        self.stdout.write(body)

    def _summary(self, today, dry_run, tally: Tally) -> None:
        verb = "would send" if dry_run else "sent"
        self.stdout.write(
            f"Reminders for {today.isoformat()}: {verb} {tally.emails} e-mail(s) with "
            f"{tally.reminders} reminder(s); {tally.already} already sent before"
            + (f", {tally.raced} claimed by another run" if tally.raced else "")
            + "."
        )
        for recipient, count in tally.no_email:
            self.stdout.write(
                f"Skipped {recipient.username} ({recipient}): no e-mail address, "
                f"{count} reminder(s) not sent."
            )
        for recipient, error in tally.failed:
            self.stderr.write(f"Failed to send to {recipient.email}: {error}")
