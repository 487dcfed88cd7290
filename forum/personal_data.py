"""The personal data the forum holds on a person, found by e-mail address (GDPR art. 15, 17, 20).

The forum holds: participants of meetings (name, e-mail, their firm), who proposed a theme (name,
e-mail, firm) and who follows an idea (e-mail). A person is found by their address, matched
without regard to case, within one municipality. `export_person` returns all of it as data (for
JSON, as `contacts.export` does for contact persons); `erase_person` removes it:
- a follower row is deleted (it is nothing but the address);
- a participant keeps their place in the meeting (the meeting still counts how many took part)
  but their name, e-mail and CVR link are replaced by a placeholder;
- a proposal keeps its text (the theme may be public and linked to decisions) but loses the
  proposer's name, e-mail and firm.
Both are registered with `core.personal_data` (`forum.apps`), so staff reach them on the page
`/k/<code>/persondata/` and by `manage.py personal_data --municipality 165 --email … [--erase]`;
a person found by name only is found on the meeting pages.
"""

from __future__ import annotations

from django.db import transaction

from forum.models import Follower, Idea, Participant

ERASED = "Slettet person"


def _participants(municipality, email: str):
    return Participant.objects.of_municipality(municipality).filter(email__iexact=email.strip())


def _proposals(municipality, email: str):
    return Idea.objects.of_municipality(municipality).filter(proposer_email__iexact=email.strip())


def _followers(municipality, email: str):
    return Follower.objects.of_municipality(municipality).filter(email__iexact=email.strip())


def export_person(*, municipality, email: str) -> dict:
    """Everything the forum holds on the person with `email` in `municipality`."""
    return {
        "meetings": [
            {
                "meeting": str(p.meeting),
                "date": p.meeting.held_on.isoformat() if p.meeting.held_on else p.meeting.planned,
                "name": p.name,
                "email": p.email,
                "organisation": p.organisation,
                "cvr_number": p.cvr_number,
                "attended": p.attended,
            }
            for p in _participants(municipality, email).select_related("meeting").order_by("pk")
        ],
        "proposals": [
            {
                "title": idea.title,
                "description": idea.description,
                "received": idea.created_at.isoformat(),
                "name": idea.proposer_name,
                "email": idea.proposer_email,
                "company": idea.proposer_company,
                "status": idea.get_status_display(),
            }
            for idea in _proposals(municipality, email).order_by("pk")
        ],
        "following": [
            {
                "idea": follower.idea.title,
                "email": follower.email,
                "since": follower.created_at.isoformat(),
                "confirmed": follower.confirmed_at.isoformat() if follower.confirmed_at else None,
            }
            for follower in _followers(municipality, email).select_related("idea").order_by("pk")
        ],
    }


def erase_person(*, municipality, email: str) -> dict:
    """Erase the person with `email` in `municipality` (see the module's rules); returns how
    many rows of each kind were changed, which hold no personal data."""
    with transaction.atomic():
        followers, _counts = _followers(municipality, email).delete()
        participants = _participants(municipality, email).update(
            name=ERASED, email="", cvr_number="", company=None, organisation=""
        )
        proposals = _proposals(municipality, email).update(
            proposer_name="", proposer_email="", proposer_company=""
        )
    return {"followers": followers, "participants": participants, "proposals": proposals}
