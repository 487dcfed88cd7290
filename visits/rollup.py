"""What firms say, per industry and topic: for a period, how many visits touched each topic of
the municipality's list and how many needs were raised under it, per industry section of the
visited firm (`businesses.industries`), so that it reaches the strategy.

Counting rules:
- a visit counts once in each of its topics' columns, and once in its industry's total;
- a need counts in its own topic's column (a need without a topic counts in no column);
- a firm without an industry code, or with one the tables do not know, is counted under
  "Uoplyst branche";
- the period includes both days; visits are dated by the day of the visit.

Four queries, however many visits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from businesses.industries import BY_KEY, UNKNOWN_KEY, section_of
from visits.models import Need, Visit, VisitTopic

UNKNOWN_LABEL = _("Uoplyst branche")


@dataclass(frozen=True)
class Cell:
    topic: VisitTopic
    visits: int
    needs: int


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    visits: int
    cells: list[Cell]


@dataclass(frozen=True)
class Rollup:
    first: date
    last: date
    topics: list[VisitTopic]
    rows: list[Row]

    @property
    def visits(self) -> int:
        return sum(row.visits for row in self.rows)


def industry_key(code: str, system: str) -> str:
    section = section_of(code, system)
    return section.key if section else UNKNOWN_KEY


def industry_label(key: str) -> str:
    section = BY_KEY.get(key)
    return f"{section.letter} {section.name} ({section.system})" if section else str(UNKNOWN_LABEL)


def in_period(municipality, first: date, last: date):
    return Visit.objects.of_municipality(municipality).filter(visited_on__range=(first, last))


def _section_q(section) -> Q:
    """Visits to firms whose code lies in `section` (a code without a system is DB07's)."""
    prefixes = Q()
    for prefix in section.prefixes():
        prefixes |= Q(company__industry_code__startswith=prefix)
    system = Q(company__industry_code_system=section.system)
    if section.system == "DB07":
        system |= Q(company__industry_code_system="")
    return prefixes & system


def in_industry(visits, key: str):
    """`visits` to firms of the industry section `key`, or of none known (`UNKNOWN_KEY`)."""
    section = BY_KEY.get(key)
    if section is not None:
        return visits.filter(_section_q(section))
    known = Q()
    for each in BY_KEY.values():
        known |= _section_q(each)
    return visits.exclude(known)


def rollup(municipality, first: date, last: date) -> Rollup:
    visits = in_period(municipality, first, last)
    topics = list(VisitTopic.objects.of_municipality(municipality))
    industry_of_visit = {
        pk: industry_key(code, system)
        for pk, code, system in visits.values_list(
            "pk", "company__industry_code", "company__industry_code_system"
        )
    }
    visit_counts = Counter()
    for visit_id, topic_id in Visit.topics.through.objects.filter(visit__in=visits).values_list(
        "visit_id", "visittopic_id"
    ):
        visit_counts[industry_of_visit[visit_id], topic_id] += 1
    need_counts = Counter(
        (industry_key(code, system), topic_id)
        for topic_id, code, system in Need.objects.filter(
            visit__in=visits, topic__isnull=False
        ).values_list(
            "topic_id", "visit__company__industry_code", "visit__company__industry_code_system"
        )
    )
    totals = Counter(industry_of_visit.values())
    rows = [
        Row(
            key,
            industry_label(key),
            totals[key],
            [Cell(t, visit_counts[key, t.pk], need_counts[key, t.pk]) for t in topics],
        )
        for key in sorted(totals, key=lambda k: (k == UNKNOWN_KEY, k))
    ]
    return Rollup(first, last, topics, rows)
