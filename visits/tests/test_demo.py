"""The visits demo (`load_demo`): visits to the fabricated firms by the mayor, Erhvervshus
Hovedstaden, the municipality and the jobcenter, follow-ups, and two contact persons with their
legal basis; loading again adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from contacts.models import ContactPerson, Subscription
from visits.enums import Body
from visits.models import FollowUp, Need, Visit

pytestmark = pytest.mark.django_db


def test_the_demo_visits_are_made_by_several_bodies(demo):
    visits = Visit.objects.filter(municipality__code="165")

    assert sorted(visits.values_list("body", flat=True)) == sorted(
        [Body.MAYOR, Body.BUSINESS_HOUSE, Body.MUNICIPALITY, Body.JOBCENTER]
    )
    assert Need.objects.filter(visit__in=visits).count() == 5
    assert FollowUp.objects.filter(visit__in=visits).count() == 3


def test_the_demo_contact_persons_have_a_legal_basis(demo):
    contacts = ContactPerson.objects.filter(municipality__code="165").order_by("name")

    assert [(c.name, c.legal_basis) for c in contacts] == [
        ("Jens Fiktiv Lysgaard", "consent"),
        ("Mette Fiktiv Brygger", "legitimate_interest"),
    ]
    assert all(c.legal_basis_note for c in contacts)
    assert Subscription.objects.count() == 1


def test_loading_the_demo_again_adds_nothing(demo):
    counts = (Visit.objects.count(), ContactPerson.objects.count(), ContactPerson.history.count())

    call_command("load_demo", stdout=StringIO())

    assert (
        Visit.objects.count(),
        ContactPerson.objects.count(),
        ContactPerson.history.count(),
    ) == counts
