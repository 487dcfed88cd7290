from datetime import date
from decimal import Decimal

import factory

from core.tests.factories import MunicipalityFactory
from strategy.enums import Comparator, GoalKind, PlanKind, PlanStatus, TrackKind
from strategy.models import Goal, Measurement, Plan, Theme, Track


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = PlanKind.STRATEGY
    title = factory.Sequence(lambda n: f"Erhvervsstrategi {n}")
    status = PlanStatus.ADOPTED
    period_start = 2013
    period_end = 2017
    adopted_on = date(2013, 9, 10)


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    plan = factory.SubFactory(PlanFactory)
    kind = TrackKind.STRATEGIC
    title = factory.Sequence(lambda n: f"Spor {n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    track = factory.SubFactory(TrackFactory)
    plan = factory.SelfAttribute("track.plan")
    title = factory.Sequence(lambda n: f"Tema {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    """A quantified goal: at least 1.000 new jobs by the end of 2017, from 0 in 2013."""

    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    track = None
    title = factory.Sequence(lambda n: f"At skabe mindst 1000 nye arbejdspladser ({n})")
    kind = GoalKind.QUANTIFIED
    metric = "Nye arbejdspladser"
    unit = "arbejdspladser"
    comparator = Comparator.AT_LEAST
    target_value = Decimal(1000)
    baseline_value = Decimal(0)
    baseline_date = date(2013, 1, 1)
    deadline = date(2017, 12, 31)


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    goal = factory.SubFactory(GoalFactory)
    measured_on = date(2015, 1, 1)
    value = Decimal(500)
    source = "Test"
