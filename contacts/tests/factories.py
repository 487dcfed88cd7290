import factory

from businesses.tests.factories import CompanyFactory
from contacts.enums import LegalBasis
from contacts.models import ContactPerson, MailingList
from core.tests.factories import MunicipalityFactory


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    municipality = factory.SubFactory(MunicipalityFactory)
    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    title = "Direktør"
    email = factory.Sequence(lambda n: f"kontakt{n}@firma.example")
    legal_basis = LegalBasis.LEGITIMATE_INTEREST
    legal_basis_note = "Dialog om erhvervsservice"


class MailingListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MailingList

    municipality = factory.SubFactory(MunicipalityFactory)
    name = "Erhvervsnyt"
