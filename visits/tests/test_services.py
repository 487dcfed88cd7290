"""Recording a visit: topics, participants, needs and follow-ups saved together, for any body,
once per submission, and only with the municipality's own people and topics."""

import uuid
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.concurrency import ConcurrentEditError
from visits import services
from visits.enums import DEFAULT_TOPICS, Body
from visits.models import FollowUp, Need, Visit, VisitTopic
from visits.tests.conftest import topic_named
from visits.tests.factories import FollowUpFactory

pytestmark = pytest.mark.django_db


def record(municipality, company, user, **values):
    return services.record_visit(
        **{
            "municipality": municipality,
            "company": company,
            "user": user,
            "visited_on": date(2026, 3, 10),
            "body": Body.MUNICIPALITY,
            **values,
        }
    )


def test_a_new_municipality_starts_with_the_default_topics(municipality):
    names = list(VisitTopic.objects.of_municipality(municipality).values_list("name", flat=True))

    assert names == DEFAULT_TOPICS


def test_a_visit_is_saved_with_topics_participants_needs_and_follow_ups(
    municipality, company, contact, staff, owner
):
    recruitment = topic_named(municipality, "Rekruttering og arbejdskraft")
    green = topic_named(municipality, "Grøn omstilling")

    visit = record(
        municipality,
        company,
        staff,
        our_participants=[staff],
        their_participants=[contact],
        topics=[recruitment, green],
        other_topic="Parkering ved bryggeriet",
        needs=[(recruitment, "To tapperiarbejdere"), (None, "Bedre cykelsti")],
        follow_ups=[("Send jobcentrets tilbud", owner, date(2026, 3, 20))],
    )

    visit = Visit.objects.get(pk=visit.pk)
    assert list(visit.topics.order_by("order")) == [recruitment, green]
    assert list(visit.our_participants.all()) == [staff]
    assert list(visit.their_participants.all()) == [contact]
    assert visit.other_topic == "Parkering ved bryggeriet"
    assert [(n.topic, n.text) for n in Need.objects.filter(visit=visit).order_by("pk")] == [
        (recruitment, "To tapperiarbejdere"),
        (None, "Bedre cykelsti"),
    ]
    assert [(f.title, f.owner, f.due_on) for f in FollowUp.objects.filter(visit=visit)] == [
        ("Send jobcentrets tilbud", owner, date(2026, 3, 20))
    ]
    contact.refresh_from_db()
    assert contact.last_contact_on == date(2026, 3, 10)


@pytest.mark.parametrize("body", [Body.MAYOR, Body.JOBCENTER, Body.BUSINESS_HOUSE])
def test_a_visit_can_be_recorded_for_another_body(municipality, company, staff, body):
    visit = record(municipality, company, staff, body=body)

    assert Visit.objects.get(pk=visit.pk).body == body


def test_the_same_submission_saves_one_visit(municipality, company, staff, owner):
    token = uuid.uuid4()
    follow_up = [("Ring tilbage", owner, date(2026, 3, 20))]

    first = record(municipality, company, staff, token=token, follow_ups=follow_up)
    second = record(municipality, company, staff, token=token, follow_ups=follow_up)

    assert first == second
    assert (Visit.objects.count(), FollowUp.objects.count()) == (1, 1)


def test_another_municipalitys_topic_or_people_are_refused(
    municipality, other_municipality, company, staff, outsider
):
    foreign_topic = VisitTopic.objects.of_municipality(other_municipality).first()

    with pytest.raises(ValidationError):
        record(municipality, company, staff, topics=[foreign_topic])
    with pytest.raises(ValidationError):
        record(municipality, company, staff, our_participants=[outsider])
    with pytest.raises(ValidationError):
        record(municipality, company, staff, follow_ups=[("Ring", outsider, date(2026, 3, 1))])
    assert Visit.objects.count() == 0


def test_an_implausible_date_is_refused(municipality, company, staff):
    with pytest.raises(ValidationError) as error:
        record(municipality, company, staff, visited_on=date(1, 1, 1))

    assert "visited_on" in error.value.message_dict


def test_a_follow_up_changed_by_someone_else_is_not_overwritten(municipality, owner):
    follow_up = FollowUpFactory(visit__municipality=municipality, owner=owner)
    services.complete_follow_up(follow_up=follow_up, expected_version=1, done_on=date(2026, 3, 15))

    with pytest.raises(ConcurrentEditError):
        services.complete_follow_up(
            follow_up=FollowUp.objects.get(pk=follow_up.pk),
            expected_version=1,
            done_on=date(2026, 3, 16),
        )
    assert FollowUp.objects.get(pk=follow_up.pk).done_on == date(2026, 3, 15)
