from datetime import date

import factory

from actions.enums import ActivityStatus, TrafficLight
from actions.models import Activity, Milestone, Partner, StatusUpdate
from core.tests.factories import MunicipalityFactory
from strategy.enums import PlanKind
from strategy.tests.factories import PlanFactory


class ActionPlanFactory(PlanFactory):
    kind = PlanKind.ACTION_PLAN
    title = factory.Sequence(lambda n: f"Handleplan {n}")
    period_start = 2016
    period_end = 2017


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    plan = factory.SubFactory(ActionPlanFactory)
    title = factory.Sequence(lambda n: f"Aktivitet {n}")
    period_text = "2016-2017"
    starts_on = date(2016, 1, 1)
    ends_on = date(2017, 12, 31)
    status = ActivityStatus.IN_PROGRESS


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    activity = factory.SubFactory(ActivityFactory)
    title = factory.Sequence(lambda n: f"Milepæl {n}")
    due_on = date(2016, 6, 30)


class StatusUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusUpdate

    activity = factory.SubFactory(ActivityFactory)
    reported_on = date(2016, 3, 31)
    light = TrafficLight.GREEN
    comment = "Kører efter planen"
