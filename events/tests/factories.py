import secrets
from datetime import timedelta

import factory
from django.utils import timezone

from core.tests.factories import MunicipalityFactory
from events.enums import EventKind, RegistrationState
from events.models import Event, Registration


class EventFactory(factory.django.DjangoModelFactory):
    """A public network meeting a month from now with 2 seats."""

    class Meta:
        model = Event

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = EventKind.NETWORK
    title = factory.Sequence(lambda n: f"Netværksmøde {n}")
    place = "Albertslund Rådhus"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))
    capacity = 2
    is_public = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Deltager {n}")
    email = factory.Sequence(lambda n: f"deltager{n}@example.com")
    state = RegistrationState.REGISTERED
    registered_at = factory.LazyFunction(timezone.now)
    changed_at = factory.LazyFunction(timezone.now)
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
