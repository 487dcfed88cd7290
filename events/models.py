"""Events a municipality holds for businesses (network, dialogue and information meetings,
conferences) and the registrations for them.

- `Event`: when and where, how many seats (`capacity`, none for an open meeting), until when one
  may register, whether it is on the public pages, and whether it was cancelled. Staff edits
  claim the next `version` (`core.concurrency`).
- `Registration`: one person's registration, from the public page: name, e-mail, company (the
  CVR number looked up in `businesses`), the privacy text they accepted, and a state
  (`enums.RegistrationState`). A random `token` is their key to the self-service page that every
  mail links to. Which states hold a seat, and the order of the waiting list, are rules of
  `events.services`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from businesses.cvr.numbers import validate_cvr
from businesses.models import Company
from core.bounds import LongTextField, validate_plausible_date
from core.models import Municipality, ScopedQuerySet
from core.richtext import clean_html
from events.enums import ACTIVE_STATES, DatePrecision, EventKind, RegistrationState

# Seats of the largest conference hall a municipality books; more is a typo.
CAPACITY_LIMIT = 10_000
DEFAULT_PRIVACY_TEXT = _(
    "Kommunen bruger dit navn, din e-mail og virksomhedens navn og CVR-nummer til at "
    "administrere tilmeldingen, sende dig besked om arrangementet og tælle deltagere. "
    "Oplysningerne slettes, når du beder om det. Du kan altid afmelde dig via linket i mailen."
)


def default_privacy_text() -> str:
    """The privacy text a new event starts with: stored as data, so in Danish whatever the
    language of the staff member who creates the event."""
    with translation.override("da"):
        return str(DEFAULT_PRIVACY_TEXT)


def validate_plausible_moment(value) -> None:
    """A date and time within the dates Kurs accepts (`core.bounds`)."""
    if value is not None:
        validate_plausible_date(value.date())


class Event(models.Model):
    """A meeting or conference for businesses, with its seats and its registration period."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = LongTextField(
        _("beskrivelse"),
        blank=True,
        help_text=_("Afsnit, fed, kursiv, lister og links er tilladt; andet fjernes."),
    )
    place = models.CharField(_("sted"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starter"), validators=[validate_plausible_moment])
    ends_at = models.DateTimeField(
        _("slutter"), null=True, blank=True, validators=[validate_plausible_moment]
    )
    date_precision = models.CharField(
        _("tidspunktet kendes"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.EXACT,
    )
    capacity = models.PositiveIntegerField(
        _("antal pladser"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(CAPACITY_LIMIT)],
        help_text=_("Tomt: ingen grænse."),
    )
    registration_deadline = models.DateTimeField(
        _("tilmeldingsfrist"), null=True, blank=True, validators=[validate_plausible_moment]
    )
    is_public = models.BooleanField(
        _("offentligt"),
        default=True,
        help_text=_(
            "Vises på kommunens offentlige side og i kalenderen, og alle kan tilmelde sig."
        ),
    )
    privacy_text = LongTextField(
        _("tekst om persondata"),
        default=default_privacy_text,
        help_text=_("Vises ved tilmeldingen og gemmes med hver tilmelding."),
    )
    cancelled_at = models.DateTimeField(_("aflyst"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "starts_at"], name="event_by_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("Arrangementet skal slutte, efter det starter."),
            ),
            models.CheckConstraint(
                condition=models.Q(registration_deadline__isnull=True)
                | models.Q(registration_deadline__lte=models.F("starts_at")),
                name="event_deadline_before_start",
                violation_error_message=_("Tilmeldingsfristen skal ligge før arrangementet."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def clean(self):
        super().clean()
        # Every write path validates through here (services, the demo), so the description the
        # public page shows as HTML is always the sanitised one.
        self.description = clean_html(self.description)


class Registration(models.Model):
    """One person's registration for an event, with its place in the seats or the waiting list."""

    municipality_path = "event__municipality"

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("arrangement")
    )
    name = models.CharField(_("navn"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    company_name = models.CharField(_("virksomhed"), max_length=200, blank=True)
    cvr_number = models.CharField(
        _("CVR-nummer"), max_length=8, blank=True, validators=[validate_cvr]
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("virksomhed i registeret"),
    )
    state = models.CharField(_("status"), max_length=20, choices=RegistrationState.choices)
    registered_at = models.DateTimeField(_("tilmeldt"))
    consent_text = LongTextField(_("vist tekst om persondata"), blank=True)
    offer_expires_at = models.DateTimeField(_("tilbuddet udløber"), null=True, blank=True)
    changed_at = models.DateTimeField(_("status ændret"))
    # The key to the self-service page in every mail (`secrets.token_urlsafe`).
    token = models.CharField(_("nøgle"), max_length=64, unique=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymiseret"), null=True, blank=True)
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("tilmelding")
        verbose_name_plural = _("tilmeldinger")
        # The waiting list's order: first come, first offered.
        ordering = ["registered_at", "pk"]
        indexes = [models.Index(fields=["event", "state"], name="registration_by_state")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(state__in=ACTIVE_STATES) & ~models.Q(email=""),
                name="registration_email_once_per_event",
                violation_error_message=_("Den e-mail er allerede tilmeldt arrangementet."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_state_display()})"

    def clean(self):
        super().clean()
        if self.state == RegistrationState.OFFERED and self.offer_expires_at is None:
            raise ValidationError(_("Et tilbud om en plads skal have en udløbstid."))
