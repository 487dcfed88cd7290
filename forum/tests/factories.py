import factory

from core.tests.factories import MunicipalityFactory
from forum.enums import IdeaStatus
from forum.models import Forum, Idea, Meeting, Participant


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    municipality = factory.SubFactory(MunicipalityFactory)
    name = "Strategisk Erhvervsforum"
    chair = "Borgmester Steen Christiansen"
    reports_to = "Økonomiudvalget"
    secretariat = "Erhvervs- og Udviklingscentret"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    forum = factory.SubFactory(ForumFactory)
    planned = "oktober 2014"
    title = "Visioner for vækst"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Deltager {n}")
    email = factory.Sequence(lambda n: f"deltager{n}@firma.example")
    organisation = "Firma A/S"


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Tema {n}")
    status = IdeaStatus.ACCEPTED
