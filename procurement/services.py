"""Business rules that change tenders. Each function owns its transaction, locks the tender row
(`select_for_update`) so that closing and adding a bid or removing a debriefing cannot pass each
other, and validates with `full_clean`.

Closing (`close_tender`) is refused until the tender is awarded and every bidder not selected
has been told why (`Tender.closing_problems`, also enforced by `Tender.save`).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from businesses.models import Company
from core.concurrency import claim_next_version
from core.idempotency import save_once
from procurement.enums import TenderStatus
from procurement.models import Bid, Debriefing, DialogueMeeting, InterestRegistration, Tender

CHANGED_MESSAGE = _("Udbuddet er ændret af en anden. Se den nye udgave og prøv igen.")
EDITABLE = [
    "title",
    "description",
    "expected_publication",
    "estimated_value",
    "contact_name",
    "contact_email",
    "contact_phone",
    "is_public",
]


def _locked(tender: Tender) -> Tender:
    return Tender.objects.select_for_update().get(pk=tender.pk)


def create_tender(*, municipality, **fields) -> Tender:
    tender = Tender(municipality=municipality, **{k: fields[k] for k in EDITABLE if k in fields})
    tender.full_clean()
    with transaction.atomic():
        tender.save()
    return tender


def update_tender(*, tender: Tender, expected_version: int | None, **fields) -> Tender:
    """Change what the tender says; refused (ConcurrentEditError) when saved after
    `expected_version`."""
    for name in EDITABLE:
        if name in fields:
            setattr(tender, name, fields[name])
    tender.full_clean()
    with transaction.atomic():
        claim_next_version(tender, expected_version=expected_version, message=CHANGED_MESSAGE)
        tender.save(update_fields=[*EDITABLE, "version"])
    return tender


def publish(*, tender: Tender) -> Tender:
    """The tender is out: bids can now come in."""
    with transaction.atomic():
        tender = _locked(tender)
        if tender.status != TenderStatus.UPCOMING:
            raise ValidationError(_("Kun et kommende udbud kan udbydes."))
        tender.status = TenderStatus.PUBLISHED
        tender.full_clean()
        tender.save()
    return tender


def add_meeting(*, tender: Tender, held_on: date, participants: str, note: str = "", token=None):
    meeting = DialogueMeeting(tender=tender, held_on=held_on, participants=participants, note=note)
    meeting.full_clean(exclude=["submission_token"])
    meeting, _saved = save_once(meeting, token=token)
    return meeting


def company_for(municipality, cvr_number: str) -> Company | None:
    """The firm the register (or the municipality's own list) knows by `cvr_number`."""
    if not cvr_number:
        return None
    return Company.objects.visible_to(municipality).filter(cvr_number=cvr_number).first()


def register_interest(
    *, tender: Tender, cvr_number: str, company_name: str, contact_name: str, email: str, token=None
) -> tuple[InterestRegistration, bool]:
    """A firm's interest from the public page; only a public tender not yet closed takes one.
    A form posted twice (same token) is stored once."""
    if not tender.is_public or tender.is_closed:
        raise ValidationError({"tender": _("Udbuddet tager ikke imod interessetilkendegivelser.")})
    registration = InterestRegistration(
        tender=tender,
        cvr_number=cvr_number,
        company=company_for(tender.municipality, cvr_number),
        company_name=company_name,
        contact_name=contact_name,
        email=email,
    )
    registration.full_clean(exclude=["submission_token"])
    return save_once(registration, token=token)


def add_bid(*, tender: Tender, company_name: str, received_on: date, cvr_number: str = "") -> Bid:
    with transaction.atomic():
        tender = _locked(tender)
        bid = Bid(
            tender=tender,
            cvr_number=cvr_number,
            company=company_for(tender.municipality, cvr_number),
            company_name=company_name,
            received_on=received_on,
        )
        bid.full_clean()
        try:
            with transaction.atomic():
                bid.save()
        except IntegrityError as error:
            raise ValidationError(
                {"company_name": _("Tilbudsgiveren har allerede et tilbud på udbuddet.")}
            ) from error
    return bid


def award(*, tender: Tender, bid: Bid, awarded_on: date) -> Tender:
    """Select `bid`; the others now need a debriefing before the tender can be closed."""
    with transaction.atomic():
        tender = _locked(tender)
        if tender.is_closed:
            raise ValidationError(_("Udbuddet er afsluttet."))
        if bid.tender_id != tender.pk:
            raise ValidationError({"bid": _("Tilbuddet hører ikke til dette udbud.")})
        if Debriefing.objects.filter(bid=bid).exists():
            raise ValidationError(
                {"bid": _("Tilbudsgiveren har fået afslag; vælg et andet tilbud.")}
            )
        tender.awarded_bid, tender.awarded_on = bid, awarded_on
        tender.status = TenderStatus.AWARDED
        tender.full_clean()
        tender.save()
    return tender


def record_debriefing(
    *, bid: Bid, told_on: date, reason: str, told_by: str, user=None
) -> Debriefing:
    """Record that the bidder was told why they were not selected."""
    with transaction.atomic():
        tender = _locked(bid.tender)
        if tender.is_closed:
            raise ValidationError(_("Udbuddet er afsluttet."))
        bid.tender = tender
        if Debriefing.objects.filter(bid=bid).exists():
            raise ValidationError(_("Tilbudsgiveren har allerede fået en begrundelse."))
        debriefing = Debriefing(
            bid=bid, told_on=told_on, reason=reason, told_by=told_by, recorded_by=user
        )
        debriefing.full_clean()
        debriefing.save()
    return debriefing


def close_tender(*, tender: Tender, closed_on: date | None = None) -> Tender:
    """Close the tender: refused (ValidationError naming the bidders) while a bidder not
    selected has not been told why."""
    with transaction.atomic():
        tender = _locked(tender)
        if tender.is_closed:
            return tender
        tender.status = TenderStatus.CLOSED
        tender.closed_on = closed_on or timezone.localdate()
        tender.full_clean()
        tender.save()
    return tender
