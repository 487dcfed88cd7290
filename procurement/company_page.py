"""What the company page shows from procurement: the firm's interest registrations and bids
(registered in `ProcurementConfig.ready` with `businesses.timeline`), one query each."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from businesses.timeline import Entry
from procurement.models import Bid, InterestRegistration


def _url(municipality, tender_id) -> str:
    return reverse("procurement:detail", kwargs={"code": municipality.code, "tender_id": tender_id})


def entries(company, municipality) -> list[Entry]:
    interests = (
        InterestRegistration.objects.of_municipality(municipality)
        .filter(company=company)
        .select_related("tender")
    )
    bids = Bid.objects.of_municipality(municipality).filter(company=company).select_related(
        "tender", "debriefing"
    )
    found = [
        Entry(
            timezone.localdate(interest.registered_at),
            _("Interesse for udbud"),
            interest.tender.title,
            _url(municipality, interest.tender_id),
        )
        for interest in interests
    ]
    for bid in bids:
        found.append(
            Entry(bid.received_on, _("Tilbud"), bid.tender.title, _url(municipality, bid.tender_id))
        )
        if bid.tender.awarded_bid_id == bid.pk:
            found.append(
                Entry(
                    bid.tender.awarded_on or bid.received_on,
                    _("Udbud vundet"),
                    bid.tender.title,
                    _url(municipality, bid.tender_id),
                )
            )
        debriefing = getattr(bid, "debriefing", None)
        if debriefing is not None:
            found.append(
                Entry(
                    debriefing.told_on,
                    _("Afslag med begrundelse"),
                    bid.tender.title,
                    _url(municipality, bid.tender_id),
                )
            )
    return found
