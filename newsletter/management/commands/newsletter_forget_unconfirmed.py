"""Delete newsletter sign-ups never confirmed within 30 days, and confirmation-mail records
older than a day (`newsletter.services.forget_unconfirmed`). Meant to run daily; prints counts
only."""

from django.core.management.base import BaseCommand

from newsletter.services import forget_unconfirmed


class Command(BaseCommand):
    help = "Delete unconfirmed newsletter sign-ups after 30 days and old confirmation records."

    def handle(self, *args, **options):
        result = forget_unconfirmed()
        self.stdout.write(
            f"Deleted {result.subscribers} unconfirmed sign-up(s) and "
            f"{result.confirmation_mails} confirmation-mail record(s)."
        )
