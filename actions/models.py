from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actions.enums import ActivityStatus, ReportingCycle, TrafficLight
from core.bounds import HOURS_DIGITS, MONEY_DIGITS, LongTextField, validate_plausible_date
from core.models import Municipality, ScopedQuerySet
from strategy.models import Goal, Plan, Theme

MONEY = {**MONEY_DIGITS, "validators": [MinValueValidator(0)]}


class Committee(models.Model):
    """A political committee (udvalg) that owns or steers a plan."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="committees", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=200)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("udvalg")
        verbose_name_plural = _("udvalg")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="committee_name_unique_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return self.name


class CommitteeMember(models.Model):
    """A member of a committee, with party letter and role as the document lists them."""

    municipality_path = "committee__municipality"

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="members", verbose_name=_("udvalg")
    )
    name = models.CharField(_("navn"), max_length=200)
    party = models.CharField(_("parti"), max_length=10, help_text=_("Partibogstav, fx A"))
    role = models.CharField(_("rolle"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("udvalgsmedlem")
        verbose_name_plural = _("udvalgsmedlemmer")
        ordering = ["committee", "order", "pk"]

    def __str__(self) -> str:
        return f"({self.party}) {self.name}"


class PlanSteering(models.Model):
    """How an action plan or timetable is steered: committee, reporting cycle, resources."""

    municipality_path = "plan__municipality"

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="steering", verbose_name=_("plan")
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("udvalg"),
    )
    administration = models.CharField(_("administration"), max_length=200, blank=True)
    reporting_cycle = models.CharField(
        _("rapporteringsrytme"),
        max_length=20,
        choices=ReportingCycle.choices,
        default=ReportingCycle.QUARTERLY,
    )
    resource_pool = models.DecimalField(_("pulje (kr.)"), null=True, blank=True, **MONEY)
    resource_note = LongTextField(_("ressourceplan"), blank=True)
    evaluation_period = models.CharField(_("planlagt evaluering"), max_length=100, blank=True)
    evaluation_due = models.DateField(
        _("evaluering senest"), null=True, blank=True, validators=[validate_plausible_date]
    )
    evaluation_note = LongTextField(_("om evalueringen"), blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("styring af plan")
        verbose_name_plural = _("styring af planer")

    def __str__(self) -> str:
        return str(self.plan)


class Partner(models.Model):
    """An organisation the municipality works with, such as Gate 21 or DTU."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="partners", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=200)
    description = LongTextField(_("beskrivelse"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("samarbejdspartner")
        verbose_name_plural = _("samarbejdspartnere")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="partner_name_unique_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ServicePromise(models.Model):
    """A promise to businesses stated in a plan, e.g. candidates offered within 72 hours."""

    municipality_path = "plan__municipality"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="service_promises", verbose_name=_("plan")
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("tema")
    )
    text = LongTextField(_("løfte"))
    response_time = models.CharField(_("svartid"), max_length=100, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("serviceløfte")
        verbose_name_plural = _("serviceløfter")
        ordering = ["plan", "pk"]

    def __str__(self) -> str:
        return self.text


class Activity(models.Model):
    """An activity (aktivitet, initiativ) of an action plan or timetable.

    The period is kept as the document writes it (`period_text`, e.g. "4. kvartal 2008" or
    "2007-09") and as the dates it covers (`starts_on`, `ends_on`), parsed by
    `actions.periods.parse_period`.
    """

    municipality_path = "plan__municipality"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="activities", verbose_name=_("plan")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="activities", verbose_name=_("temaer")
    )
    goals = models.ManyToManyField(
        Goal, blank=True, related_name="activities", verbose_name=_("mål, som aktiviteten tjener")
    )
    title = models.CharField(_("titel"), max_length=500)
    description = LongTextField(_("beskrivelse"), blank=True)
    is_central = models.BooleanField(
        _("central aktivitet"), default=False, help_text=_("Planens centrale aktiviteter")
    )
    responsible_unit = models.CharField(_("ansvarlig enhed"), max_length=200, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_activities",
        verbose_name=_("ansvarlig person"),
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="activities", verbose_name=_("samarbejdspartnere")
    )
    period_text = models.CharField(_("periode som i dokumentet"), max_length=100, blank=True)
    starts_on = models.DateField(
        _("start"), null=True, blank=True, validators=[validate_plausible_date]
    )
    ends_on = models.DateField(
        _("slut"), null=True, blank=True, validators=[validate_plausible_date]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    budget = models.DecimalField(_("budget (kr.)"), null=True, blank=True, **MONEY)
    spent = models.DecimalField(_("forbrug (kr.)"), null=True, blank=True, **MONEY)
    hours = models.DecimalField(
        _("timer"),
        **HOURS_DIGITS,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=[partners, goals, themes])

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
                violation_error_message=_("Aktiviteten skal slutte efter den starter."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    """A dated milestone of an activity."""

    municipality_path = "activity__plan__municipality"

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("aktivitet")
    )
    title = models.CharField(_("titel"), max_length=300)
    due_on = models.DateField(_("frist"), validators=[validate_plausible_date])
    done_on = models.DateField(
        _("nået den"), null=True, blank=True, validators=[validate_plausible_date]
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("milepæl")
        verbose_name_plural = _("milepæle")
        ordering = ["activity", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class StatusUpdate(models.Model):
    """A dated status report on an activity with a traffic light and a comment."""

    municipality_path = "activity__plan__municipality"

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="updates", verbose_name=_("aktivitet")
    )
    reported_on = models.DateField(_("dato"), validators=[validate_plausible_date])
    light = models.CharField(_("trafiklys"), max_length=10, choices=TrafficLight.choices)
    comment = LongTextField(_("kommentar"))
    is_internal = models.BooleanField(
        _("intern"), default=True, help_text=_("Interne opdateringer ses kun af kommunens brugere.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forfatter"),
    )
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["submission_token"])

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("statusopdatering")
        verbose_name_plural = _("statusopdateringer")
        ordering = ["activity", "-reported_on", "-pk"]
        indexes = [
            # An activity's newest update: the steering page and the reminders read it per row.
            models.Index(fields=["activity", "-reported_on"], name="status_update_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.get_light_display()}"


class ReminderLog(models.Model):
    """One reminder claimed for one person: the row is inserted before the e-mail is sent.

    The unique constraint on (kind, object key, period key, recipient) is what keeps a reminder
    from being sent twice, also when two runs of `send_reminders` race: the second insert fails.
    The object key names what the reminder is about ("activity:12", "milestone:7", "goal:3"),
    the period key which occurrence (the date the update, measurement or deadline fell due).
    """

    class Kind(models.TextChoices):
        UPDATE_DUE = "update_due", _("Statusopdatering mangler")
        MEASUREMENT_DUE = "measurement_due", _("Måling mangler")
        DUE_SOON = "due_soon", _("Frist snart")
        OVERDUE = "overdue", _("Frist overskredet")

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="reminder_logs",
        verbose_name=_("kommune"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    object_key = models.CharField(_("vedrører"), max_length=100)
    period_key = models.CharField(_("periode"), max_length=40)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_logs",
        verbose_name=_("modtager"),
    )
    email = models.EmailField(_("sendt til"))
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("sendt påmindelse")
        verbose_name_plural = _("sendte påmindelser")
        ordering = ["-sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_key", "period_key", "recipient"],
                name="reminder_sent_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.object_key} ({self.period_key}) → {self.email}"
