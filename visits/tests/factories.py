from datetime import date

import factory

from businesses.tests.factories import CompanyFactory
from core.tests.factories import MunicipalityFactory, UserFactory
from visits.models import FollowUp, Need, Visit


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    municipality = factory.SubFactory(MunicipalityFactory)
    company = factory.SubFactory(CompanyFactory)
    visited_on = date(2026, 3, 10)


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    visit = factory.SubFactory(VisitFactory)
    text = "Flere faglærte"


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    visit = factory.SubFactory(VisitFactory)
    title = "Send oplysninger om jobcentrets rekruttering"
    owner = factory.SubFactory(UserFactory)
    due_on = date(2026, 3, 20)
