"""The visit pages and the company page's additions: who may see and change what, recording a
visit through the form, the open items and who met the firm last, the key-account owner."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from businesses.models import CompanyProfile
from inquiries.models import Inquiry
from inquiries.tests.factories import TopicFactory
from visits.enums import Body
from visits.models import FollowUp, Visit
from visits.tests.conftest import topic_named
from visits.tests.factories import FollowUpFactory, NeedFactory, VisitFactory

pytestmark = pytest.mark.django_db


def create_url(company, code="165"):
    return reverse("visits:create", kwargs={"code": code, "company_id": company.pk})


def detail_url(visit):
    return reverse("visits:detail", kwargs={"code": "165", "visit_id": visit.pk})


def company_url(company):
    return reverse("businesses:detail", kwargs={"code": "165", "company_id": company.pk})


def formset_data(prefix, rows=()):
    data = {f"{prefix}-TOTAL_FORMS": "3", f"{prefix}-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def test_staff_record_a_visit_by_the_mayor_with_needs_and_follow_ups(
    client, staff, owner, municipality, company, contact
):
    client.force_login(staff)
    recruitment = topic_named(municipality, "Rekruttering og arbejdskraft")

    response = client.post(
        create_url(company),
        {
            "visited_on": "2026-03-10",
            "body": Body.MAYOR,
            "our_participants": [staff.pk],
            "their_participants": [contact.pk],
            "topics": [recruitment.pk],
            "other_topic": "",
            "summary": "Godt møde.",
            **formset_data("behov", [{"topic": recruitment.pk, "text": "Tre faglærte"}]),
            **formset_data(
                "opfoelgning", [{"title": "Send CV'er", "owner": owner.pk, "due_on": "2026-03-20"}]
            ),
        },
    )

    visit = Visit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(visit)
    assert (visit.body, visit.company, visit.created_by) == (Body.MAYOR, company, staff)
    assert [n.text for n in visit.needs.all()] == ["Tre faglærte"]
    assert [(f.title, f.owner) for f in visit.follow_ups.all()] == [("Send CV'er", owner)]
    page = client.get(detail_url(visit)).content.decode()
    assert "Borgmesteren" in page and "Mette Brygger" in page and "Tre faglærte" in page


def test_a_refused_visit_form_shows_what_was_typed(client, staff, company):
    client.force_login(staff)

    response = client.post(
        create_url(company),
        {
            "visited_on": "",
            "body": Body.JOBCENTER,
            "other_topic": "Parkering",
            **formset_data("behov"),
            **formset_data("opfoelgning", [{"title": "Ring", "owner": "", "due_on": ""}]),
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Parkering"' in page
    assert 'value="Ring"' in page
    assert "Udfyld opgave, ansvarlig og frist." in page
    assert Visit.objects.count() == 0


def test_committee_readers_get_403_and_outsiders_404_on_writes(
    client, committee_reader, outsider, company, municipality, owner
):
    follow_up = FollowUpFactory(visit__municipality=municipality, owner=owner)
    complete = reverse(
        "visits:follow_up_complete", kwargs={"code": "165", "follow_up_id": follow_up.pk}
    )
    client.force_login(committee_reader)
    assert client.get(create_url(company)).status_code == 403
    assert client.post(complete, {"version": 1, "done_on": "2026-03-15"}).status_code == 403
    assert client.get(detail_url(follow_up.visit)).status_code == 200
    client.force_login(outsider)
    assert client.get(detail_url(follow_up.visit)).status_code == 404
    assert client.post(complete, {"version": 1, "done_on": "2026-03-15"}).status_code == 404
    assert FollowUp.objects.get().done_on is None


def test_a_follow_up_is_marked_done_once_and_a_stale_page_is_refused(
    client, staff, owner, municipality
):
    follow_up = FollowUpFactory(visit__municipality=municipality, owner=owner)
    url = reverse("visits:follow_up_complete", kwargs={"code": "165", "follow_up_id": follow_up.pk})
    client.force_login(staff)

    done = client.post(url, {"version": 1, "done_on": "2026-03-15"})
    stale = client.post(url, {"version": 1, "done_on": "2026-03-16"})

    assert done.status_code == 302
    assert stale.status_code == 409
    assert FollowUp.objects.get().done_on == date(2026, 3, 15)


def test_the_company_page_shows_open_promises_follow_ups_and_who_met_it_last(
    client, staff, owner, municipality, company
):
    older = VisitFactory(municipality=municipality, company=company, visited_on=date(2026, 1, 5))
    newest = VisitFactory(
        municipality=municipality,
        company=company,
        visited_on=date(2026, 3, 10),
        body=Body.BUSINESS_HOUSE,
    )
    newest.our_participants.set([owner])
    FollowUpFactory(visit=older, owner=owner, title="Send lokaleliste", due_on=date(2026, 4, 1))
    topic = TopicFactory(municipality=municipality, name="Byggetilladelse")
    Inquiry.objects.create(
        municipality=municipality,
        reference="165-9",
        topic=topic,
        team=topic.team,
        cvr_number=company.cvr_number,
        company_name=company.name,
        company=company,
        contact_name="Karin",
        email="karin@example.com",
        message="Hal",
        received_at=timezone.now(),
        due_at=timezone.now(),
    )
    client.force_login(staff)

    page = client.get(company_url(company)).content.decode()

    assert "Send lokaleliste" in page
    assert "165-9 Byggetilladelse" in page
    assert "Senest mødt" in page and "10. mar. 2026" in page
    assert "Erhvervshuset (fx Erhvervshus Hovedstaden) (Eva Ejer)" in page
    assert page.count(detail_url(newest)) >= 2  # the timeline and "who met it last"


@pytest.mark.parametrize("visits", [1, 3])
def test_the_company_page_reads_a_fixed_number_of_queries(
    client, staff, owner, municipality, company, visits
):
    for day in range(1, visits + 1):
        visit = VisitFactory(
            municipality=municipality, company=company, visited_on=date(2026, 3, day)
        )
        visit.our_participants.set([owner])
        FollowUpFactory(visit=visit, owner=owner)
        NeedFactory(visit=visit)
    client.force_login(staff)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(company_url(company)).status_code == 200

    # 15, and one each from the forum, procurement, outreach and events timeline providers.
    assert len(queries) == 19


def test_staff_set_the_key_account_owner_and_a_stale_page_is_refused(
    client, staff, owner, municipality, company
):
    url = reverse("businesses:key_account_owner", kwargs={"code": "165", "company_id": company.pk})
    client.force_login(staff)

    saved = client.post(url, {"owner": owner.pk, "expected_owner": "-"})
    stale = client.post(url, {"owner": staff.pk, "expected_owner": "-"})
    again = client.post(url, {"owner": staff.pk, "expected_owner": str(owner.pk)})

    assert saved.status_code == 302
    assert stale.status_code == 409
    assert f'name="expected_owner" value="{owner.pk}"' in stale.content.decode()
    assert again.status_code == 302
    assert CompanyProfile.objects.get(company=company).key_account_owner == staff


def test_committee_readers_cannot_set_the_key_account_owner(
    client, committee_reader, staff, company
):
    url = reverse("businesses:key_account_owner", kwargs={"code": "165", "company_id": company.pk})
    client.force_login(committee_reader)

    assert client.post(url, {"owner": staff.pk, "expected_owner": "-"}).status_code == 403
    assert not CompanyProfile.objects.exists()


@pytest.mark.parametrize("visits", [1, 3])
def test_the_visit_list_and_page_read_a_fixed_number_of_queries(
    client, staff, owner, municipality, company, visits
):
    for day in range(1, visits + 1):
        visit = VisitFactory(
            municipality=municipality, company=company, visited_on=date(2026, 3, day)
        )
        visit.topics.set([topic_named(municipality, "Grøn omstilling")])
        FollowUpFactory(visit=visit, owner=owner)
    client.force_login(staff)

    with CaptureQueriesContext(connection) as list_queries:
        client.get(reverse("visits:list", kwargs={"code": "165"}), {"fra": "2026-01-01"})
    with CaptureQueriesContext(connection) as page_queries:
        client.get(detail_url(visit))

    assert (len(list_queries), len(page_queries)) == (5, 9)


def test_staff_add_a_follow_up_to_a_recorded_visit_once(client, staff, owner, municipality):
    visit = VisitFactory(municipality=municipality)
    url = reverse("visits:follow_up_add", kwargs={"code": "165", "visit_id": visit.pk})
    client.force_login(staff)
    data = {
        "title": "Send referat",
        "owner": owner.pk,
        "due_on": "2026-04-01",
        "submission_token": "6f1c2d9e-0000-4000-8000-000000000001",
    }

    refused = client.post(url, {**data, "owner": ""})
    first = client.post(url, data)
    again = client.post(url, data)

    assert refused.status_code == 400
    assert 'value="Send referat"' in refused.content.decode()
    assert (first.status_code, again.status_code) == (302, 302)
    assert [(f.title, f.owner, f.due_on) for f in FollowUp.objects.all()] == [
        ("Send referat", owner, date(2026, 4, 1))
    ]


def test_the_visit_form_shows_the_open_follow_ups_and_the_last_visits(
    client, staff, owner, municipality, company
):
    earlier = VisitFactory(municipality=municipality, company=company, visited_on=date(2026, 1, 5))
    FollowUpFactory(visit=earlier, owner=owner, title="Send lokaleliste")
    client.force_login(staff)

    page = client.get(create_url(company)).content.decode()

    assert "Send lokaleliste" in page
    assert "5. jan. 2026" in page
