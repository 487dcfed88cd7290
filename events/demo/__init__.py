"""Demo events: the meetings of Albertslund's Strategisk Erhvervsforum that its terms of
reference plan (../shared/seeds/003, "Kommissorium og handleplan for Strategisk
Erhvervsforum", 16 September 2014):

    "Strategisk Erhvervsforum afholder et møde i 2014 (oktober) og to møder i 2015 (januar og
    september)."

The document names the month only, so each event starts on the month's first day with
`DatePrecision.MONTH` (shown as "oktober 2014") and is left out of the calendar feed; it names
no place and no limit on seats ("Alle interesserede virksomheder i Albertslund Kommune kan
deltage i møderne, som er åbne for alle"), so there is none. The descriptions quote the document.
No other document names a dated event (the business policy 2023-2026 mentions morning meetings
without dates), so nothing else is loaded. Loading twice changes nothing (found by title and
start). No registrations: the documents name no participants.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from core.models import Municipality
from events.enums import DatePrecision, EventKind
from events.models import Event
from strategy.demo import upsert

FORUM = "Strategisk Erhvervsforum"
DESCRIPTION = (
    "<p>Borgmester Steen Christiansen er formand for Strategisk Erhvervsforum og vært for "
    "møderne. Alle interesserede virksomheder i Albertslund Kommune kan deltage i møderne, som "
    "er åbne for alle. Kommunalbestyrelsen er også inviteret til at deltage.</p>"
    "<p>Hvert møde tilrettelægges med baggrund i et eller flere aktuelle temaer. "
    "Erhvervsforums deltagere kan foreslå temaer for møderne.</p>"
    "<p>Møderne følges op med en skriftlig orientering til Økonomiudvalget, en mail til "
    "deltagerne og en artikel på Albertslund Kommunes erhvervshjemmeside.</p>"
)
# (year, month) of each meeting, as the terms of reference plan them.
MEETINGS = [(2014, 10), (2015, 1), (2015, 9)]


def load(stdout=None) -> dict:
    zone = timezone.get_default_timezone()
    with transaction.atomic():
        albertslund = Municipality.objects.get(code="165")
        events = [
            upsert(
                Event,
                {
                    "municipality": albertslund,
                    "title": FORUM,
                    "starts_at": datetime(year, month, 1, tzinfo=zone),
                },
                {
                    "kind": EventKind.DIALOGUE,
                    "date_precision": DatePrecision.MONTH,
                    "description": DESCRIPTION,
                    "capacity": None,
                    "is_public": True,
                },
            )
            for year, month in MEETINGS
        ]
    if stdout is not None:
        stdout.write(f"Arrangementer: {len(events)} møder i {FORUM}.\n")
    return {"events": events}
