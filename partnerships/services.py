"""Business rules that change partners, agreements and the contact persons at partners. Each
function owns its transaction and calls the model's `full_clean` (bounds, dates in order).

A partner (`actions.Partner`) has no version column (it belongs to the action plans), so an
edit carries the values the user saw and is compared with the row, locked, before it is written:
if anyone changed the name or description meanwhile, nothing is written and ConcurrentEditError
is raised, as a version check would. Agreements and contact persons carry a `version`
(`core.concurrency`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from actions.models import Activity, Partner
from core.concurrency import ConcurrentEditError, claim_next_version
from core.idempotency import save_once
from partnerships.models import Agreement, PartnerContact
from strategy.models import Goal

CHANGED_MESSAGE = _("Ændret af en anden, mens du redigerede. Se den nye udgave og prøv igen.")


def _unique_name_error() -> ValidationError:
    return ValidationError({"name": _("Kommunen har allerede en partner med det navn.")})


def create_partner(*, municipality, name: str, description: str = "") -> Partner:
    partner = Partner(municipality=municipality, name=name, description=description)
    try:
        partner.full_clean()
    except ValidationError as error:
        if "__all__" in error.message_dict:
            raise _unique_name_error() from error
        raise
    try:
        with transaction.atomic():
            partner.save()
    except IntegrityError as error:  # the same name saved at the same moment
        raise _unique_name_error() from error
    return partner


def _same(a: str, b: str) -> bool:
    """Equal as the user saw them: a browser sends line breaks as CRLF and may trim."""
    return " ".join(a.split()) == " ".join(b.split())


def update_partner(
    *, partner: Partner, seen_name: str, seen_description: str, name: str, description: str
) -> Partner:
    """Save `name` and `description` unless someone changed the partner since the user saw
    `seen_name` and `seen_description` (then ConcurrentEditError, nothing written). The row is
    locked while it is compared and written, so of two simultaneous saves one is refused."""
    partner.name, partner.description = name, description
    try:
        partner.full_clean()
    except ValidationError as error:
        if "__all__" in error.message_dict:
            raise _unique_name_error() from error
        raise
    try:
        with transaction.atomic():
            current = Partner.objects.select_for_update().get(pk=partner.pk)
            if not (
                _same(current.name, seen_name) and _same(current.description, seen_description)
            ):
                raise ConcurrentEditError(CHANGED_MESSAGE)
            partner.save(update_fields=["name", "description"])
    except IntegrityError as error:
        raise _unique_name_error() from error
    return partner


def _check_links(partner: Partner, activities, goals) -> None:
    """An agreement takes part only in its municipality's activities and goals."""
    municipality = partner.municipality
    foreign_activities = {a.pk for a in activities} - set(
        Activity.objects.of_municipality(municipality)
        .filter(pk__in=[a.pk for a in activities])
        .values_list("pk", flat=True)
    )
    foreign_goals = {g.pk for g in goals} - set(
        Goal.objects.of_municipality(municipality)
        .filter(pk__in=[g.pk for g in goals])
        .values_list("pk", flat=True)
    )
    if foreign_activities or foreign_goals:
        raise ValidationError(_("Aftalen kan kun knyttes til kommunens egne aktiviteter og mål."))


def save_agreement(
    *,
    partner: Partner,
    agreement: Agreement | None = None,
    expected_version: int | None = None,
    activities=(),
    goals=(),
    token=None,
    **fields,
) -> Agreement:
    """Create an agreement with `partner` (once per form submission, `token`), or change
    `agreement` (refused with ConcurrentEditError when it was saved after `expected_version`)."""
    activities, goals = list(activities), list(goals)
    _check_links(partner, activities, goals)
    creating = agreement is None
    if creating:
        agreement = Agreement(partner=partner)
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.full_clean(exclude=["submission_token"])
    with transaction.atomic():
        if creating:
            agreement, saved = save_once(agreement, token=token)
            if not saved:
                return agreement
        else:
            claim_next_version(
                agreement, expected_version=expected_version, message=CHANGED_MESSAGE
            )
            agreement.save()
        agreement.activities.set(activities)
        agreement.goals.set(goals)
    return agreement


def create_contact(*, partner: Partner, token=None, **fields) -> PartnerContact:
    """Record a contact person at `partner`; saved once per form submission (`token`)."""
    contact = PartnerContact(partner=partner, **fields)
    contact.full_clean(exclude=["submission_token"])
    contact, _created = save_once(contact, token=token)
    return contact


def update_contact(*, contact: PartnerContact, expected_version: int, **fields) -> PartnerContact:
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.full_clean(exclude=["submission_token"])
    with transaction.atomic():
        claim_next_version(contact, expected_version=expected_version, message=CHANGED_MESSAGE)
        contact.save()
    return contact
