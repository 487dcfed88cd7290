"""Business rules that change inquiries. Each function owns its transaction.

The audit trail is the state log: every change writes one `InquiryEvent` naming who did what,
when and why, and the state, team and owner after it. The promise clock is rebuilt from that log
alone (`inquiries.promises.compute`) and stored on the inquiry in the same transaction, so the
queue sorts by a deadline that is always what the log gives; a changed calendar or promise
recomputes the open inquiries it touches (`recompute_open_deadlines`), and so does the warnings
job. `change_state` is the only path a state change takes (take, incomplete, complete, wait for
the business, resume, first response, reassign, close).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from businesses.models import Company
from core.concurrency import claim_next_version
from core.idempotency import save_once
from inquiries import mail, promises
from inquiries.enums import Action, State
from inquiries.models import (
    Inquiry,
    InquiryEvent,
    SatisfactionAnswer,
    Team,
    Topic,
    WorkCalendar,
)

OPEN_STATES = {State.RECEIVED, State.INCOMPLETE, State.RUNNING, State.WAITING}
# Which states an action may start from, and the state it leads to (None: unchanged).
TRANSITIONS = {
    Action.TAKEN: (OPEN_STATES, None),
    Action.INCOMPLETE: ({State.RECEIVED}, State.INCOMPLETE),
    Action.COMPLETE: ({State.INCOMPLETE}, State.RUNNING),
    Action.PAUSED: ({State.RECEIVED, State.RUNNING}, State.WAITING),
    Action.RESUMED: ({State.WAITING}, State.RUNNING),
    Action.RESPONDED: (OPEN_STATES, None),
    Action.REASSIGNED: (OPEN_STATES, None),
    Action.CLOSED: (OPEN_STATES, State.CLOSED),
}
# The actions whose entry in the log must say why: the business and the auditor ask.
REASON_REQUIRED = {Action.INCOMPLETE, Action.PAUSED, Action.REASSIGNED}
CONCURRENT_EDIT = "Henvendelsen er ændret af en anden, efter du åbnede den. Se den igen."


def events_in_order():
    return InquiryEvent.objects.order_by("at", "pk")


def with_clock_inputs(inquiries):
    """`inquiries` with what the clock reads: topic, team calendar (hours, holidays switched
    off) and the state log, in a fixed number of queries."""
    return inquiries.select_related("topic", "team__calendar").prefetch_related(
        "team__calendar__hours",
        "team__calendar__disabled_holidays",
        Prefetch("events", queryset=events_in_order(), to_attr="log"),
    )


def calendar_of(team: Team):
    """The clock's calendar of `team` (two queries unless prefetched)."""
    return team.calendar.as_clock()


def refresh_clock(inquiry: Inquiry, *, now: datetime, events=None) -> None:
    """Compute the inquiry's deadlines from its state log and set them (the caller saves)."""
    if events is None:
        events = list(events_in_order().filter(inquiry=inquiry))
    promises.compute(inquiry, events, calendar_of(inquiry.team), now).apply(inquiry)


def register_company(cvr_number: str) -> Company | None:
    """The company the public register knows by `cvr_number`: the name the form shows back.
    A municipality's own firms are its internal data and are not shown to the public."""
    return Company.objects.filter(kept_by__isnull=True, cvr_number=cvr_number).first()


def _reference(inquiry: Inquiry) -> str:
    return f"{inquiry.municipality.code}-{inquiry.received_at.year}-{inquiry.pk:05d}"


def receive_inquiry(
    *, municipality, topic: Topic, values: dict, submission_token=None, now=None, notify=True
) -> tuple[Inquiry, bool]:
    """Store an inquiry from the public form, routed to the topic's team, and e-mail the
    business its receipt once the transaction is committed.

    `values` holds what the business typed (CVR number, company name, contact, message); the
    inquiry is linked to the company the register (or the municipality's own list) knows by
    that CVR number, if any.
    Raises ValidationError for invalid values or a topic that is not the municipality's open
    one. A form posted twice with the same token stores one inquiry and sends one receipt;
    returns (the inquiry, whether this call stored it). `notify=False` sends no receipt (the
    demo's fabricated inquiries)."""
    now = now or timezone.now()
    if topic.municipality_id != municipality.pk or not topic.is_active:
        raise ValidationError({"topic": _("Vælg et af emnerne.")})
    inquiry = Inquiry(
        municipality=municipality,
        topic=topic,
        team=topic.team,
        state=State.RECEIVED,
        received_at=now,
        # Unique until the id it is made from exists; replaced in the same transaction.
        reference=f"new-{uuid.uuid4().hex[:24]}",
        company=Company.objects.visible_to(municipality)
        .filter(cvr_number=values.get("cvr_number"))
        .first(),
        **values,
    )
    inquiry.full_clean(exclude=["submission_token"])
    with transaction.atomic():
        inquiry, saved = save_once(inquiry, token=submission_token)
        if saved:
            inquiry.reference = _reference(inquiry)
            event = InquiryEvent.objects.create(
                inquiry=inquiry,
                at=now,
                action=Action.RECEIVED,
                state=State.RECEIVED,
                team=inquiry.team,
            )
            refresh_clock(inquiry, now=now, events=[event])
            inquiry.save()
            if notify:
                transaction.on_commit(lambda: mail.send_receipt(inquiry.pk))
    return inquiry, saved


