"""Read-side querysets of the tender pages."""

from __future__ import annotations

from django.db.models import Count, Prefetch

from procurement.enums import TenderStatus
from procurement.models import Bid, Tender


def public_tenders(municipality):
    """What the public page shows: tenders marked public and not yet closed."""
    return (
        Tender.objects.of_municipality(municipality)
        .filter(is_public=True)
        .exclude(status=TenderStatus.CLOSED)
        .order_by("expected_publication", "title")
    )


def tender_list(municipality):
    return (
        Tender.objects.of_municipality(municipality)
        .annotate(
            interest_count=Count("interests", distinct=True), bid_count=Count("bids", distinct=True)
        )
        .order_by("-expected_publication", "title")
    )


def tender_page(municipality):
    return (
        Tender.objects.of_municipality(municipality)
        .select_related("awarded_bid")
        .prefetch_related(
            "meetings",
            "interests",
            Prefetch("bids", Bid.objects.select_related("debriefing", "company")),
        )
    )
