"""Warn owners and team leads when an inquiry's promise clock passes a threshold (50 %, 80 %,
100 % by default), in the team's working hours, each threshold once (`inquiries.warnings`).

Meant to run often from a scheduler, e.g. every 15 minutes: outside a team's working hours it
sends that team nothing, and the next run in working time catches up. Each warning is claimed by
inserting its `InquiryWarning` row in the transaction that sends the e-mail (as
`send_reminders` does): a second run at the same time fails on the unique row and skips it; an
SMTP error rolls the claim back and the warning is tried again on the next run. Every run also
recomputes and stores the open inquiries' clocks from their state logs.

Municipalities are handled one after the other; when one fails, the error is logged with its
name, the others are warned all the same, and the command ends with an error naming it.
"""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.jobs import chosen_municipalities, each_municipality
from inquiries.models import InquiryWarning
from inquiries.warnings import due_warnings, email_for


class Command(BaseCommand):
    help = "Send the due service-promise warnings, in working hours, each threshold once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the warnings; send and log nothing."
        )
        parser.add_argument("--municipality", help="Only this municipality (three-digit code).")

    def handle(self, *args, dry_run=False, municipality=None, **options):
        now = timezone.now()
        municipalities = chosen_municipalities(municipality)
        counts = {"sent": 0, "failed": 0}
        connection = None if dry_run else get_connection(fail_silently=False)

        def warn(each) -> None:
            with transaction.atomic():
                found = due_warnings(each, now)
            for due in found:
                if dry_run:
                    subject, _body = email_for(due)
                    self.stdout.write(f"{due.recipient.email}: {subject}")
                    continue
                try:
                    counts["sent"] += self._claim_and_send(connection, due, now)
                except (smtplib.SMTPException, OSError) as error:
                    counts["failed"] += 1
                    self.stderr.write(f"Failed to send to {due.recipient.email}: {error}")

        try:
            # One municipality's bad data must not cost the others their warnings.
            broken = each_municipality(
                municipalities, warn, what="Inquiry warnings", stderr=self.stderr
            )
        finally:
            if connection is not None:
                connection.close()
        sent, failed = counts["sent"], counts["failed"]
        self.stdout.write(f"Inquiry warnings: sent {sent} e-mail(s).")
        problems = []
        if broken:
            problems.append("Warnings failed for " + ", ".join(str(each) for each in broken))
        if failed:
            problems.append(f"{failed} warning(s) could not be sent; they will be retried")
        if problems:
            raise CommandError("; ".join(problems))

    @staticmethod
    def _claim_and_send(connection, due, now) -> int:
        """Claim each new threshold, then send one e-mail, in one transaction; 0 when another
        run claimed them first."""
        with transaction.atomic():
            claimed = 0
            for threshold in due.thresholds:
                try:
                    with transaction.atomic():
                        InquiryWarning.objects.create(
                            inquiry=due.inquiry,
                            kind=due.clock.kind,
                            threshold=threshold,
                            recipient=due.recipient,
                            sent_at=now,
                        )
                except IntegrityError:
                    continue
                claimed += 1
            if not claimed:
                return 0
            subject, body = email_for(due)
            EmailMessage(
                subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [due.recipient.email],
                connection=connection,
            ).send(fail_silently=False)
        return 1
