"""What the forum counts for goals (`strategy.sources`): the forum meetings held in a period.

The strategy's goal "mindst 10 erhvervsrelaterede netværks-, dialog-, informationsmøder og
konferencer om året" counts these together with events; this source counts the forum's share.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from forum.enums import MeetingState
from forum.models import Meeting
from strategy.sources import PlatformSource


def meetings_held(municipality, first_day: date, last_day: date) -> Decimal:
    """Meetings of the municipality's forums closed as held, dated within the period."""
    return Decimal(
        Meeting.objects.of_municipality(municipality)
        .filter(state=MeetingState.HELD, held_on__range=(first_day, last_day))
        .count()
    )


SOURCES = [
    PlatformSource(
        key="forum.meetings",
        label=_("Afholdte møder i Strategisk Erhvervsforum"),
        origin=_(
            "Antallet af møder i kommunens erhvervsforum, der er registreret som afholdt i "
            "Kurs, med mødedatoen i perioden."
        ),
        measure=meetings_held,
    )
]
