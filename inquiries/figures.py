"""Monthly figures of the service promises, per team and topic, and the figures goals can be
counted from (`strategy.sources`, registered in `InquiriesConfig.ready`).

Per month (the month a case was closed, on the Copenhagen calendar), team and topic:
- closed: the inquiries closed;
- kept and kept share: of those with a verdict (a topic that promises nothing gives none), how
  many kept every promise (`inquiries.promises`: first response by its deadline, resolution
  within the upper bound) and their share;
- median and 90th percentile of the net time in calendar days (the resolution clock, less the
  pauses), the nearest-rank percentile: the smallest time that at least 90 % of the cases
  were within, so the figure is always one a real case had.

Goal sources (per municipality and period, by closing date or answer date):
- `inquiries.kept_share`: the share in percent of closed inquiries that kept their promise;
- `inquiries.satisfied_share`: the share in percent of satisfaction answers that were
  "satisfied", the figure of the goal that most businesses experience one entry.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from inquiries.clock import TIME_ZONE
from inquiries.models import Inquiry, SatisfactionAnswer
from strategy.sources import PlatformSource


@dataclass(frozen=True)
class MonthFigures:
    month: date
    team: str
    topic: str
    closed: int
    judged: int
    kept: int
    median_days: float | None
    p90_days: float | None

    @property
    def kept_share(self) -> float | None:
        return self.kept / self.judged if self.judged else None


def nearest_rank(values: list[float], share: float) -> float | None:
    """The smallest value at least `share` of `values` are within (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _span(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """The instants from the start of `first_day` to the end of `last_day` in Copenhagen."""
    start = datetime.combine(first_day, time(), tzinfo=TIME_ZONE)
    return start, datetime.combine(last_day + timedelta(days=1), time(), tzinfo=TIME_ZONE)


def monthly(municipality, first_day: date, last_day: date) -> list[MonthFigures]:
    """The figures of the inquiries closed from `first_day` to `last_day`, by month, team and
    topic, in that order. One query."""
    start, end = _span(first_day, last_day)
    rows = (
        Inquiry.objects.of_municipality(municipality)
        .filter(closed_at__gte=start, closed_at__lt=end)
        .values_list("closed_at", "team__name", "topic__name", "kept", "net_days")
    )
    groups = defaultdict(list)
    for closed_at, team, topic, kept, net in rows:
        month = closed_at.astimezone(TIME_ZONE).date().replace(day=1)
        groups[(month, team, topic)].append((kept, net))
    figures = []
    for (month, team, topic), cases in sorted(groups.items()):
        days = [net for _kept, net in cases if net is not None]
        figures.append(
            MonthFigures(
                month=month,
                team=team,
                topic=topic,
                closed=len(cases),
                judged=sum(kept is not None for kept, _net in cases),
                kept=sum(kept is True for kept, _net in cases),
                median_days=statistics.median(days) if days else None,
                p90_days=nearest_rank(days, 0.9),
            )
        )
    return figures


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


def kept_share(municipality, first_day: date, last_day: date) -> Decimal | None:
    start, end = _span(first_day, last_day)
    verdicts = list(
        Inquiry.objects.of_municipality(municipality)
        .filter(closed_at__gte=start, closed_at__lt=end, kept__isnull=False)
        .values_list("kept", flat=True)
    )
    return _percent(sum(verdicts), len(verdicts))


def satisfied_share(municipality, first_day: date, last_day: date) -> Decimal | None:
    start, end = _span(first_day, last_day)
    answers = list(
        SatisfactionAnswer.objects.of_municipality(municipality)
        .filter(answered_at__gte=start, answered_at__lt=end)
        .values_list("satisfied", flat=True)
    )
    return _percent(sum(answers), len(answers))


SOURCES = [
    PlatformSource(
        key="inquiries.kept_share",
        label=_("Henvendelser besvaret inden for servicemålet (%)"),
        origin=_(
            "Andelen af de afsluttede henvendelser i perioden, hvor både første svar og "
            "afgørelse kom inden for emnets servicemål, regnet fra sagernes hændelseslog."
        ),
        measure=kept_share,
    ),
    PlatformSource(
        key="inquiries.satisfied_share",
        label=_("Virksomheder, der var tilfredse med deres henvendelse (%)"),
        origin=_(
            "Andelen af svarene på tilfredshedsspørgsmålet i perioden, der var 'tilfreds'. "
            "Spørgsmålet sendes med ét klik i mailen, når en henvendelse afsluttes."
        ),
        measure=satisfied_share,
    ),
]
