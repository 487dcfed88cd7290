"""`python manage.py expire_event_offers`: offers of a seat not accepted in time expire and the
seats go to the next people waiting (`events.services.expire_offers`). The job worker runs it
every 15 minutes (`core.schedules`)."""

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = "Let lapsed offers of an event seat expire and offer the seats to the next waiting."

    def handle(self, *args, **options):
        expired = services.expire_offers()
        self.stdout.write(f"expired {expired} offer(s)")
