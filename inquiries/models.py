"""Inquiries from businesses through the one entry point, the teams and topics they are routed
to, the teams' working calendars, the service promise of each topic, and the state log the
promise clock reads (`inquiries.promises`, `inquiries.clock`)."""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    validate_comma_separated_integer_list,
)
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from businesses.cvr.numbers import validate_cvr
from businesses.models import Company
from core.bounds import LongTextField
from core.models import Municipality, ScopedQuerySet
from inquiries import clock
from inquiries.enums import Action, ClockKind, ClockStart, State, TimeUnit, Weekday

# What the public form accepts: enough for any real inquiry, too little for a pasted book.
MESSAGE_MAX_LENGTH = 5_000
REASON_MAX_LENGTH = 500
# A promise longer than a year (8,760 hours) is a typo; it also bounds the clock's work.
PROMISE_LIMIT = 8_760


def validate_warning_shares(value: str) -> None:
    validate_comma_separated_integer_list(value)
    shares = [int(part) for part in value.split(",")]
    if shares != sorted(set(shares)) or not all(1 <= share <= 200 for share in shares):
        raise ValidationError(
            _("Skriv stigende procenter mellem 1 og 200, adskilt af komma, fx 50,80,100."),
            code="invalid_shares",
        )


class WorkCalendar(models.Model):
    """A team's working time: opening hours per weekday and the holidays it keeps open."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=200)

    # Who changed a promise or a calendar, and when: the admin's "History" page.
    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("arbejdskalender")
        verbose_name_plural = _("arbejdskalendere")
        ordering = ["municipality", "name"]

    def __str__(self) -> str:
        return self.name

    def as_clock(self) -> clock.WorkCalendar:
        """The calendar for the clock; reads `hours` and `disabled_holidays` (prefetch them)."""
        return clock.WorkCalendar(
            {row.weekday: (row.opens, row.closes) for row in self.hours.all()},
            frozenset(row.holiday for row in self.disabled_holidays.all()),
        )


class WorkingHours(models.Model):
    """When a calendar's weekday opens and closes (a weekday without a row is closed)."""

    municipality_path = "calendar__municipality"

    calendar = models.ForeignKey(
        WorkCalendar, on_delete=models.CASCADE, related_name="hours", verbose_name=_("kalender")
    )
    weekday = models.PositiveSmallIntegerField(_("ugedag"), choices=Weekday.choices)
    opens = models.TimeField(_("åbner"), default=time(8))
    closes = models.TimeField(_("lukker"), default=time(16))

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("arbejdstid")
        verbose_name_plural = _("arbejdstider")
        ordering = ["calendar", "weekday"]
        constraints = [
            models.UniqueConstraint(
                fields=["calendar", "weekday"],
                name="working_hours_one_per_weekday",
                violation_error_message=_("Ugedagen har allerede en arbejdstid."),
            ),
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")),
                name="working_hours_open_before_close",
                violation_error_message=_("Arbejdstiden skal begynde, før den slutter."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class DisabledHoliday(models.Model):
    """A holiday a calendar treats as a working day (every other holiday is closed)."""

    municipality_path = "calendar__municipality"

    calendar = models.ForeignKey(
        WorkCalendar,
        on_delete=models.CASCADE,
        related_name="disabled_holidays",
        verbose_name=_("kalender"),
    )
    holiday = models.CharField(
        _("helligdag"),
        max_length=100,
        choices=[(key, danish) for key, danish in clock.holiday_names()],
    )

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("helligdag, der er arbejdsdag")
        verbose_name_plural = _("helligdage, der er arbejdsdage")
        ordering = ["calendar", "holiday"]
        constraints = [
            models.UniqueConstraint(
                fields=["calendar", "holiday"],
                name="disabled_holiday_once_per_calendar",
                violation_error_message=_("Helligdagen er allerede slået fra."),
            )
        ]

    def __str__(self) -> str:
        return self.get_holiday_display()


class Team(models.Model):
    """A team that answers inquiries, with its lead (warned, and named in receipts)."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=200)
    calendar = models.ForeignKey(
        WorkCalendar, on_delete=models.PROTECT, related_name="teams", verbose_name=_("kalender")
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("teamleder"),
    )

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["municipality", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def contact_name(self) -> str:
        """Whom a receipt names as the business's contact: the lead, or else the team."""
        if self.lead is not None:
            return self.lead.get_full_name() or self.lead.username
        return self.name


class Topic(models.Model):
    """What a business can ask about; routes the inquiry to a team and carries the promise.

    The promise has two clocks: the first response (from receipt until the first answer) and
    the resolution (a lower and an upper bound, from the start the topic names, paused while
    the case waits for the business). A clock without an amount promises nothing."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="topics", verbose_name=_("team")
    )
    name = models.CharField(_("emne"), max_length=200)
    description = models.CharField(_("beskrivelse"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    is_active = models.BooleanField(_("vises i formularen"), default=True)
    promise_text = models.CharField(
        _("servicemål som i dokumentet"),
        max_length=300,
        blank=True,
        help_text=_("Fx 'Tilbud om kandidater senest 72 timer efter henvendelsen'."),
    )
    response_time = models.PositiveIntegerField(
        _("første svar inden for"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(PROMISE_LIMIT)],
    )
    response_unit = models.CharField(
        _("enhed for første svar"),
        max_length=20,
        choices=TimeUnit.choices,
        default=TimeUnit.WORKING_HOURS,
    )
    resolution_min = models.PositiveIntegerField(
        _("afgjort tidligst efter"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(PROMISE_LIMIT)],
    )
    resolution_max = models.PositiveIntegerField(
        _("afgjort senest efter"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(PROMISE_LIMIT)],
    )
    resolution_unit = models.CharField(
        _("enhed for afgørelse"),
        max_length=20,
        choices=TimeUnit.choices,
        default=TimeUnit.CALENDAR_DAYS,
    )
    clock_start = models.CharField(
        _("uret for afgørelse starter"),
        max_length=20,
        choices=ClockStart.choices,
        default=ClockStart.ON_RECEIPT,
    )
    warning_shares = models.CharField(
        _("advarsler ved brugt tid (%)"),
        max_length=50,
        default="50,80,100",
        validators=[validate_warning_shares],
    )

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("emne")
        verbose_name_plural = _("emner")
        ordering = ["municipality", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resolution_min__isnull=True)
                | models.Q(resolution_max__isnull=True)
                | models.Q(resolution_min__lte=models.F("resolution_max")),
                name="topic_resolution_bounds_in_order",
                violation_error_message=_("Den nedre grænse må ikke være over den øvre."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (
            self.team_id
            and self.municipality_id
            and self.team.municipality_id != (self.municipality_id)
        ):
            raise ValidationError({"team": _("Teamet hører til en anden kommune.")})
        if self.resolution_min is not None and self.resolution_max is None:
            raise ValidationError({"resolution_max": _("Angiv også den øvre grænse.")})

    @property
    def shares(self) -> list[int]:
        return [int(part) for part in self.warning_shares.split(",")]

    @property
    def response_text(self) -> str:
        """The first-response promise as a person reads it, e.g. "72 timer"; empty for none."""
        if self.response_time is None:
            return ""
        return f"{self.response_time} {self.get_response_unit_display()}"

    @property
    def resolution_text(self) -> str:
        """The resolution promise, e.g. "40-60 kalenderdage"; empty for none."""
        if self.resolution_max is None:
            return ""
        amount = str(self.resolution_max)
        if self.resolution_min is not None and self.resolution_min != self.resolution_max:
            amount = f"{self.resolution_min}-{self.resolution_max}"
        return f"{amount} {self.get_resolution_unit_display()}"


class InquiryQuerySet(ScopedQuerySet):
    def open(self):
        return self.exclude(state=State.CLOSED)


class Inquiry(models.Model):
    """An inquiry (henvendelse) from a business, and where its promise stands.

    The deadlines, time used and outcome are computed by `inquiries.promises` from the state
    log and stored here so that the queue sorts and reads one row per inquiry; they are written
    only by `inquiries.services`, on every change and by the warnings job."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    reference = models.CharField(_("sagsnummer"), max_length=30, unique=True, editable=False)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="inquiries", verbose_name=_("emne")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="inquiries", verbose_name=_("team")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sagsbehandler"),
    )
    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.RECEIVED
    )
    # As the business typed and confirmed them; `company` links the register's row when the
    # register knows the number (a valid number it does not know is accepted all the same).
    cvr_number = models.CharField(_("CVR-nummer"), max_length=8, validators=[validate_cvr])
    company_name = models.CharField(_("virksomhedens navn"), max_length=200)
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("virksomhed i registeret"),
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    message = LongTextField(_("henvendelse"), max_length=MESSAGE_MAX_LENGTH)
    received_at = models.DateTimeField(_("modtaget"))
    responded_at = models.DateTimeField(_("første svar"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)

    response_due_at = models.DateTimeField(_("frist for første svar"), null=True, editable=False)
    resolution_expected_at = models.DateTimeField(_("tidligst afgjort"), null=True, editable=False)
    resolution_due_at = models.DateTimeField(_("frist for afgørelse"), null=True, editable=False)
    # The deadline the team works towards now: the first response until it is given, then the
    # resolution; the queue sorts by it. Empty when closed or no clock runs.
    due_at = models.DateTimeField(_("næste frist"), null=True, editable=False, db_index=True)
    # The resolution clock's time used up to `clock_read_at`, so that a page can show the clock
    # without reading the log: it adds the time since, if the clock runs.
    resolution_used = models.DurationField(_("brugt tid"), null=True, editable=False)
    clock_read_at = models.DateTimeField(_("uret aflæst"), null=True, editable=False)
    net_days = models.FloatField(_("nettotid i dage"), null=True, editable=False)
    kept = models.BooleanField(_("servicemål holdt"), null=True, editable=False)

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("henvendelse")
        verbose_name_plural = _("henvendelser")
        ordering = ["-received_at", "pk"]
        indexes = [models.Index(fields=["municipality", "state"], name="inquiry_open_queue")]

    def __str__(self) -> str:
        return f"{self.reference} {self.company_name}"

    @property
    def is_open(self) -> bool:
        return self.state != State.CLOSED


class InquiryEvent(models.Model):
    """One entry of an inquiry's state log: what happened, when, by whom, why, and the state,
    team and owner after it. Append-only: the clock is rebuilt from these rows alone."""

    municipality_path = "inquiry__municipality"

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="events", verbose_name=_("henvendelse")
    )
    at = models.DateTimeField(_("tidspunkt"))
    action = models.CharField(_("handling"), max_length=20, choices=Action.choices)
    state = models.CharField(_("status"), max_length=20, choices=State.choices)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sagsbehandler"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("udført af"),
    )
    reason = models.CharField(_("begrundelse"), max_length=REASON_MAX_LENGTH, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("hændelse")
        verbose_name_plural = _("hændelser")
        ordering = ["inquiry", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.inquiry.reference}: {self.get_action_display()}"


class InquiryWarning(models.Model):
    """A warning sent (or being sent) about a clock passing a share of its time; claimed before
    the e-mail goes out, so each threshold is sent once per recipient."""

    municipality_path = "inquiry__municipality"

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="warnings", verbose_name=_("henvendelse")
    )
    kind = models.CharField(_("ur"), max_length=20, choices=ClockKind.choices)
    threshold = models.PositiveSmallIntegerField(_("tærskel (%)"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("modtager"),
    )
    sent_at = models.DateTimeField(_("sendt"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("advarsel")
        verbose_name_plural = _("advarsler")
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "kind", "threshold", "recipient"],
                name="inquiry_warning_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.inquiry.reference} {self.kind} {self.threshold} %"


class SatisfactionAnswer(models.Model):
    """The business's answer to 'Were you satisfied?' after its inquiry was closed."""

    municipality_path = "inquiry__municipality"

    inquiry = models.OneToOneField(
        Inquiry,
        on_delete=models.CASCADE,
        related_name="satisfaction",
        verbose_name=_("henvendelse"),
    )
    satisfied = models.BooleanField(_("tilfreds"))
    answered_at = models.DateTimeField(_("besvaret"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("tilfredshedssvar")
        verbose_name_plural = _("tilfredshedssvar")

    def __str__(self) -> str:
        return f"{self.inquiry.reference}: {self.satisfied}"
