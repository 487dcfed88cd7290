from datetime import time

import factory

from core.tests.factories import MunicipalityFactory
from inquiries.enums import TimeUnit
from inquiries.models import Team, Topic, WorkCalendar, WorkingHours


class WorkCalendarFactory(factory.django.DjangoModelFactory):
    """Monday-Thursday 8-16 and Friday 8-14, every holiday closed."""

    class Meta:
        model = WorkCalendar
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Kalender {n}")

    @factory.post_generation
    def office_hours(calendar, create, extracted, **kwargs):
        if create and extracted is not False:
            WorkingHours.objects.bulk_create(
                WorkingHours(
                    calendar=calendar,
                    weekday=day,
                    opens=time(8),
                    closes=time(14) if day == 4 else time(16),
                )
                for day in range(5)
            )


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    calendar = factory.SubFactory(
        WorkCalendarFactory, municipality=factory.SelfAttribute("..municipality")
    )


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic promising a first response in 8 working hours and a decision in 10-20 days."""

    class Meta:
        model = Topic

    municipality = factory.SubFactory(MunicipalityFactory)
    team = factory.SubFactory(TeamFactory, municipality=factory.SelfAttribute("..municipality"))
    name = factory.Sequence(lambda n: f"Emne {n}")
    response_time = 8
    response_unit = TimeUnit.WORKING_HOURS
    resolution_min = 10
    resolution_max = 20
    resolution_unit = TimeUnit.CALENDAR_DAYS
