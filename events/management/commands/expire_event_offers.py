"""`python manage.py expire_event_offers`: offers of a seat not accepted in time expire and the
seats go to the next people waiting (`events.services.expire_offers`). Run it every 15 minutes,
or schedule `events.jobs.expire_offers_job` in django-q2."""

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = "Let lapsed offers of an event seat expire and offer the seats to the next waiting."

    def handle(self, *args, **options):
        expired = services.expire_offers()
        self.stdout.write(f"expired {expired} offer(s)")
