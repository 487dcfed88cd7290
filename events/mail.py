"""The e-mails to people who registered, from `templates/emails/event-*.txt`, always in Danish:
the confirmation (with the event as an .ics file), the waiting-list receipt, the offer of a seat,
the receipt of a cancellation, and the notice that the event was cancelled. Each links to the
person's self-service page (`Registration.token`), where they cancel or leave the list.

Mails go out after the transaction that caused them has committed. They hold personal data, so
a failure is logged with the registration's id and the error's kind only; the registration
stays and is shown to staff.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)

NAMES = ("confirmation", "waiting", "offer", "cancelled", "event-cancelled")


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def manage_url(registration) -> str:
    return site_url() + reverse(
        "events:manage",
        kwargs={"code": registration.event.municipality.code, "token": registration.token},
    )


def event_url(event) -> str:
    return site_url() + reverse(
        "events:public_detail", kwargs={"code": event.municipality.code, "event_id": event.pk}
    )


def render(name: str, context: dict) -> tuple[str, str]:
    """The subject (on one line) and body of `emails/event-<name>`, in Danish."""
    with translation.override("da"):
        subject = render_to_string(f"emails/event-{name}-subject.txt", context)
        body = render_to_string(f"emails/event-{name}.txt", context)
    return " ".join(subject.split()), body


def send(registration_pk: int, name: str) -> None:
    """Mail `registration` the message `name` (one of `NAMES`)."""
    from events import calendar, services
    from events.models import Registration

    registration = (
        Registration.objects.select_related("event__municipality")
        .filter(pk=registration_pk, anonymised_at__isnull=True)
        .first()
    )
    if registration is None or not registration.email:
        return
    event = registration.event
    manage = manage_url(registration)
    context = {
        "registration": registration,
        "event": event,
        "manage_url": manage,
        "accept_url": f"{manage}?handling=accepter",
        "leave_url": f"{manage}?handling=afmeld",
        "event_url": event_url(event),
        "position": services.waiting_position(registration),
        "offer_hours": services.offer_hours(),
    }
    subject, body = render(name, context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
    if name == "confirmation" and calendar.has_time(event):
        message.attach(
            "arrangement.ics",
            calendar.event_ics(event, url=context["event_url"]),
            "text/calendar; charset=utf-8; method=PUBLISH",
        )
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        logger.error(
            "E-mail %s for registration %s was not sent: %s",
            name,
            registration_pk,
            type(error).__name__,
        )
