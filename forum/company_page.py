"""What the company page shows from the forum (registered in `ForumConfig.ready` with
`businesses.timeline`): the forum meetings people from the firm took part in. One query."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from businesses.timeline import Entry
from forum.models import Participant


def meeting_entries(company, municipality) -> list[Entry]:
    participants = (
        Participant.objects.of_municipality(municipality)
        .filter(company=company, meeting__held_on__isnull=False)
        .select_related("meeting__forum")
        .order_by("meeting__held_on", "pk")
    )
    seen, entries = set(), []
    for participant in participants:
        meeting = participant.meeting
        if meeting.pk in seen:
            continue
        seen.add(meeting.pk)
        what = _("deltog") if participant.attended else _("inviteret")
        entries.append(
            Entry(
                meeting.held_on,
                meeting.forum.name,
                f"{meeting} ({what})",
                reverse(
                    "forum:meeting", kwargs={"code": municipality.code, "meeting_id": meeting.pk}
                ),
            )
        )
    return entries
