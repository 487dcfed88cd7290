"""What the municipality holds on a person who registered a firm's interest in a tender (GDPR
art. 15 and 20), and its erasure (art. 17): their name and e-mail address on each
registration. The firm's name and CVR number are not personal data and stay, so the tender
still shows that the firm was interested.

Both are registered with `core.personal_data` (`procurement.apps`): the page
`/k/<code>/persondata/` and `manage.py personal_data --municipality 165 --email … [--erase]`.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from procurement.models import InterestRegistration

ERASED = "[slettet]"


def registrations_of(municipality, email: str):
    return (
        InterestRegistration.objects.of_municipality(municipality)
        .filter(email__iexact=email.strip())
        .select_related("tender")
        .order_by("registered_at")
    )


def person_data(municipality, email: str) -> dict:
    return {
        "exported_at": timezone.now().isoformat(),
        "controller": municipality.name,
        "interest_registrations": [
            {
                "tender": row.tender.title,
                "registered_at": row.registered_at.isoformat(),
                "company_name": row.company_name,
                "cvr_number": row.cvr_number,
                "contact_name": row.contact_name,
                "email": row.email,
            }
            for row in registrations_of(municipality, email)
        ],
    }


def erase_person(municipality, email: str) -> int:
    """Blank the person's name and e-mail on every registration; returns how many."""
    with transaction.atomic():
        return registrations_of(municipality, email).update(contact_name=ERASED, email="")
