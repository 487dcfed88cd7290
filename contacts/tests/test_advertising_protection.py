"""A firm with advertising protection (reklamebeskyttet in CVR) is never put on a mailing list
unless its contact person's own opt-in is recorded, on every write path."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from contacts import services
from contacts.models import Subscription
from contacts.tests.factories import ContactPersonFactory, MailingListFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def protected_contact(municipality):
    return ContactPersonFactory(municipality=municipality, company__advertising_protected=True)


def test_a_protected_firms_contact_is_refused_without_an_opt_in(municipality, protected_contact):
    mailing_list = MailingListFactory(municipality=municipality)

    with pytest.raises(ValidationError) as error:
        services.subscribe(mailing_list=mailing_list, contact=protected_contact)

    assert error.value.messages == [
        "Virksomheden er reklamebeskyttet: kontaktpersonen kan kun komme på listen med en "
        "registreret tilmelding fra personen selv."
    ]
    assert not Subscription.objects.exists()


def test_the_rule_holds_when_a_subscription_is_saved_directly(municipality, protected_contact):
    mailing_list = MailingListFactory(municipality=municipality)

    with pytest.raises(ValidationError):
        Subscription.objects.create(mailing_list=mailing_list, contact=protected_contact)
    assert not Subscription.objects.exists()


def test_a_recorded_opt_in_lets_a_protected_firms_contact_subscribe(
    municipality, protected_contact
):
    mailing_list = MailingListFactory(municipality=municipality)

    subscription = services.subscribe(
        mailing_list=mailing_list,
        contact=protected_contact,
        opted_in_at=timezone.now(),
        opt_in_note="Tilmeldte sig selv på erhvervsmødet 4. marts",
    )

    assert Subscription.objects.get() == subscription


def test_an_opt_in_must_say_how_it_was_given(municipality, protected_contact):
    mailing_list = MailingListFactory(municipality=municipality)

    with pytest.raises(ValidationError):
        services.subscribe(
            mailing_list=mailing_list, contact=protected_contact, opted_in_at=timezone.now()
        )


def test_an_unprotected_firms_contact_subscribes_without_an_opt_in(municipality):
    contact = ContactPersonFactory(municipality=municipality)
    mailing_list = MailingListFactory(municipality=municipality)

    services.subscribe(mailing_list=mailing_list, contact=contact)

    assert Subscription.objects.count() == 1


def test_a_list_takes_only_its_own_municipalitys_contacts(municipality, other_municipality):
    contact = ContactPersonFactory(municipality=other_municipality)

    with pytest.raises(ValidationError):
        services.subscribe(
            mailing_list=MailingListFactory(municipality=municipality), contact=contact
        )
