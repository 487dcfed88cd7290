"""Everything the municipality holds on one contact person (GDPR art. 15 and 20), as one
structure that is served both as JSON (machine-readable) and as a readable page.

What is included: the person's record, each change django-simple-history kept of it (when, and
the values then), the visits they took part in (date, company, body, topics, needs, summary),
their mailing-list subscriptions, and the municipality's inquiries sent from their e-mail
address (any case), with what was written. Reads the visits through the reverse relation of
`Visit.their_participants`, so this app imports no visit code.

`by_email` is the same for every contact person with one e-mail address, for a request that
names only the address (`core.personal_data`).
"""

from __future__ import annotations

from django.utils import timezone

from contacts.models import PERSONAL_FIELDS, ContactPerson
from inquiries.personal_data import inquiry_data
from inquiries.queries import with_contact_email

PERSON_FIELDS = [*PERSONAL_FIELDS, "created_at"]


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def person_data(contact: ContactPerson) -> dict:
    """The export of `contact` as plain JSON-ready values (dates as ISO 8601 text)."""
    visits = contact.visits.select_related("company").prefetch_related("topics", "needs__topic")
    return {
        "exported_at": timezone.now().isoformat(),
        "controller": contact.municipality.name,
        "person": {name: _value(getattr(contact, name)) for name in PERSON_FIELDS}
        | {
            "legal_basis_label": contact.get_legal_basis_display(),
            "company": {"name": contact.company.name, "cvr_number": contact.company.cvr_number},
        },
        "history": [
            {
                "changed_at": record.history_date.isoformat(),
                "change": record.history_type,
                "values": {
                    name: _value(getattr(record, name))
                    for name in PERSON_FIELDS
                    if name != "created_at"
                },
            }
            for record in contact.history.order_by("history_date", "history_id")
        ],
        "visits": [
            {
                "visited_on": visit.visited_on.isoformat(),
                "company": visit.company.name,
                "body": visit.get_body_display(),
                "topics": [topic.name for topic in visit.topics.all()],
                "other_topic": visit.other_topic,
                "needs": [need.text for need in visit.needs.all()],
                "summary": visit.summary,
            }
            for visit in visits
        ],
        "subscriptions": [
            {
                "list": subscription.mailing_list.name,
                "subscribed_at": subscription.subscribed_at.isoformat(),
                "opted_in_at": _value(subscription.opted_in_at),
                "opt_in_note": subscription.opt_in_note,
            }
            for subscription in contact.subscriptions.select_related("mailing_list")
        ],
        "inquiries": [
            inquiry_data(inquiry)
            for inquiry in with_contact_email(contact.municipality, contact.email)
        ],
    }


def with_email(municipality, email: str):
    """The municipality's contact persons with `email` (any case)."""
    return (
        ContactPerson.objects.of_municipality(municipality)
        .filter(email__iexact=email.strip())
        .select_related("municipality", "company")
        .order_by("pk")
    )


def by_email(*, municipality, email: str) -> dict:
    """The export of every contact person in `municipality` with `email`."""
    return {"contact_persons": [person_data(c) for c in with_email(municipality, email)]}
