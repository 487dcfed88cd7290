"""What the company page shows from procurement: the firm's interest registrations, bids, wins
and refusals with their reason given (registered in `ProcurementConfig.ready` with
`businesses.timeline`), read in one query (a UNION of interests and bids)."""

from __future__ import annotations

from django.db.models import BooleanField, CharField, DateField, ExpressionWrapper, F, Q, Value
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils.translation import gettext as _

from businesses.timeline import Entry
from procurement.models import Bid, InterestRegistration

COLUMNS = ["on", "kind", "tender_id", "tender_title", "won", "awarded", "told"]


def entries(company, municipality) -> list[Entry]:
    interests = (
        InterestRegistration.objects.of_municipality(municipality)
        .filter(company=company)
        .annotate(
            on=TruncDate("registered_at"),
            kind=Value("interest", output_field=CharField()),
            tender_title=F("tender__title"),
            won=Value(False, output_field=BooleanField()),
            awarded=Value(None, output_field=DateField()),
            told=Value(None, output_field=DateField()),
        )
        .order_by()  # a UNION's parts take no ORDER BY (SQLite)
        .values_list(*COLUMNS)
    )
    bids = (
        Bid.objects.of_municipality(municipality)
        .filter(company=company)
        .annotate(
            on=F("received_on"),
            kind=Value("bid", output_field=CharField()),
            tender_title=F("tender__title"),
            won=ExpressionWrapper(Q(tender__awarded_bid=F("pk")), output_field=BooleanField()),
            awarded=F("tender__awarded_on"),
            told=F("debriefing__told_on"),
        )
        .order_by()  # a UNION's parts take no ORDER BY (SQLite)
        .values_list(*COLUMNS)
    )
    found = []
    for on, kind, tender_id, title, won, awarded, told in interests.union(bids, all=True):
        url = reverse(
            "procurement:detail", kwargs={"code": municipality.code, "tender_id": tender_id}
        )
        if kind == "interest":
            found.append(Entry(on, _("Interesse for udbud"), title, url))
            continue
        found.append(Entry(on, _("Tilbud"), title, url))
        if won:
            found.append(Entry(awarded or on, _("Udbud vundet"), title, url))
        if told:
            found.append(Entry(told, _("Afslag med begrundelse"), title, url))
    return found
