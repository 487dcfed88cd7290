"""The staff pages: who may see and change tenders, editing with a version check, and what the
company page shows of bids."""

from datetime import date

import pytest
from django.urls import reverse

from businesses import timeline
from procurement import services
from procurement.models import Bid, DialogueMeeting, Tender

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"procurement:{name}", kwargs={"code": "165", **kwargs})


def _edit_data(tender, **changes):
    return {
        "title": tender.title,
        "description": tender.description,
        "expected_publication": "2027-01-15",
        "estimated_value": "1.250.000",
        "contact_name": tender.contact_name,
        "contact_email": tender.contact_email,
        "contact_phone": "",
        "is_public": "on",
        "version": tender.version,
        **changes,
    }


def test_an_outsider_gets_404_and_a_committee_reader_403_on_changes(
    client, outsider, committee_reader, tender
):
    client.force_login(outsider)
    assert client.get(url("detail", tender_id=tender.pk)).status_code == 404

    client.force_login(committee_reader)
    assert client.get(url("detail", tender_id=tender.pk)).status_code == 200
    assert client.post(url("edit", tender_id=tender.pk), _edit_data(tender)).status_code == 403
    assert client.post(url("close", tender_id=tender.pk)).status_code == 403
    assert Tender.objects.get(pk=tender.pk).estimated_value is None


def test_staff_edit_a_tender_with_a_danish_amount(client, staff, tender):
    client.force_login(staff)

    response = client.post(url("edit", tender_id=tender.pk), _edit_data(tender))

    assert response.status_code == 302
    assert Tender.objects.get(pk=tender.pk).estimated_value == 1250000


def test_a_stale_edit_is_refused(client, staff, tender):
    client.force_login(staff)
    stale = _edit_data(tender)
    client.post(url("edit", tender_id=tender.pk), _edit_data(tender, title="Ny titel"))

    response = client.post(url("edit", tender_id=tender.pk), stale | {"title": "Min titel"})

    assert response.status_code == 409
    assert Tender.objects.get(pk=tender.pk).title == "Ny titel"


def test_an_implausible_date_or_huge_amount_is_refused(client, staff, tender):
    client.force_login(staff)

    dated = client.post(
        url("edit", tender_id=tender.pk), _edit_data(tender, expected_publication="3000-01-01")
    )
    huge = client.post(
        url("edit", tender_id=tender.pk), _edit_data(tender, estimated_value="9" * 30)
    )

    assert dated.status_code == 400 and huge.status_code == 400
    assert "2100" in dated.content.decode()


def test_staff_record_a_dialogue_meeting_and_bids(client, staff, tender, firm, municipality):
    client.force_login(staff)

    client.post(
        url("meeting_add", tender_id=tender.pk),
        {"held_on": "2026-10-01", "participants": "Tre lokale rengøringsfirmaer", "note": ""},
    )
    client.post(
        url("bid_add", tender_id=tender.pk),
        {"company_name": firm.name, "cvr_number": firm.cvr_number, "received_on": "2026-11-20"},
    )
    duplicate = client.post(
        url("bid_add", tender_id=tender.pk),
        {"company_name": firm.name, "cvr_number": "", "received_on": "2026-11-21"},
    )

    assert DialogueMeeting.objects.get().participants == "Tre lokale rengøringsfirmaer"
    assert duplicate.status_code == 400
    assert Bid.objects.get().company == firm
    page = client.get(url("detail", tender_id=tender.pk)).content.decode()
    assert "Tre lokale rengøringsfirmaer" in page and firm.name in page
    assert [e.kind for e in timeline.entries(firm, municipality)] == ["Tilbud"]


def test_the_award_and_the_refusals_reach_the_company_timeline(municipality, tender, bids, firm):
    chosen, other, _third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))

    kinds = [e.kind for e in timeline.entries(firm, municipality)]

    assert kinds == ["Udbud vundet", "Tilbud"]
