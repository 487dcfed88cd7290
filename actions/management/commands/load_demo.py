"""`python manage.py load_demo`: Albertslund's plans, Ballerup as the outsider, and demo users.

It lives in the actions app because the demo is the strategy and the action plans that carry it
out: actions builds on strategy, so the command that loads both sits here, not in strategy."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

import actions.demo
import businesses.demo
import events.demo
import forum.demo
import inquiries.demo
import newsletter.demo
import officialstats.demo
import partnerships.demo
import visits.demo
from strategy.demo import load_demo
from strategy.demo.users import PASSWORD_VARIABLE, resolve_password
from strategy.models import Commitment, Goal, KeyFigure, Measurement, Plan, Theme, Track
from strategy.services import refresh_goal_status


class Command(BaseCommand):
    help = (
        "Indlæser demodata: Albertslunds Erhvervsstrategi 2013-2017, Erhvervspolitik "
        "2023-2026 og Handleplan 2016-2017 med servicemål og demohenvendelser, Ballerups "
        "Tidsplan 2007-2009 og fire demobrugere. Kan køres igen uden dubletter. "
        f"Adgangskoden tages fra {PASSWORD_VARIABLE}, i udvikling (DEBUG) ellers en fast "
        "demoadgangskode."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            help=(
                "Adressen, brugerne logger ind på (standard SITE_URL); make start giver den "
                "adresse, runserver faktisk lytter på."
            ),
        )

    def handle(self, *args, url=None, **options):
        resolved = resolve_password(os.environ, settings.DEBUG)
        if resolved is None:
            raise CommandError(
                f"DEBUG er slået fra, og {PASSWORD_VARIABLE} er ikke sat. Demobrugere får ikke "
                "en kendt adgangskode i produktion: sæt "
                f"{PASSWORD_VARIABLE} for at indlæse demodata."
            )
        password, chosen = resolved
        # The demo is one story: the strategy, then the action plans that carry it out.
        with transaction.atomic():
            result = load_demo(password=password, reset_existing_passwords=chosen)
            actions.demo.load(stdout=self.stdout)
            businesses.demo.load(stdout=self.stdout)
            inquiries.demo.load(stdout=self.stdout)
            officialstats.demo.load(stdout=self.stdout)
            visits.demo.load(stdout=self.stdout)
            events.demo.load(stdout=self.stdout)
            forum.demo.load(stdout=self.stdout)
            newsletter.demo.load(stdout=self.stdout)
            partnerships.demo.load(stdout=self.stdout)
            demo_places = {login.municipality for login in result.logins}
            refresh_goal_status(
                goal_ids=Goal.objects.of_municipalities(demo_places).values_list("pk", flat=True)
            )

        plans = Plan.objects.filter(pk__in=[plan.pk for plan in result.plans])
        counts = {
            "planer": plans.count(),
            "spor": Track.objects.filter(plan__in=plans).count(),
            "temaer": Theme.objects.filter(plan__in=plans).count(),
            "mål": Goal.objects.filter(plan__in=plans).count(),
            "nøgletal": KeyFigure.objects.filter(plan__in=plans).count(),
            "indsatser": Commitment.objects.filter(plan__in=plans).count(),
            "illustrative målinger": Measurement.objects.filter(
                goal__plan__in=plans, is_illustrative=True
            ).count(),
        }
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demodata for Albertslund indlæst: {summary}."))

        self.stdout.write(f"Log ind på {(url or settings.SITE_URL).rstrip('/')}/ som:")
        width = max(len(login.user.username) for login in result.logins)
        for login in result.logins:
            if login.password_works:
                password_text = f"adgangskode: {password}"
            else:
                password_text = (
                    "adgangskode: ændret af brugeren, ikke nulstillet "
                    f"(sæt {PASSWORD_VARIABLE} for at nulstille)"
                )
            self.stdout.write(
                f"  {login.user.username:<{width}}  {login.role_label} i "
                f"{login.municipality.name} ({login.municipality.code}) – {password_text}"
            )
