"""GDPR for contact persons: everything held on a person exported (JSON and a readable page,
inquiries matched by e-mail), erasure on request (the person, their history copies, their
subscriptions and their inquiries' contact fields; the counts kept), the retention command, and
who may do it."""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from contacts import services
from contacts.enums import ErasureCause
from contacts.models import ContactPerson, ErasureLog, Subscription
from contacts.tests.factories import ContactPersonFactory, MailingListFactory
from inquiries.models import Inquiry
from inquiries.tests.factories import TopicFactory
from visits import rollup
from visits.tests.conftest import topic_named
from visits.tests.factories import NeedFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(municipality, other_municipality, company, contact):
    """Mette's data: a change to her record, a visit, a subscription, two inquiries from her
    address (one typed in capitals), one from someone else and one in Ballerup."""
    contact.email = "mette@bryghus.example"
    contact.phone = "43 21 12 34"
    contact.save()
    visit = VisitFactory(municipality=municipality, company=company, visited_on=date(2026, 3, 10))
    visit.their_participants.set([contact])
    visit.topics.set([topic_named(municipality, "Grøn omstilling")])
    NeedFactory(visit=visit, text="Solceller på taget")
    MailingListFactory(municipality=municipality).subscriptions.create(contact=contact)
    topic = TopicFactory(municipality=municipality, name="Byggetilladelse")
    foreign_topic = TopicFactory(municipality=other_municipality, name="Byggetilladelse")

    def inquiry(reference, email, where=municipality, on=topic):
        return Inquiry.objects.create(
            municipality=where,
            reference=reference,
            topic=on,
            team=on.team,
            cvr_number=company.cvr_number,
            company_name=company.name,
            contact_name="Mette Brygger",
            email=email,
            phone="43 21 12 34",
            message=f"Henvendelse {reference}",
            received_at=timezone.now(),
        )

    return {
        "visit": visit,
        "mine": [
            inquiry("165-1", "mette@bryghus.example"),
            inquiry("165-2", "METTE@Bryghus.example"),
        ],
        "other": inquiry("165-3", "karin@bryghus.example"),
        "foreign": inquiry("151-1", "mette@bryghus.example", other_municipality, foreign_topic),
    }


def url(name, contact, code="165"):
    return reverse(f"contacts:{name}", kwargs={"code": code, "contact_id": contact.pk})


def test_the_json_export_holds_everything_on_the_person(client, staff, contact, held):
    client.force_login(staff)

    response = client.get(url("export_json", contact))

    assert (
        response["Content-Disposition"] == f'attachment; filename="kontaktperson-{contact.pk}.json"'
    )
    data = json.loads(response.content)
    assert data["person"]["name"] == "Mette Brygger"
    assert data["person"]["email"] == "mette@bryghus.example"
    assert data["person"]["legal_basis"] == "legitimate_interest"
    assert [record["change"] for record in data["history"]] == ["+", "~"]
    assert data["history"][1]["values"]["phone"] == "43 21 12 34"
    assert [(v["visited_on"], v["topics"], v["needs"]) for v in data["visits"]] == [
        ("2026-03-10", ["Grøn omstilling"], ["Solceller på taget"])
    ]
    assert [s["list"] for s in data["subscriptions"]] == ["Erhvervsnyt"]
    assert sorted(i["reference"] for i in data["inquiries"]) == ["165-1", "165-2"]
    assert data["inquiries"][0]["message"].startswith("Henvendelse 165-")


def test_the_readable_export_shows_the_same(client, staff, contact, held):
    client.force_login(staff)

    page = client.get(url("export", contact)).content.decode()

    for text in (
        "Mette Brygger",
        "43 21 12 34",
        "Solceller på taget",
        "Erhvervsnyt",
        "165-1",
        "165-2",
    ):
        assert text in page
    assert "165-3" not in page and "151-1" not in page


def test_erasure_removes_the_person_and_every_copy_and_keeps_the_counts(
    client, staff, municipality, contact, held
):
    client.force_login(staff)
    before = rollup.rollup(municipality, date(2026, 1, 1), date(2026, 12, 31))

    response = client.post(
        url("erase", contact), {"reason": "Anmodning pr. e-mail 3. marts", "confirm": "on"}
    )

    assert response.status_code == 302
    assert not ContactPerson.objects.filter(pk=contact.pk).exists()
    assert not ContactPerson.history.model.objects.filter(id=contact.pk).exists()
    assert not Subscription.objects.exists()
    assert list(held["visit"].their_participants.all()) == []
    for inquiry in held["mine"]:
        inquiry.refresh_from_db()
        assert (inquiry.contact_name, inquiry.phone) == ("Slettet efter anmodning", "")
        assert inquiry.email == f"slettet-{inquiry.pk}@anonymiseret.invalid"
        assert inquiry.message == f"Henvendelse {inquiry.reference}"  # the case still counts
    held["other"].refresh_from_db()
    held["foreign"].refresh_from_db()
    assert held["other"].contact_name == held["foreign"].contact_name == "Mette Brygger"
    log = ErasureLog.objects.get()
    assert (log.contact_id, log.cause, log.erased_by) == (contact.pk, ErasureCause.REQUEST, staff)
    assert (log.visits, log.inquiries, log.subscriptions, log.history_rows) == (1, 2, 1, 3)
    assert "Mette" not in str(ErasureLog.objects.values().get())
    after = rollup.rollup(municipality, date(2026, 1, 1), date(2026, 12, 31))
    assert after == before


