"""The rules of events and registrations. Each function owns its transaction; mails go out after
it has committed (`events.mail`).

Seats and the waiting list:
- A seat is held by a registration that is registered, offered, attended or a no-show
  (`enums.SEAT_STATES`). An event without a capacity has seats for everyone.
- A new registration gets a seat when one is free and nobody is waiting; otherwise it joins the
  end of the waiting list (ordered by `registered_at`, then id).
- When a seat frees up (a cancellation, an expired offer, a larger capacity), the first person
  waiting is offered it for `settings.EVENT_OFFER_HOURS` hours (never past the event's start) by
  mail, with links to accept it and to leave the list. An offer not accepted in time expires
  (`expire_offers`, run by `manage.py expire_event_offers` or as a job) and the seat moves on to
  the next person waiting. No offers are made once the event has started or was cancelled.
- Registration is open from publication until the registration deadline (or the start), and
  never for a cancelled event; the same e-mail address cannot hold two active registrations for
  one event (also a unique constraint).

Two people taking the last seat at once: every change of seats first locks the event's row
(`_locked_event`: SELECT … FOR UPDATE on PostgreSQL; on SQLite, which has no row locks, a write
to the row as the transaction's first statement takes the database's one write lock), so the
seats are counted and claimed by one transaction at a time and an event is never overbooked.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from businesses.models import Company
from core.concurrency import claim_next_version
from core.idempotency import save_once, saved_with
from events import mail
from events.enums import ACTIVE_STATES, SEAT_STATES, RegistrationState
from events.models import Event, Registration

EVENT_FIELDS = [
    "kind",
    "title",
    "description",
    "place",
    "starts_at",
    "ends_at",
    "date_precision",
    "capacity",
    "registration_deadline",
    "is_public",
    "privacy_text",
]


class RegistrationClosed(ValidationError):
    """The event takes no registrations (cancelled, started or past its deadline)."""


def _locked_event(pk: int) -> Event:
    """The event, locked for the rest of the transaction (see the module's docstring)."""
    if connection.vendor == "sqlite":
        Event.objects.filter(pk=pk).update(version=F("version"))
    return Event.objects.select_for_update().get(pk=pk)


def seats_taken(event: Event) -> int:
    return event.registrations.filter(state__in=SEAT_STATES).count()


def waiting(event: Event):
    """The event's waiting list, first in line first."""
    return event.registrations.filter(state=RegistrationState.WAITING).order_by(
        "registered_at", "pk"
    )


def waiting_position(registration: Registration) -> int | None:
    """1 for the first person waiting; None when `registration` is not waiting."""
    if registration.state != RegistrationState.WAITING:
        return None
    # Those before in the list's order (time, then id), and the person themself.
    return (
        waiting(registration.event)
        .filter(registered_at__lte=registration.registered_at)
        .exclude(registered_at=registration.registered_at, pk__gt=registration.pk)
        .count()
    )


def closed_reason(event: Event, now: datetime) -> str:
    """Why `event` takes no registrations at `now`, or "" when it does."""
    if event.is_cancelled:
        return _("Arrangementet er aflyst.")
    if now >= (event.registration_deadline or event.starts_at):
        return _("Tilmeldingen er lukket.")
    return ""


def register_company(cvr_number: str) -> Company | None:
    """The company the public register knows by `cvr_number` (never a municipality's own)."""
    if not cvr_number:
        return None
    return Company.objects.filter(kept_by__isnull=True, cvr_number=cvr_number).first()


def register(
    *,
    event: Event,
    name: str,
    email: str,
    company_name: str = "",
    cvr_number: str = "",
    submission_token=None,
    now: datetime | None = None,
) -> tuple[Registration, bool]:
    """Register a person for `event`: a seat if one is free and nobody waits, else the waiting
    list. Returns (the registration, whether this call made it); a form posted twice with the
    same `submission_token` returns the first registration.

    Raises ValidationError when registration is closed, the e-mail address is already
    registered, or a value is invalid. Side effect: the confirmation (with an .ics file) or the
    waiting-list receipt is mailed after the commit."""
    now = now or timezone.now()
    email = email.strip().lower()
    registration = Registration(
        event=event,
        name=name.strip(),
        email=email,
        company_name=company_name.strip(),
        cvr_number=cvr_number,
        company=register_company(cvr_number),
        state=RegistrationState.REGISTERED,
        registered_at=now,
        changed_at=now,
        consent_text=event.privacy_text,
        token=secrets.token_urlsafe(32),
    )
    registration.full_clean(exclude=["submission_token", "state"], validate_constraints=False)
    with transaction.atomic():
        event = _locked_event(event.pk)
        # Looked up under the lock: a double click's second post may have waited for the first.
        if submission_token is not None and (earlier := saved_with(Registration, submission_token)):
            return earlier, False
        if reason := closed_reason(event, now):
            raise RegistrationClosed({NON_FIELD_ERRORS: [reason]})
        if event.registrations.filter(email=email, state__in=ACTIVE_STATES).exists():
            raise ValidationError(
                {"email": _("Den e-mail er allerede tilmeldt arrangementet.")}, code="twice"
            )
        full = event.capacity is not None and seats_taken(event) >= event.capacity
        if full or waiting(event).exists():
            registration.state = RegistrationState.WAITING
        registration.event = event
        try:
            registration, created = save_once(registration, token=submission_token)
        except IntegrityError as error:  # the unique e-mail constraint, as a last net
            raise ValidationError(
                {"email": _("Den e-mail er allerede tilmeldt arrangementet.")}, code="twice"
            ) from error
        if created:
            offered = _offer_free_seats(event, now)
            _mail_after_commit(registration.pk, _registration_mail(registration))
            _mail_offers(offered)
    return registration, created


def _registration_mail(registration: Registration) -> str:
    return "confirmation" if registration.state == RegistrationState.REGISTERED else "waiting"


def _mail_after_commit(pk: int, name: str) -> None:
    transaction.on_commit(lambda: mail.send(pk, name))


def _mail_offers(pks: list[int]) -> None:
    for pk in pks:
        _mail_after_commit(pk, "offer")


def offer_hours() -> int:
    return settings.EVENT_OFFER_HOURS


def _offer_free_seats(event: Event, now: datetime) -> list[int]:
    """Offer the free seats of the locked `event` to the first people waiting; returns their
    registrations' ids (to be mailed)."""
    if event.is_cancelled or now >= event.starts_at:
        return []
    queue = waiting(event)
    if event.capacity is not None:
        free = event.capacity - seats_taken(event)
        if free <= 0:
            return []
        queue = queue[:free]
    pks = list(queue.values_list("pk", flat=True))
    expires = min(now + timedelta(hours=offer_hours()), event.starts_at)
    Registration.objects.filter(pk__in=pks).update(
        state=RegistrationState.OFFERED, offer_expires_at=expires, changed_at=now
    )
    return pks


def _change(registration: Registration, state: str, now: datetime) -> None:
    registration.state = state
    registration.changed_at = now
    if state != RegistrationState.OFFERED:
        registration.offer_expires_at = None
    registration.save(update_fields=["state", "changed_at", "offer_expires_at"])


def _locked(registration: Registration) -> tuple[Event, Registration]:
    event = _locked_event(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    return event, registration


def accept_offer(*, registration: Registration, now: datetime | None = None) -> Registration:
    """Take the seat offered to `registration`. Raises ValidationError when there is no offer
    (any more): it expired, was answered, or the event was cancelled. Side effect: the
    confirmation with its .ics file is mailed after the commit."""
    now = now or timezone.now()
    with transaction.atomic():
        event, registration = _locked(registration)
        if registration.state == RegistrationState.REGISTERED:
            return registration
        if (
            registration.state != RegistrationState.OFFERED
            or registration.offer_expires_at <= now
            or event.is_cancelled
        ):
            raise ValidationError(_("Tilbuddet om en plads gælder ikke længere."), code="no_offer")
        _change(registration, RegistrationState.REGISTERED, now)
        _mail_after_commit(registration.pk, "confirmation")
    return registration


def cancel_registration(*, registration: Registration, now: datetime | None = None) -> Registration:
    """Cancel a registration, leave the waiting list or turn down an offer (self-service). A
    seat that frees up is offered to the first person waiting. Cancelling twice changes nothing.
    Raises ValidationError once the event has started (attendance is then recorded).
    Side effects: a receipt of the cancellation, and offers, are mailed after the commit."""
    now = now or timezone.now()
    with transaction.atomic():
        event, registration = _locked(registration)
        if registration.state in (RegistrationState.CANCELLED, RegistrationState.EXPIRED):
            return registration
        if registration.state in (RegistrationState.ATTENDED, RegistrationState.NO_SHOW) or (
            now >= event.starts_at
        ):
            raise ValidationError(
                _("Arrangementet er begyndt; tilmeldingen kan ikke længere ændres."),
                code="started",
            )
        _change(registration, RegistrationState.CANCELLED, now)
        offered = _offer_free_seats(event, now)
        _mail_after_commit(registration.pk, "cancelled")
        _mail_offers(offered)
    return registration


def expire_offers(*, now: datetime | None = None) -> int:
    """Let every offer whose time has run out expire and offer the seat to the next person
    waiting (one event at a time, each locked); returns how many offers expired.
    Side effects: the new offers are mailed after each event's commit."""
    now = now or timezone.now()
    event_ids = (
        Registration.objects.filter(state=RegistrationState.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    expired = 0
    for event_id in sorted(set(event_ids)):
        with transaction.atomic():
            event = _locked_event(event_id)
            expired += event.registrations.filter(
                state=RegistrationState.OFFERED, offer_expires_at__lte=now
            ).update(state=RegistrationState.EXPIRED, offer_expires_at=None, changed_at=now)
            _mail_offers(_offer_free_seats(event, now))
    return expired


def _event_values(values: dict) -> dict:
    # The description is sanitised by the model's `clean`, which `full_clean` runs.
    return {name: values[name] for name in EVENT_FIELDS if name in values}


def create_event(*, municipality, **values) -> Event:
    """Create an event of `municipality` from `EVENT_FIELDS`; the description is sanitised
    (`Event.clean`)."""
    event = Event(municipality=municipality, **_event_values(values))
    event.full_clean()
    with transaction.atomic():
        event.save()
    return event


def update_event(*, event: Event, expected_version: int, now=None, **values) -> Event:
    """Change an event unless someone saved it since `expected_version` (ConcurrentEditError).
    Seats a larger capacity frees are offered to those waiting; a smaller capacity takes no
    seat from anyone who has one. Side effect: offers are mailed after the commit."""
    now = now or timezone.now()
    for name, value in _event_values(values).items():
        setattr(event, name, value)
    event.full_clean()
    with transaction.atomic():
        claim_next_version(
            event,
            expected_version=expected_version,
            message=_("Arrangementet er ændret af en anden. Se den nye udgave og prøv igen."),
        )
        event.save()
        _mail_offers(_offer_free_seats(_locked_event(event.pk), now))
    return event


def cancel_event(*, event: Event, expected_version: int, now: datetime | None = None) -> Event:
    """Cancel the event (ConcurrentEditError if it changed since `expected_version`): it stays
    on the pages and in the calendar as cancelled and takes no registrations; open offers lapse.
    Side effect: everyone registered, offered or waiting is told by mail after the commit."""
    now = now or timezone.now()
    with transaction.atomic():
        claim_next_version(
            event,
            expected_version=expected_version,
            message=_("Arrangementet er ændret af en anden. Se den nye udgave og prøv igen."),
        )
        event = _locked_event(event.pk)
        if event.is_cancelled:
            return event
        event.cancelled_at = now
        event.save(update_fields=["cancelled_at"])
        told = list(
            event.registrations.filter(
                state__in=[
                    RegistrationState.REGISTERED,
                    RegistrationState.OFFERED,
                    RegistrationState.WAITING,
                ]
            ).values_list("pk", flat=True)
        )
        event.registrations.filter(state=RegistrationState.OFFERED).update(
            state=RegistrationState.EXPIRED, offer_expires_at=None, changed_at=now
        )
        for pk in told:
            _mail_after_commit(pk, "event-cancelled")
    return event


def record_attendance(*, event: Event, attended_ids, now: datetime | None = None) -> int:
    """Mark who came: registrations with a seat in `attended_ids` attended, the rest with a
    seat no-shows. Only once the event has started (else ValidationError). Returns how many
    attended."""
    now = now or timezone.now()
    attended_ids = set(attended_ids)
    with transaction.atomic():
        event = _locked_event(event.pk)
        if now < event.starts_at:
            raise ValidationError(
                _("Fremmøde kan registreres, når arrangementet er begyndt."), code="too_early"
            )
        seated = event.registrations.filter(
            state__in=[
                RegistrationState.REGISTERED,
                RegistrationState.ATTENDED,
                RegistrationState.NO_SHOW,
            ]
        )
        came = seated.filter(pk__in=attended_ids).update(
            state=RegistrationState.ATTENDED, changed_at=now
        )
        seated.exclude(pk__in=attended_ids).update(state=RegistrationState.NO_SHOW, changed_at=now)
    return came


# Personal data (GDPR art. 15, 17 and 20): what a person gave when registering.

PERSONAL_FIELDS = ["name", "email", "company_name", "cvr_number"]


def registrations_of(*, municipality, email: str):
    return (
        Registration.objects.of_municipality(municipality)
        .filter(email=email.strip().lower())
        .exclude(email="")
        .select_related("event")
        .order_by("registered_at", "pk")
    )


def personal_data(*, municipality, email: str) -> dict:
    """Everything the municipality's events hold on the person with `email`, as JSON-ready
    values: each registration with the event, the state, the times and the privacy text shown."""
    return {
        "exported_at": timezone.now().isoformat(),
        "controller": municipality.name,
        "email": email.strip().lower(),
        "registrations": [
            {
                "event": registration.event.title,
                "event_starts_at": registration.event.starts_at.isoformat(),
                **{name: getattr(registration, name) for name in PERSONAL_FIELDS},
                "state": registration.get_state_display(),
                "registered_at": registration.registered_at.isoformat(),
                "changed_at": registration.changed_at.isoformat(),
                "consent_text": registration.consent_text,
            }
            for registration in registrations_of(municipality=municipality, email=email)
        ],
    }


def erase_person(*, municipality, email: str, now: datetime | None = None) -> int:
    """Anonymise every registration of `email` with the municipality's events: name, e-mail,
    company and the self-service key are removed; the state stays, so the counts of events
    and attendees do not change. A seat held is given up first (as a cancellation, so the next
    person waiting is offered it, without a mail to the erased person). Returns how many
    registrations were anonymised."""
    now = now or timezone.now()
    count = 0
    for registration in registrations_of(municipality=municipality, email=email):
        with transaction.atomic():
            event, registration = _locked(registration)
            if registration.state in (
                RegistrationState.REGISTERED,
                RegistrationState.OFFERED,
                RegistrationState.WAITING,
            ) and (now < event.starts_at):
                _change(registration, RegistrationState.CANCELLED, now)
                _mail_offers(_offer_free_seats(event, now))
            Registration.objects.filter(pk=registration.pk).update(
                name="",
                email="",
                company_name="",
                cvr_number="",
                company=None,
                token=f"erased-{secrets.token_urlsafe(24)}",
                anonymised_at=now,
            )
            count += 1
    return count
