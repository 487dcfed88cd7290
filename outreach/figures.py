"""The yearly counts of the logs and the platform sources goals can be counted from
(`strategy.sources`, registered in `OutreachConfig.ready`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from outreach.enums import Reach
from outreach.models import AdviceSession, MediaMention
from strategy.sources import PlatformSource


def mentions_per_year(municipality) -> list[dict]:
    """Per year: all mentions and the national ones, newest year first."""
    return list(
        MediaMention.objects.of_municipality(municipality)
        .annotate(year=ExtractYear("mentioned_on"))
        .values("year")
        .annotate(total=Count("pk"), national=Count("pk", filter=Q(reach=Reach.NATIONAL)))
        .order_by("-year")
    )


def _advised_keys(municipality, first_day: date, last_day: date) -> set[str]:
    """One key per entrepreneur advised in the period: the CVR number, or the name as written
    (an anonymised session without a CVR number counts as its own)."""
    keys = set()
    rows = AdviceSession.objects.of_municipality(municipality).filter(
        advised_on__gte=first_day, advised_on__lte=last_day
    )
    for pk, cvr, name, anonymised in rows.values_list(
        "pk", "cvr_number", "advised", "is_anonymised"
    ):
        if cvr:
            keys.add(f"cvr:{cvr}")
        elif anonymised:
            keys.add(f"row:{pk}")
        else:
            keys.add("name:" + " ".join(name.casefold().split()))
    return keys


def advice_per_year(municipality) -> list[dict]:
    """Per year: sessions and distinct entrepreneurs advised, newest year first."""
    years = (
        AdviceSession.objects.of_municipality(municipality)
        .annotate(year=ExtractYear("advised_on"))
        .values("year")
        .annotate(sessions=Count("pk"))
        .order_by("-year")
    )
    return [
        row
        | {
            "advised": len(
                _advised_keys(municipality, date(row["year"], 1, 1), date(row["year"], 12, 31))
            )
        }
        for row in years
    ]


def national_mentions(municipality, first_day: date, last_day: date) -> Decimal:
    return Decimal(
        MediaMention.objects.of_municipality(municipality)
        .filter(reach=Reach.NATIONAL, mentioned_on__gte=first_day, mentioned_on__lte=last_day)
        .count()
    )


def entrepreneurs_advised(municipality, first_day: date, last_day: date) -> Decimal:
    return Decimal(len(_advised_keys(municipality, first_day, last_day)))


SOURCES = [
    PlatformSource(
        key="outreach.national_media_mentions",
        label=_("Erhvervsomtale i landsdækkende medier og fagblade (antal)"),
        origin=_(
            "Antallet af medieomtaler i perioden, som er registreret i Kurs' log over "
            "medieomtale som landsdækkende medie eller fagblad."
        ),
        measure=national_mentions,
    ),
    PlatformSource(
        key="outreach.entrepreneurs_advised",
        label=_("Iværksættere rådgivet (antal)"),
        origin=_(
            "Antallet af forskellige iværksættere (samme CVR-nummer eller navn tælles én gang), "
            "der er registreret rådgivet i perioden i Kurs' log over iværksætterrådgivning."
        ),
        measure=entrepreneurs_advised,
    ),
]
