"""What the municipality holds on a contact person at a partner (GDPR art. 15 and 20) and their
erasure (art. 17). A contact person is one row with no history kept elsewhere, so the export is
that row, and erasure deletes it; the partner, its agreements and activities stay.

Staff reach both from the contact person's page (`views.contact_export`, `views.contact_erase`);
for a request that names only an e-mail address, `contacts_with_email` finds the person, and
`by_email` and `erase_by_email` answer it (`core.personal_data`).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from partnerships.models import PERSONAL_FIELDS, PartnerContact


def person_data(contact: PartnerContact) -> dict:
    return {
        "exported_at": timezone.now().isoformat(),
        "controller": contact.partner.municipality.name,
        "person": {name: getattr(contact, name) for name in PERSONAL_FIELDS}
        | {"partner": contact.partner.name, "recorded_at": contact.created_at.isoformat()},
    }


def contacts_with_email(municipality, email: str):
    return (
        PartnerContact.objects.of_municipality(municipality)
        .filter(email__iexact=email.strip())
        .select_related("partner__municipality")
    )


def erase_contact(*, contact: PartnerContact) -> None:
    """Delete the person's row: nothing else holds their data."""
    with transaction.atomic():
        PartnerContact.objects.filter(pk=contact.pk).delete()


def by_email(*, municipality, email: str) -> dict:
    """The export of every partner contact in `municipality` with `email`."""
    return {"contacts": [person_data(c) for c in contacts_with_email(municipality, email)]}


def erase_by_email(*, municipality, email: str) -> dict[str, int]:
    """Erase every partner contact in `municipality` with `email`; returns how many."""
    with transaction.atomic():
        contacts = list(contacts_with_email(municipality, email).order_by("pk"))
        for contact in contacts:
            erase_contact(contact=contact)
    return {"contacts": len(contacts)}
