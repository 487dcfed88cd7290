"""The newsletter's figure for goals counted in Kurs (`strategy.sources`): subscribers on the
period's last day."""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsletter.models import Subscriber
from strategy.sources import PlatformSource


def subscribers_at(municipality, first_day, last_day) -> Decimal | None:
    """The addresses on any of the municipality's lists at the end of `last_day`: confirmed by
    then and neither unsubscribed nor bounced by then; one address on two lists counts once.
    A person who left and signed up again counts from the new confirmation (confirming clears
    the old dates), so a past period's figure can be lower than it was then, never higher."""
    end = timezone.make_aware(datetime.combine(last_day, time.max))
    count = (
        Subscriber.objects.of_municipality(municipality)
        .filter(confirmed_at__lte=end)
        .exclude(unsubscribed_at__lte=end)
        .exclude(bounced_at__lte=end)
        .values("email")
        .distinct()
        .count()
    )
    return Decimal(count)


SOURCES = [
    PlatformSource(
        key="newsletter.subscribers",
        label=_("Abonnenter på nyhedsbrevet"),
        origin=_(
            "Antallet af forskellige e-mail-adresser på kommunens nyhedsbrevslister ved "
            "periodens sidste dag: tilmeldt og bekræftet (dobbelt opt-in) eller kontaktperson "
            "på listen, og hverken afmeldt eller afvist af modtagerens server."
        ),
        measure=subscribers_at,
    )
]
