"""What the import pages read: the document with its proposals marked, the decisions counted,
and the national library of imported goals."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from imports.models import Decision, DocumentImport, Proposal
from strategy.enums import PlanStatus

LIBRARY_PAGE = 100


@dataclass
class Segment:
    text: str
    proposal_id: int | None = None
    decision: str = ""


def marked_segments(text: str, proposals) -> list[Segment]:
    """`text` cut at each proposal's sentence, so the template can put each in a <mark>.

    Overlapping sentences (two goals from one sentence) are marked once, by the first."""
    segments, position = [], 0
    for proposal in sorted(proposals, key=lambda p: (p.start, p.pk)):
        start, end = max(proposal.start, position), min(proposal.end, len(text))
        if end <= start:
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], proposal.pk, proposal.decision))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


@dataclass
class DecisionCounts:
    proposed: int
    pending: int
    accepted: int
    edited: int
    rejected: int

    @property
    def mistakes(self) -> int:
        """Proposals a person had to correct or throw away: the extractor's mistakes."""
        return self.edited + self.rejected


def decision_counts(proposals) -> DecisionCounts:
    totals = proposals.aggregate(
        proposed=Count("pk"),
        pending=Count("pk", filter=Q(decision=Decision.PENDING)),
        accepted=Count("pk", filter=Q(decision=Decision.ACCEPTED)),
        edited=Count("pk", filter=Q(decision=Decision.EDITED)),
        rejected=Count("pk", filter=Q(decision=Decision.REJECTED)),
    )
    return DecisionCounts(**totals)


def imports_of(municipality):
    return (
        DocumentImport.objects.of_municipality(municipality)
        .select_related("plan", "uploaded_by")
        .annotate(
            proposal_count=Count("proposals"),
            mistake_count=Count(
                "proposals", filter=Q(proposals__decision__in=[Decision.EDITED, Decision.REJECTED])
            ),
        )
        .defer("text")
    )


def visible_imports(member_ids: set[int]):
    """Imports anyone may read (the plan is adopted) and the drafts of the user's own
    municipalities."""
    return DocumentImport.objects.filter(
        Q(plan__status=PlanStatus.ADOPTED) | Q(municipality_id__in=member_ids)
    )


def library_goals(*, member_ids: set[int], query: str = ""):
    """Goals of imported documents across municipalities, the kept ones once a plan exists
    (else every proposal not rejected), matching `query` in the metric, unit or sentence."""
    proposals = (
        Proposal.objects.filter(document_import__in=visible_imports(member_ids))
        .exclude(decision=Decision.REJECTED)
        .select_related("document_import__municipality", "document_import__plan")
        .order_by("document_import__municipality__name", "document_import", "order")
    )
    if query:
        proposals = proposals.filter(
            Q(metric__icontains=query) | Q(sentence__icontains=query) | Q(unit__icontains=query)
        )
    return proposals


def library_overview(member_ids: set[int]):
    """Per municipality: how many imported documents and goals the user may read."""
    return (
        visible_imports(member_ids)
        .values("municipality__name")
        .annotate(
            documents=Count("pk", distinct=True),
            goals=Count("proposals", filter=~Q(proposals__decision=Decision.REJECTED)),
        )
        .order_by("municipality__name")
    )
