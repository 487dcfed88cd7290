"""What the inquiries hold on one e-mail address, for a GDPR request by address
(`core.personal_data`, registered in `InquiriesConfig.ready`): the business's contact fields as
typed on the public form (name, e-mail, phone) and the message, whether or not the sender is a
recorded contact person. Erasure anonymises the contact fields (`services.anonymise_contact`, the
same as erasing a contact person does) and keeps the inquiries, which count in the service
figures; the message stays, as it does when a contact person is erased: it is the firm's case."""

from __future__ import annotations

from inquiries import queries, services
from inquiries.models import Inquiry


def inquiry_data(inquiry: Inquiry) -> dict:
    """One inquiry as a person's data export shows it (here and in `contacts.export`)."""
    return {
        "reference": inquiry.reference,
        "received_at": inquiry.received_at.isoformat(),
        "topic": inquiry.topic.name,
        "state": inquiry.get_state_display(),
        "company_name": inquiry.company_name,
        "contact_name": inquiry.contact_name,
        "email": inquiry.email,
        "phone": inquiry.phone,
        "message": inquiry.message,
    }


def export_person(*, municipality, email: str) -> dict:
    return {
        "inquiries": [
            inquiry_data(inquiry) for inquiry in queries.with_contact_email(municipality, email)
        ]
    }


def erase_person(*, municipality, email: str) -> dict[str, int]:
    return {"inquiries": services.anonymise_contact(municipality=municipality, email=email)}
