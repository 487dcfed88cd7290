"""What the inquiries hold on one e-mail address, for a GDPR request by address
(`core.personal_data`, registered in `InquiriesConfig.ready`): the business's contact fields as
typed on the public form (name, e-mail, phone) and the message, whether or not the sender is a
recorded contact person. Erasure anonymises the contact fields (`services.anonymise_contact`, the
same as erasing a contact person does) and keeps the inquiries, which count in the service
figures; the message stays, as it does when a contact person is erased: it is the firm's case."""

from __future__ import annotations

from inquiries import services
from inquiries.models import Inquiry


def export_person(*, municipality, email: str) -> dict:
    inquiries = (
        Inquiry.objects.of_municipality(municipality)
        .filter(email__iexact=email)
        .select_related("topic")
        .order_by("received_at", "pk")
    )
    return {
        "inquiries": [
            {
                "reference": inquiry.reference,
                "received_at": inquiry.received_at.isoformat(),
                "topic": str(inquiry.topic) if inquiry.topic_id else None,
                "cvr_number": inquiry.cvr_number,
                "company_name": inquiry.company_name,
                "contact_name": inquiry.contact_name,
                "email": inquiry.email,
                "phone": inquiry.phone,
                "message": inquiry.message,
                "state": inquiry.get_state_display(),
            }
            for inquiry in inquiries
        ]
    }


def erase_person(*, municipality, email: str) -> dict[str, int]:
    return {"inquiries": services.anonymise_contact(municipality=municipality, email=email)}
