"""What the company page shows from events (registered in `EventsConfig.ready` with
`businesses.timeline`): a registration for an event made with the firm's CVR number, on the day
of the event. One query."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from businesses.timeline import Entry
from events.models import Registration


def registration_entries(company, municipality) -> list[Entry]:
    registrations = (
        Registration.objects.of_municipality(municipality)
        .filter(company=company)
        .select_related("event")
        .only("pk", "name", "state", "event__id", "event__title", "event__starts_at")
    )
    return [
        Entry(
            timezone.localdate(registration.event.starts_at),
            _("Arrangement"),
            f"{registration.event.title}: {registration.name or _('anonymiseret')} "
            f"({registration.get_state_display().lower()})",
            reverse(
                "events:detail",
                kwargs={"code": municipality.code, "event_id": registration.event.pk},
            ),
        )
        for registration in registrations
    ]