def test_erasure_needs_a_reason_and_a_confirmation(client, staff, contact):
    client.force_login(staff)

    response = client.post(url("erase", contact), {"reason": "Anmodning"})

    assert response.status_code == 400
    assert "Anmodning" in response.content.decode()
    assert ContactPerson.objects.filter(pk=contact.pk).exists()


def test_committee_readers_get_403_and_outsiders_404(client, committee_reader, outsider, contact):
    client.force_login(committee_reader)
    assert client.get(url("detail", contact)).status_code == 200
    for name in ("export", "export_json", "erase"):
        assert client.get(url(name, contact)).status_code == 403
    assert client.post(url("erase", contact), {"reason": "x", "confirm": "on"}).status_code == 403
    client.force_login(outsider)
    for name in ("detail", "export", "export_json", "erase"):
        assert client.get(url(name, contact)).status_code == 404
    assert ContactPerson.objects.filter(pk=contact.pk).exists()


def test_staff_record_a_contact_person_with_a_legal_basis(client, staff, company):
    client.force_login(staff)
    create = reverse("contacts:create", kwargs={"code": "165", "company_id": company.pk})

    refused = client.post(create, {"name": "Ole Olsen", "legal_basis": ""})
    saved = client.post(
        create,
        {"name": "Ole Olsen", "legal_basis": "consent", "legal_basis_note": "Samtykke på mødet"},
    )

    assert refused.status_code == 400
    assert 'value="Ole Olsen"' in refused.content.decode()
    contact = ContactPerson.objects.get()
    assert saved["Location"] == url("detail", contact)
    assert (contact.legal_basis, contact.legal_basis_note) == ("consent", "Samtykke på mødet")


def retention(*args) -> str:
    out = StringIO()
    call_command("apply_retention", "--date", "2026-03-01", *args, stdout=out)
    return out.getvalue()


def test_the_retention_command_reports_then_erases_contacts_without_contact_for_36_months(
    municipality, company
):
    old = ContactPersonFactory(
        municipality=municipality, company=company, last_contact_on=date(2023, 2, 28)
    )
    kept = ContactPersonFactory(
        municipality=municipality, company=company, last_contact_on=date(2023, 3, 1)
    )
    never = ContactPersonFactory(municipality=municipality, company=company, last_contact_on=None)
    ContactPerson.objects.filter(pk=never.pk).update(
        created_at=timezone.now() - timedelta(days=4 * 365)
    )

    dry = retention("--dry-run")
    assert ContactPerson.objects.count() == 3
    real = retention()

    ids = f"{old.pk}, {never.pk}"
    assert dry == (
        f"Albertslund (165): would erase 2 contact person(s) with no contact since before "
        f"2023-03-01 (ids {ids}).\nRetention on 2026-03-01: would erase 2 contact person(s).\n"
    )
    assert real == (
        f"Albertslund (165): erased 2 contact person(s) with no contact since before "
        f"2023-03-01 (ids {ids}); 0 inquiry(ies) anonymised.\n"
        "Retention on 2026-03-01: erased 2 contact person(s).\n"
    )
    assert list(ContactPerson.objects.all()) == [kept]
    assert set(ErasureLog.objects.values_list("cause", flat=True)) == {ErasureCause.RETENTION}


def test_the_retention_period_is_a_setting(settings, municipality, company):
    settings.CONTACT_RETENTION_MONTHS = 12
    ContactPersonFactory(
        municipality=municipality, company=company, last_contact_on=date(2025, 2, 1)
    )

    assert "erased 1 contact person(s)" in retention()


def test_services_erase_by_retention_without_a_user(municipality, contact):
    log = services.erase_contact(contact=contact, cause=ErasureCause.RETENTION)

    assert (log.erased_by, log.reason) == (None, "")


def test_staff_change_a_contact_person_and_a_stale_page_is_refused(client, staff, contact):
    client.force_login(staff)
    edit = url("edit", contact)
    data = {
        "name": "Mette Brygger",
        "legal_basis": "consent",
        "legal_basis_note": "Samtykke 4. marts",
    }

    saved = client.post(edit, {**data, "version": 1, "title": "Adm. direktør"})
    stale = client.post(edit, {**data, "version": 1, "title": "Ejer"})

    assert saved.status_code == 302
    assert stale.status_code == 409
    assert 'value="Ejer"' in stale.content.decode()
    contact.refresh_from_db()
    assert (contact.title, contact.legal_basis, contact.version) == ("Adm. direktør", "consent", 2)
    assert contact.history.count() == 2
