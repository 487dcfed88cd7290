"""The closing rule: a tender is closed only once it is awarded and every bidder not selected
has been told why, whichever way the write comes (service, model save, the staff page)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from procurement import services
from procurement.enums import TenderStatus
from procurement.models import Bid, Tender

pytestmark = pytest.mark.django_db


def _tell(bid):
    return services.record_debriefing(
        bid=bid, told_on=date(2026, 12, 1), reason="Prisen var højere.", told_by="Indkøbschefen"
    )


def test_closing_is_refused_until_every_non_selected_bidder_is_told(tender, bids):
    chosen, other, third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    _tell(other)

    with pytest.raises(ValidationError) as refused:
        services.close_tender(tender=tender)

    assert "Tredje Firma I/S" in str(refused.value)
    assert "Andet Firma" not in str(refused.value)
    assert Tender.objects.get(pk=tender.pk).status == TenderStatus.AWARDED

    _tell(third)
    closed = services.close_tender(tender=tender, closed_on=date(2026, 12, 5))

    assert closed.status == TenderStatus.CLOSED
    assert Tender.objects.get(pk=tender.pk).closed_on == date(2026, 12, 5)


def test_closing_is_refused_before_the_award(tender, bids):
    with pytest.raises(ValidationError, match="før det er tildelt"):
        services.close_tender(tender=tender)


def test_closing_is_refused_by_a_plain_save_too(tender, bids):
    chosen, _other, _third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    tender.refresh_from_db()
    tender.status = TenderStatus.CLOSED

    with pytest.raises(ValidationError):
        tender.save()

    assert Tender.objects.get(pk=tender.pk).status == TenderStatus.AWARDED


def test_a_tender_without_other_bidders_closes_at_once_after_the_award(tender, firm):
    only = services.add_bid(
        tender=tender, company_name=firm.name, cvr_number="", received_on=date(2026, 11, 20)
    )
    services.award(tender=tender, bid=only, awarded_on=date(2026, 11, 30))

    assert services.close_tender(tender=tender).status == TenderStatus.CLOSED


def test_no_bid_is_added_to_a_closed_tender(tender, bids):
    chosen, other, third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    _tell(other)
    _tell(third)
    services.close_tender(tender=tender)

    with pytest.raises(ValidationError, match="afsluttet"):
        services.add_bid(tender=tender, company_name="Sent Firma", received_on=date(2026, 12, 6))
    assert Bid.objects.filter(tender=tender).count() == 3


def test_a_debriefing_of_a_closed_tender_cannot_be_deleted(tender, bids):
    chosen, other, third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    debriefing = _tell(other)
    _tell(third)
    services.close_tender(tender=tender)

    with pytest.raises(ValidationError):
        debriefing.delete()


def test_the_selected_bid_gets_no_refusal_and_a_refused_bid_cannot_win(tender, bids):
    chosen, other, _third = bids
    _tell(other)

    with pytest.raises(ValidationError, match="afslag"):
        services.award(tender=tender, bid=other, awarded_on=date(2026, 11, 30))

    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    chosen.refresh_from_db()
    with pytest.raises(ValidationError, match="valgte tilbud"):
        _tell(chosen)


def test_the_close_button_is_refused_with_the_bidders_named(client, staff, tender, bids):
    chosen, other, _third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    _tell(other)
    client.force_login(staff)

    response = client.post(
        reverse("procurement:close", kwargs={"code": "165", "tender_id": tender.pk}),
        follow=False,
    )

    assert response.status_code == 400
    assert "Tredje Firma I/S" in response.content.decode()
    assert Tender.objects.get(pk=tender.pk).status == TenderStatus.AWARDED


def test_staff_record_a_debriefing_and_then_close(client, staff, tender, bids):
    chosen, other, third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    client.force_login(staff)
    for bid in (other, third):
        response = client.post(
            reverse("procurement:debrief", kwargs={"code": "165", "bid_id": bid.pk}),
            {
                f"bud{bid.pk}-told_on": "2026-12-01",
                f"bud{bid.pk}-reason": "Kvaliteten vægtede højest.",
                f"bud{bid.pk}-told_by": "Jens",
            },
        )
        assert response.status_code == 302

    response = client.post(
        reverse("procurement:close", kwargs={"code": "165", "tender_id": tender.pk})
    )

    assert response.status_code == 302
    assert Tender.objects.get(pk=tender.pk).status == TenderStatus.CLOSED
    assert other.debriefing.told_by == "Jens"


@pytest.mark.django_db(transaction=True)
def test_closing_and_a_late_bid_at_the_same_time_leave_no_untold_bidder(municipality, firm):
    """On PostgreSQL the tender row is locked by both paths; either the bid comes first and the
    closing is refused, or the closing comes first and the bid is refused."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    import threading

    from django.db import connections

    tender = services.create_tender(
        municipality=municipality,
        title="Snerydning",
        expected_publication=date(2027, 1, 1),
        contact_name="Indkøb",
        contact_email="indkob@albertslund.example",
        is_public=True,
    )
    chosen = services.add_bid(tender=tender, company_name=firm.name, received_on=date(2026, 11, 20))
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    barrier = threading.Barrier(2)

    def run(work):
        try:
            barrier.wait()
            work()
        except ValidationError:
            pass
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(lambda: services.close_tender(tender=tender),)),
        threading.Thread(
            target=run,
            args=(
                lambda: services.add_bid(
                    tender=tender, company_name="Sent Firma", received_on=date(2026, 12, 1)
                ),
            ),
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    tender.refresh_from_db()
    untold = list(tender.untold_bids())
    assert not (tender.status == TenderStatus.CLOSED and untold)


def test_a_debriefing_without_a_reason_is_refused_on_its_own_bid(client, staff, tender, bids):
    chosen, other, third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    client.force_login(staff)

    response = client.post(
        reverse("procurement:debrief", kwargs={"code": "165", "bid_id": other.pk}),
        {
            f"bud{other.pk}-told_on": "2026-12-01",
            f"bud{other.pk}-reason": "",
            f"bud{other.pk}-told_by": "Jens",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert f'id="id_bud{other.pk}-reason"' in page and f'id="id_bud{third.pk}-reason"' in page
    assert page.count('aria-invalid="true"') == 1
    assert not Bid.objects.filter(debriefing__isnull=False).exists()
