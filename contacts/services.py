"""Business rules that change contact persons: record one, put one on a mailing list, erase one
on request or when the retention period has passed. Each function owns its transaction.

Erasure (GDPR art. 17) removes the person's row and every copy django-simple-history kept of it,
their subscriptions and their place among a visit's participants, and anonymises the contact
fields of the municipality's inquiries sent from their e-mail address. What was counted stays:
the visits themselves, the inquiries, and an `ErasureLog` row with the counts and a reason, but
no personal data.

Retention: a contact person with no contact for `CONTACT_RETENTION_MONTHS` months (36 by
default; counted from the last contact, or from when they were recorded) is erased by
`apply_retention`, which `manage.py apply_retention` runs daily.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from actions.rules import add_months
from contacts.enums import ErasureCause
from contacts.export import with_email
from contacts.models import ContactPerson, ErasureLog, MailingList, Subscription
from core.concurrency import claim_next_version
from core.idempotency import save_once
from inquiries.services import anonymise_contact

# The erasure log's reason for a request answered by e-mail address (it holds no personal data).
ERASED_BY_EMAIL = "Anmodning om sletning efter e-mailadresse"


def create_contact(*, municipality, company, token=None, **fields) -> ContactPerson:
    """Record a contact person at `company`; saved once per form submission (`token`)."""
    contact = ContactPerson(municipality=municipality, company=company, **fields)
    contact.full_clean(exclude=["submission_token"])
    contact, _created = save_once(contact, token=token)
    return contact


def update_contact(*, contact: ContactPerson, expected_version: int, **fields) -> ContactPerson:
    """Change `contact`'s recorded data; refused (ConcurrentEditError) if someone saved it after
    `expected_version`. The change is kept in the person's history (until they are erased)."""
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.full_clean(exclude=["submission_token"])
    with transaction.atomic():
        claim_next_version(
            contact,
            expected_version=expected_version,
            message=_("Kontaktpersonen er ændret af en anden. Se den nye udgave og prøv igen."),
        )
        contact.save()
    return contact


def subscribe(
    *, mailing_list: MailingList, contact: ContactPerson, opted_in_at=None, opt_in_note=""
) -> Subscription:
    """Put `contact` on `mailing_list`. For a firm with advertising protection the person's
    own opt-in (when, and how it was given) must be recorded, or ValidationError is raised
    (`Subscription.clean`)."""
    with transaction.atomic():
        return Subscription.objects.create(
            mailing_list=mailing_list,
            contact=contact,
            opted_in_at=opted_in_at,
            opt_in_note=opt_in_note,
        )


def erase_contact(*, contact: ContactPerson, cause: str, reason: str = "", user=None) -> ErasureLog:
    """Erase `contact` and every copy of their data (see the module's docstring); returns the
    erasure log, which holds counts and no personal data."""
    with transaction.atomic():
        contact = ContactPerson.objects.select_for_update().get(pk=contact.pk)
        log = ErasureLog(
            municipality_id=contact.municipality_id,
            contact_id=contact.pk,
            erased_at=timezone.now(),
            cause=cause,
            reason=reason,
            erased_by=user,
            visits=contact.visits.count(),
            subscriptions=contact.subscriptions.count(),
            inquiries=anonymise_contact(municipality=contact.municipality, email=contact.email),
        )
        log.full_clean()
        pk = contact.pk
        contact.delete()
        # simple-history wrote one more copy on delete; none of them may stay.
        log.history_rows, _ = ContactPerson.history.model.objects.filter(id=pk).delete()
        log.save()
    return log


def erase_by_email(*, municipality, email: str, user=None) -> dict[str, int]:
    """Erase on request, handled by `user`, every contact person in `municipality` with `email`
    (a request that names only the address, `core.personal_data`); returns how many persons
    and inquiries."""
    with transaction.atomic():
        logs = [
            erase_contact(
                contact=contact, cause=ErasureCause.REQUEST, reason=ERASED_BY_EMAIL, user=user
            )
            for contact in with_email(municipality, email)
        ]
    return {"contact_persons": len(logs), "inquiries": sum(log.inquiries for log in logs)}


def retention_cutoff(today: date, months: int | None = None) -> date:
    """The day before which a contact's last contact must lie for the person to be erased."""
    months = settings.CONTACT_RETENTION_MONTHS if months is None else months
    return add_months(today, -months)


def expired_contacts(municipality, today: date, months: int | None = None):
    """`municipality`'s contact persons whose last contact (or, without one, their recording)
    lies before the retention cut-off."""
    cutoff = retention_cutoff(today, months)
    return (
        ContactPerson.objects.of_municipality(municipality)
        .filter(
            Q(last_contact_on__lt=cutoff)
            | Q(last_contact_on__isnull=True, created_at__date__lt=cutoff)
        )
        .order_by("pk")
    )


@dataclass(frozen=True)
class RetentionResult:
    cutoff: date
    contact_ids: list[int]
    inquiries: int = 0


def apply_retention(
    *, municipality, today: date, months: int | None = None, dry_run: bool = False
) -> RetentionResult:
    """Erase `municipality`'s contact persons past the retention period (or, with `dry_run`,
    only say who would be). Each person is erased in a transaction of their own."""
    expired = list(expired_contacts(municipality, today, months))
    ids = [contact.pk for contact in expired]
    cutoff = retention_cutoff(today, months)
    if dry_run:
        return RetentionResult(cutoff, ids)
    inquiries = 0
    for contact in expired:
        inquiries += erase_contact(contact=contact, cause=ErasureCause.RETENTION).inquiries
    return RetentionResult(cutoff, ids, inquiries)
