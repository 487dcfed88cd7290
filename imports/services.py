"""Importing a document, deciding each proposed goal, and creating the plan: all or nothing.

Each function owns its transaction. A decision claims the proposal's next version
(`core.concurrency`), so of two staff deciding the same proposal at once the second is refused
and nothing is overwritten. `create_plan` writes the plan, its tracks, themes and goals in one
transaction through the models' `full_clean`: a goal the strategy rules refuse rolls back
everything, and the message names the proposal.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import claim_next_version
from imports.extract import DocumentError, extract, goal_json, read_file
from imports.models import (
    DOCUMENT_TEXT_MAX_CHARS,
    Decision,
    DocumentImport,
    Proposal,
    ProposalKind,
)
from strategy.enums import (
    Comparator,
    DataSource,
    Direction,
    GoalKind,
    PlanKind,
    PlanStatus,
    Recurrence,
    TrackKind,
)
from strategy.models import Goal, Plan, Theme, Track
from strategy.services import refresh_goal_status

# The values a person may change on a proposal (the edit form's fields).
EDITABLE = [
    "title",
    "kind",
    "metric",
    "comparator",
    "target",
    "target_high",
    "unit",
    "deadline_year",
    "recurring",
    "recurring_from",
    "baseline_value",
    "baseline_year",
    "track_title",
    "theme_title",
]


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _proposed_values(goal: dict) -> dict:
    """A proposal's editable values from the extractor's reading of one goal."""
    deadline = goal["deadline"]
    baseline = goal["baseline"] or {}
    return {
        "title": " ".join(goal["text"].split())[:500],
        "kind": goal["kind"],
        "metric": (goal["metric"] or "")[:300],
        "comparator": goal["comparator"] or "",
        "target": _decimal(goal["target"]),
        "target_high": _decimal(goal["target_high"]),
        "unit": (goal["unit"] or "")[:50],
        "deadline_year": int(str(deadline)[:4]) if deadline else None,
        "recurring": bool(goal["recurring"]),
        "recurring_from": goal["recurring_from"],
        "baseline_value": _decimal(baseline.get("value")),
        "baseline_year": baseline.get("year"),
        "track_title": (goal["track"] or "")[:200],
        "theme_title": (goal["theme"] or "")[:200],
    }


def import_document(*, municipality, user, upload) -> DocumentImport:
    """Read `upload` (an uploaded file), propose its plan and goals, and keep both.

    Raises ValidationError with a Danish message for a file Kurs cannot read (wrong kind, a
    scan, damaged, too large)."""
    try:
        source = read_file(upload, upload.name)
    except DocumentError as error:
        raise ValidationError({"document": str(error)}) from error
    if len(source.text) > DOCUMENT_TEXT_MAX_CHARS:
        raise ValidationError({"document": _("Dokumentet har for meget tekst til at blive læst.")})
    extraction = extract(source)
    kinds = {value for value, _label in PlanKind.choices}
    document_import = DocumentImport(
        municipality=municipality,
        document=upload,
        file_name=upload.name[:255],
        text=source.text,
        title=(extraction.title or upload.name)[:200],
        kind=extraction.kind if extraction.kind in kinds else PlanKind.STRATEGY,
        period_start=extraction.period_start,
        period_end=extraction.period_end,
        structure=extraction.as_json()["structure"],
        uploaded_by=user,
    )
    document_import.full_clean()
    with transaction.atomic():
        document_import.save()
        proposals = []
        for order, goal in enumerate(extraction.goals):
            data = goal_json(goal)
            proposal = Proposal(
                document_import=document_import,
                order=order,
                sentence=goal.text,
                start=goal.start,
                end=goal.end,
                original=data,
                **_proposed_values(data),
            )
            proposal.full_clean(exclude=["document_import"])
            proposals.append(proposal)
        Proposal.objects.bulk_create(proposals)
    return document_import


def _refusal(message: str) -> ValidationError:
    """A refusal of the whole request (not of one field), as forms show it."""
    return ValidationError({NON_FIELD_ERRORS: [message]})


def _refuse_after_creation(document_import: DocumentImport) -> None:
    if document_import.plan_id:
        raise _refusal(
            _("Planen er allerede oprettet ud fra dokumentet; forslagene kan ikke længere ændres.")
        )


CONCURRENT = _(
    "Forslaget er blevet besluttet af en anden, siden du åbnede siden. Din beslutning er ikke "
    "gemt: genindlæs siden og se, hvad der blev besluttet."
)


def decide(
    *, proposal: Proposal, user, expected_version: int, decision: str, changes: dict | None = None
) -> Proposal:
    """Accept, reject or edit `proposal`, unless someone decided it since `expected_version`.

    Accepting takes the extractor's values as they were; editing keeps them in `original` and
    stores `changes`; an edit that changes nothing counts as accepted. Raises
    ConcurrentEditError (nothing written) or ValidationError."""
    if decision not in (Decision.ACCEPTED, Decision.EDITED, Decision.REJECTED):
        raise _refusal(_("Vælg godkend, ret eller afvis."))
    with transaction.atomic():
        document_import = DocumentImport.objects.select_for_update().get(
            pk=proposal.document_import_id
        )
        _refuse_after_creation(document_import)
        claim_next_version(proposal, expected_version=expected_version, message=str(CONCURRENT))
        proposed = _proposed_values(proposal.original)
        if decision == Decision.EDITED:
            values = {**proposed, **{k: v for k, v in (changes or {}).items() if k in EDITABLE}}
            if values == proposed:
                decision = Decision.ACCEPTED
        else:
            values = proposed
        for name, value in values.items():
            setattr(proposal, name, value)
        proposal.decision = decision
        proposal.decided_by = user
        proposal.decided_at = timezone.now()
        proposal.full_clean()
        proposal.save()
    return proposal


def accept_remaining(*, document_import: DocumentImport, user) -> int:
    """Accept every proposal not yet decided, as the extractor read it. Returns how many."""
    with transaction.atomic():
        document_import = DocumentImport.objects.select_for_update().get(pk=document_import.pk)
        _refuse_after_creation(document_import)
        pending = document_import.proposals.filter(decision=Decision.PENDING)
        return pending.update(
            decision=Decision.ACCEPTED,
            decided_by=user,
            decided_at=timezone.now(),
            version=F("version") + 1,
        )


def _goal_from(proposal: Proposal, plan: Plan, track, theme, order: int) -> Goal:
    deadline = date(proposal.deadline_year, 12, 31) if proposal.deadline_year else None
    goal = Goal(
        plan=plan,
        track=track,
        theme=theme,
        title=proposal.title,
        description=_("Fra dokumentet: »%(sentence)s«") % {"sentence": proposal.sentence[:2000]},
        order=order,
        metric=proposal.metric,
        unit=proposal.unit,
        deadline=deadline,
        deadline_text=proposal.deadline_text
        or (proposal.original.get("deadline_text") or "")[:100],
        data_source=DataSource.MANUAL,
    )
    if proposal.kind == ProposalKind.QUANTIFIED and proposal.target is not None:
        goal.kind = GoalKind.QUANTIFIED
        goal.target_value = proposal.target
        goal.comparator = proposal.comparator or Comparator.AT_LEAST
        goal.direction = (
            Direction.LOWER_IS_BETTER
            if goal.comparator == Comparator.AT_MOST
            else Direction.HIGHER_IS_BETTER
        )
        if proposal.baseline_value is not None:
            goal.baseline_value = proposal.baseline_value
            year = proposal.baseline_year or plan.period_start
            goal.baseline_date = date(year, 1, 1)
            derived = (proposal.original.get("baseline") or {}).get("derived")
            goal.baseline_source = (
                _("Afledt af dokumentets måltal og stigning") if derived else _("Dokumentet")
            )
        if proposal.recurring:
            goal.recurrence = Recurrence.YEARLY
            goal.recurrence_from_year = (
                proposal.recurring_from or proposal.deadline_year or plan.period_start
            )
    elif deadline is not None:
        goal.kind = GoalKind.MILESTONE
    else:
        goal.kind = GoalKind.QUALITATIVE
    return goal


def create_plan(
    *,
    document_import: DocumentImport,
    user,
    title: str,
    kind: str,
    period_start: int,
    period_end: int,
) -> Plan:
    """Create the plan, its tracks and themes, and a goal for every accepted or edited proposal,
    in one transaction: any refusal writes nothing. Every proposal must be decided first.

    Raises ValidationError naming what was refused."""
    with transaction.atomic():
        document_import = DocumentImport.objects.select_for_update().get(pk=document_import.pk)
        _refuse_after_creation(document_import)
        proposals = list(document_import.proposals.order_by("order", "pk"))
        pending = [p for p in proposals if p.decision == Decision.PENDING]
        if pending:
            raise _refusal(
                _("%(count)s forslag er ikke besluttet endnu. Godkend, ret eller afvis dem først.")
                % {"count": len(pending)}
            )
        plan = Plan(
            municipality=document_import.municipality,
            kind=kind,
            title=title,
            status=PlanStatus.DRAFT,
            period_start=period_start,
            period_end=period_end,
            source_document=document_import.document.name,
        )
        plan.full_clean(exclude=["source_document"])
        plan._history_user = user
        plan._change_reason = _("Oprettet fra dokument")
        plan.save()

        kept = [p for p in proposals if p.is_kept]
        tracks: dict[str, Track] = {}
        themes: dict[tuple[str, str], Theme] = {}
        structure = {item["title"]: item for item in document_import.structure}
        wanted_tracks = list(structure) + [
            p.track_title for p in kept if p.track_title and p.track_title not in structure
        ]
        for order, name in enumerate(dict.fromkeys(wanted_tracks)):
            item = structure.get(name, {})
            track = Track(
                plan=plan,
                title=name[:200],
                order=order,
                kind=TrackKind.CROSS_CUTTING
                if item.get("kind") == "cross_cutting"
                else TrackKind.STRATEGIC,
            )
            track.full_clean()
            track._history_user = user
            track.save()
            tracks[name] = track
        goal_ids = []
        for order, proposal in enumerate(kept):
            track = tracks.get(proposal.track_title)
            theme = None
            if proposal.theme_title:
                key = (proposal.track_title, proposal.theme_title)
                if key not in themes:
                    themes[key] = Theme(
                        plan=plan, track=track, title=proposal.theme_title, order=len(themes)
                    )
                    themes[key].full_clean()
                    themes[key]._history_user = user
                    themes[key].save()
                theme = themes[key]
            goal = _goal_from(proposal, plan, track, theme, order)
            try:
                goal.full_clean()
            except ValidationError as error:
                messages = "; ".join(error.messages)
                raise _refusal(
                    _("Forslaget »%(title)s« kan ikke blive et mål: %(reason)s")
                    % {"title": proposal.title[:80], "reason": messages}
                ) from error
            goal._history_user = user
            goal._change_reason = _("Oprettet fra dokument")
            goal.save()
            proposal.goal = goal
            proposal.save(update_fields=["goal"])
            goal_ids.append(goal.pk)
        refresh_goal_status(goal_ids=goal_ids, with_ancestors=False)
        document_import.plan = plan
        document_import.version += 1
        document_import.save(update_fields=["plan", "version"])
    return plan
