import factory
from django.utils import timezone

from contacts.tests.factories import MailingListFactory
from newsletter.enums import SubscriberState
from newsletter.models import Issue, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    mailing_list = factory.SubFactory(MailingListFactory)
    email = factory.Sequence(lambda n: f"abonnent{n}@firma.example")
    state = SubscriberState.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
    unsubscribe_key = factory.Sequence(lambda n: f"key-{n:06d}")


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    mailing_list = factory.SubFactory(MailingListFactory)
    subject = "Nyt fra Jobcentret"
    body = "<p>Vi hjælper med rekruttering.</p>"