def change_state(
    *,
    inquiry: Inquiry,
    user,
    expected_version: int,
    action: str,
    reason: str = "",
    team: Team | None = None,
    now: datetime | None = None,
    notify: bool = True,
) -> Inquiry:
    """Apply `action` to `inquiry` unless someone changed it since `expected_version`.

    Taking makes `user` the owner and starts a received case; reassigning moves the case to
    `team` (of the same municipality), clears the owner and keeps the clock: its log, start and
    pauses stay, and the new team's calendar counts from then on. Closing records the first
    response if none was given, stores the verdict, and e-mails the business the satisfaction
    question after the commit. Raises ValidationError when the action is not possible in the
    current state or a reason is missing, ConcurrentEditError when the version is stale.
    Side effects: one state-log entry; the clock recomputed and stored; `notify=False` sends
    the business no e-mail (the demo's fabricated inquiries)."""
    now = now or timezone.now()
    allowed, target = TRANSITIONS[action]
    if inquiry.state not in allowed:
        raise ValidationError(
            _("Det kan ikke lade sig gøre, mens henvendelsen har status '%(state)s'.")
            % {"state": inquiry.get_state_display()}
        )
    reason = reason.strip()
    if action in REASON_REQUIRED and not reason:
        raise ValidationError({"reason": _("Skriv en begrundelse.")})
    if action == Action.RESPONDED and inquiry.responded_at is not None:
        raise ValidationError(_("Første svar er allerede registreret."))
    if action == Action.REASSIGNED:
        if team is None or team.municipality_id != inquiry.municipality_id:
            raise ValidationError({"team": _("Vælg et af kommunens teams.")})
        if team.pk == inquiry.team_id:
            raise ValidationError({"team": _("Henvendelsen ligger allerede hos teamet.")})
    with transaction.atomic():
        claim_next_version(inquiry, expected_version=expected_version, message=_(CONCURRENT_EDIT))
        if action == Action.TAKEN:
            inquiry.owner = user
            if inquiry.state == State.RECEIVED:
                target = State.RUNNING
        elif action == Action.REASSIGNED:
            inquiry.team, inquiry.owner = team, None
        if action in {Action.RESPONDED, Action.CLOSED} and inquiry.responded_at is None:
            inquiry.responded_at = now
        if action == Action.CLOSED:
            inquiry.closed_at = now
        inquiry.state = target or inquiry.state
        event = InquiryEvent(
            inquiry=inquiry,
            at=now,
            action=action,
            state=inquiry.state,
            team=inquiry.team,
            owner=inquiry.owner,
            actor=user,
            reason=reason,
        )
        event.full_clean()
        event.save()
        refresh_clock(inquiry, now=now)
        inquiry.save()
        if action == Action.CLOSED and notify:
            transaction.on_commit(lambda: mail.send_satisfaction_question(inquiry.pk))
    return inquiry


def recompute_open_deadlines(
    *, calendar: WorkCalendar | None = None, topic: Topic | None = None, now=None
) -> int:
    """Recompute and store the clock of every open inquiry whose team uses `calendar` or whose
    topic is `topic` (both None: every open inquiry), after a calendar or promise changed, and
    from the warnings job. Returns how many were written."""
    now = now or timezone.now()
    inquiries = Inquiry.objects.open()
    if calendar is not None:
        inquiries = inquiries.filter(team__calendar=calendar)
    if topic is not None:
        inquiries = inquiries.filter(topic=topic)
    return store_clocks(with_clock_inputs(inquiries), now=now)


def store_clocks(inquiries, *, now) -> int:
    """Compute and store the clock of each of `inquiries` (from `with_clock_inputs`)."""
    rows = list(inquiries)
    for inquiry in rows:
        promises.compute(inquiry, inquiry.log, calendar_of(inquiry.team), now).apply(inquiry)
    with transaction.atomic():
        Inquiry.objects.bulk_update(rows, promises.Computed.FIELDS, batch_size=500)
    return len(rows)


def record_satisfaction(
    *, inquiry: Inquiry, satisfied: bool, now=None
) -> tuple[SatisfactionAnswer, bool]:
    """Store the business's answer to the satisfaction question of a closed inquiry.

    The first answer counts: clicking the same or the other link again changes nothing, so a
    link opened twice (or by a mail scanner and then by the person) gives one answer. Returns
    (the answer, whether this call stored it)."""
    if inquiry.state != State.CLOSED:
        raise ValidationError(_("Henvendelsen er ikke afsluttet."))
    return SatisfactionAnswer.objects.get_or_create(
        inquiry=inquiry, defaults={"satisfied": satisfied, "answered_at": now or timezone.now()}
    )


ERASED_NAME = "Slettet efter anmodning"


def anonymise_contact(*, municipality, email: str) -> int:
    """Replace the contact fields (name, e-mail, phone) of `municipality`'s inquiries whose
    e-mail is `email` (any case) with placeholders, so that a person erased on request (GDPR
    art. 17) is no longer named while the inquiries still count in the figures. Returns how
    many inquiries were changed. The caller owns the transaction and the erasure log."""
    if not email:
        return 0
    changed = 0
    for inquiry in Inquiry.objects.of_municipality(municipality).filter(email__iexact=email):
        inquiry.contact_name = ERASED_NAME
        inquiry.email = f"slettet-{inquiry.pk}@anonymiseret.invalid"
        inquiry.phone = ""
        inquiry.save(update_fields=["contact_name", "email", "phone"])
        changed += 1
    return changed
