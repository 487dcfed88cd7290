"""Recording media mentions and advice sessions (once per form submission), and anonymising
an advised person (GDPR art. 17) while the session still counts."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from core.idempotency import save_once
from outreach.models import AdviceSession, MediaMention
from procurement.services import company_for


def record_mention(*, municipality, user=None, token=None, **fields) -> MediaMention:
    mention = MediaMention(municipality=municipality, created_by=user, **fields)
    mention.full_clean(exclude=["submission_token"])
    mention, _saved = save_once(mention, token=token)
    return mention


def record_advice(*, municipality, user=None, token=None, **fields) -> AdviceSession:
    session = AdviceSession(
        municipality=municipality,
        created_by=user,
        company=company_for(municipality, fields.get("cvr_number", "")),
        **fields,
    )
    session.full_clean(exclude=["submission_token"])
    session, _saved = save_once(session, token=token)
    return session


def anonymise_advice(*, session: AdviceSession) -> AdviceSession:
    """Blank who was advised unless it is a firm with a CVR number (a firm's name is not
    personal data); the session stays and is counted."""
    with transaction.atomic():
        session = AdviceSession.objects.select_for_update().get(pk=session.pk)
        if not session.cvr_number:
            session.advised = _("Anonymiseret")
        session.is_anonymised = True
        session.full_clean(exclude=["submission_token"])
        session.save()
    return session
