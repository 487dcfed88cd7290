from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.bounds import MEASURE_DIGITS, LongTextField, validate_plausible_date
from core.models import Municipality, ScopedQuerySet
from strategy import sources
from strategy.documents import validate_content
from strategy.enums import (
    Assessment,
    Comparator,
    DataSource,
    Direction,
    GoalKind,
    GoalStatus,
    PlanKind,
    PlanStatus,
    Recurrence,
    TrackKind,
)

# The fields of a goal that `strategy.services.refresh_goal_status` computes, never a person.
COMPUTED_FIELDS = ["status", "progress", "expected_progress", "latest_measurement", "status_on"]

SOURCE_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


def validate_source_document_size(upload) -> None:
    if upload.size > SOURCE_DOCUMENT_MAX_BYTES:
        raise ValidationError(_("Dokumentet må højst fylde 20 MB."), code="too_large")


year_validators = [MinValueValidator(1970), MaxValueValidator(2100)]


class PlanQuerySet(ScopedQuerySet):
    def public(self):
        """Adopted plans: public information, shown without login."""
        return self.filter(status=PlanStatus.ADOPTED)


class Plan(models.Model):
    """A plan document: a strategy, policy, action plan or timetable, as adopted."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="plans", verbose_name=_("kommune")
    )
    kind = models.CharField(_("type"), max_length=20, choices=PlanKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    period_start = models.PositiveSmallIntegerField(
        _("periode fra (år)"), validators=year_validators
    )
    period_end = models.PositiveSmallIntegerField(_("periode til (år)"), validators=year_validators)
    adopted_on = models.DateField(
        _("vedtaget den"), null=True, blank=True, validators=[validate_plausible_date]
    )
    adopted_by = models.CharField(_("vedtaget af"), max_length=200, blank=True)
    implements = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="implemented_by",
        verbose_name=_("udmønter"),
        help_text=_("Den strategi eller politik, som en handleplan eller tidsplan udmønter."),
    )
    summary = LongTextField(_("resumé og vision"), blank=True)
    source_document = models.FileField(
        _("kildedokument"),
        upload_to="plans/",
        blank=True,
        validators=[
            FileExtensionValidator(["pdf", "docx", "txt", "md"]),
            validate_source_document_size,
            validate_content,
        ],
    )
    internal_note = LongTextField(
        _("intern note"), blank=True, help_text=_("Ses kun af kommunens egne brugere.")
    )
    history = HistoricalRecords()

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("planer")
        ordering = ["municipality", "-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="plan_period_ends_after_start",
                violation_error_message=_("Perioden skal slutte samme år eller efter den starter."),
            ),
            models.UniqueConstraint(
                fields=["municipality", "title"],
                name="plan_title_unique_per_municipality",
                violation_error_message=_("Kommunen har allerede en plan med denne titel."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == PlanStatus.ADOPTED

    @property
    def period_label(self) -> str:
        if self.period_start == self.period_end:
            return str(self.period_start)
        return f"{self.period_start}-{self.period_end}"

    def clean(self) -> None:
        if self.implements_id and self.implements.municipality_id != self.municipality_id:
            raise ValidationError(
                {"implements": _("En plan kan kun udmønte en plan i samme kommune.")}
            )


class KeyFigure(models.Model):
    """A number a plan document states as context, such as 19.369 employed in 2011."""

    municipality_path = "plan__municipality"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="key_figures", verbose_name=_("plan")
    )
    label = models.CharField(_("betegnelse"), max_length=300)
    value = models.DecimalField(_("værdi"), **MEASURE_DIGITS)
    unit = models.CharField(_("enhed"), max_length=50, blank=True)
    period = models.CharField(_("periode"), max_length=50, blank=True)
    source = models.CharField(_("kilde"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("nøgletal")
        verbose_name_plural = _("nøgletal")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.label


class Commitment(models.Model):
    """A "how we do it" commitment of a policy, such as transparent procurement."""

    municipality_path = "plan__municipality"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("plan")
    )
    title = models.CharField(_("titel"), max_length=200)
    text = LongTextField(_("tekst"), blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("indsats (hvordan gør vi det)")
        verbose_name_plural = _("indsatser (hvordan gør vi det)")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Track(models.Model):
    """A track (spor) of a plan: strategic, or cross-cutting in support of the strategic ones."""

    municipality_path = "plan__municipality"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="tracks", verbose_name=_("plan")
    )
    kind = models.CharField(_("type"), max_length=20, choices=TrackKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    summary = LongTextField(_("kort formål"), blank=True)
    motivation = LongTextField(_("motivation"), blank=True)
    background = LongTextField(_("baggrund"), blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("spor")
        verbose_name_plural = _("spor")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "title"],
                name="track_title_unique_per_plan",
                violation_error_message=_("Planen har allerede et spor med denne titel."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class Theme(models.Model):
    """A theme, focus area or sub-heading (tema, indsatsområde) within a plan or a track."""

    municipality_path = "plan__municipality"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="themes", verbose_name=_("plan")
    )
    track = models.ForeignKey(
        Track,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="themes",
        verbose_name=_("spor"),
    )
    title = models.CharField(_("titel"), max_length=200)
    description = LongTextField(_("beskrivelse"), blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.track_id and self.track.plan_id != self.plan_id:
            raise ValidationError({"track": _("Sporet hører til en anden plan.")})


class Goal(models.Model):
    """A goal (mål): qualitative, a quantified indicator with a target, or a dated milestone.

    A quantified goal carries its indicator in the same row: metric, unit, baseline, comparator,
    target and deadline, or a yearly target from a given year. How status follows from these is
    documented in `strategy.status`.
    """

    municipality_path = "plan__municipality"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="goals", verbose_name=_("plan")
    )
    track = models.ForeignKey(
        Track,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("spor"),
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("tema"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("overordnet mål"),
    )
    title = models.CharField(_("mål"), max_length=500)
    description = LongTextField(_("uddybning"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=GoalKind.choices)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    metric = models.CharField(_("indikator"), max_length=300, blank=True)
    unit = models.CharField(_("enhed"), max_length=50, blank=True)
    direction = models.CharField(
        _("retning"),
        max_length=20,
        choices=Direction.choices,
        default=Direction.HIGHER_IS_BETTER,
    )
    baseline_value = models.DecimalField(_("udgangspunkt"), null=True, blank=True, **MEASURE_DIGITS)
    baseline_date = models.DateField(
        _("udgangspunkt, dato"), null=True, blank=True, validators=[validate_plausible_date]
    )
    baseline_source = models.CharField(_("udgangspunkt, kilde"), max_length=300, blank=True)
    comparator = models.CharField(
        _("sammenligning"), max_length=20, choices=Comparator.choices, blank=True
    )
    target_value = models.DecimalField(_("måltal"), null=True, blank=True, **MEASURE_DIGITS)
    deadline = models.DateField(
        _("frist"), null=True, blank=True, validators=[validate_plausible_date]
    )
    deadline_text = models.CharField(
        _("frist som i dokumentet"),
        max_length=100,
        blank=True,
        help_text=_("Dokumentets egen formulering, fx 'inden udgangen af 2013'."),
    )
    recurrence = models.CharField(
        _("gentagelse"), max_length=20, choices=Recurrence.choices, default=Recurrence.NONE
    )
    recurrence_from_year = models.PositiveSmallIntegerField(
        _("årligt mål fra år"), null=True, blank=True, validators=year_validators
    )
    data_source = models.CharField(
        _("datakilde"), max_length=20, choices=DataSource.choices, default=DataSource.MANUAL
    )
    # The key of a registered platform source (`strategy.sources`) for a goal counted in Kurs;
    # not a choices field, since the sources are registered by the apps that count them.
    platform_source = models.CharField(
        _("tælles fra"),
        max_length=100,
        blank=True,
        help_text=_(
            "Fx 'inquiries.kept_share': hvilket tal i Kurs målet hentes fra; flere lægges "
            "sammen med '+'."
        ),
    )
    rollup_weight = models.DecimalField(
        _("vægt i overordnet mål"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_goals",
        verbose_name=_("ansvarlig"),
    )
    internal_note = LongTextField(
        _("intern note"), blank=True, help_text=_("Ses kun af kommunens egne brugere.")
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    # The goal's status as the rules compute it (`strategy.rollup.evaluate_family`), kept on the
    # row so that lists read one row per goal. Written only by `strategy.services`
    # (`refresh_goal_status`), in the transaction of every change that moves it, and again on the
    # first read of a new day (`status_on`), since a status can change with the date alone.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=GoalStatus.choices,
        default=GoalStatus.NOT_MEASURED,
        editable=False,
    )
    progress = models.FloatField(_("fremdrift"), null=True, blank=True, editable=False)
    expected_progress = models.FloatField(
        _("forventet fremdrift"), null=True, blank=True, editable=False
    )
    latest_measurement = models.ForeignKey(
        "Measurement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("seneste måling"),
    )
    status_on = models.DateField(_("status beregnet for"), null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=[*COMPUTED_FIELDS, "version"])

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=GoalKind.QUANTIFIED)
                | (models.Q(target_value__isnull=False) & ~models.Q(comparator="")),
                name="goal_quantified_has_target",
                violation_error_message=_("Et kvantificeret mål skal have et måltal."),
            ),
            models.CheckConstraint(
                condition=~models.Q(recurrence=Recurrence.YEARLY)
                | models.Q(recurrence_from_year__isnull=False),
                name="goal_yearly_target_has_start_year",
                violation_error_message=_("Et årligt mål skal have et startår."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_quantified(self) -> bool:
        return self.kind == GoalKind.QUANTIFIED

    @property
    def platform(self):
        """The registered source the goal is counted from, or None."""
        return sources.resolve(self.platform_source) if self.platform_source else None

    @property
    def effective_deadline(self):
        """The deadline the document states, or else the last day of the plan's period."""
        from datetime import date

        return self.deadline or date(self.plan.period_end, 12, 31)

    def _ancestor_ids(self) -> set[int]:
        """The ids above this goal: its parent, the parent's parent and so on (a query each)."""
        found, parent_id = set(), self.parent_id
        while parent_id is not None and parent_id not in found:
            found.add(parent_id)
            parent_id = (
                Goal.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
            )
        return found

    def clean(self) -> None:
        errors = {}
        if self.kind == GoalKind.QUANTIFIED:
            if self.target_value is None:
                errors["target_value"] = _("Et kvantificeret mål skal have et måltal.")
            if not self.comparator:
                errors["comparator"] = _("Vælg om målet er mindst eller højst måltallet.")
        if self.comparator == Comparator.AT_LEAST and self.direction != Direction.HIGHER_IS_BETTER:
            errors["direction"] = _("'Mindst' passer kun til et mål, hvor højere er bedre.")
        if self.comparator == Comparator.AT_MOST and self.direction != Direction.LOWER_IS_BETTER:
            errors["direction"] = _("'Højst' passer kun til et mål, hvor lavere er bedre.")
        if self.kind == GoalKind.MILESTONE and not self.deadline:
            errors["deadline"] = _("En milepæl skal have en frist.")
        if self.recurrence == Recurrence.YEARLY and not self.recurrence_from_year:
            errors["recurrence_from_year"] = _("Et årligt mål skal have et startår.")
        if self.platform_source:
            if self.data_source != DataSource.PLATFORM:
                errors["platform_source"] = _("Kun et mål, der tælles i Kurs, har en kilde i Kurs.")
            else:
                unknown = [
                    key for key in sources.keys_of(self.platform_source) if not sources.get(key)
                ]
                if unknown or not sources.keys_of(self.platform_source):
                    errors["platform_source"] = _("Kurs kender ikke kilden '%(key)s'.") % {
                        "key": ", ".join(unknown) or self.platform_source
                    }
        if self.baseline_value is not None and not self.baseline_date:
            errors["baseline_date"] = _("Angiv hvornår udgangspunktet er målt.")
        if self.deadline and self.baseline_date and self.deadline < self.baseline_date:
            errors["deadline"] = _("Fristen ligger før udgangspunktets dato.")
        if self.track_id and self.plan_id and self.track.plan_id != self.plan_id:
            errors["track"] = _("Sporet hører til en anden plan.")
        if self.theme_id and self.plan_id and self.theme.plan_id != self.plan_id:
            errors["theme"] = _("Temaet hører til en anden plan.")
        if self.parent_id:
            if self.parent_id == self.pk or self.pk in self._ancestor_ids():
                errors["parent"] = _("Et mål kan ikke ligge under sig selv eller sine delmål.")
            elif self.parent.plan.municipality_id != self.plan.municipality_id:
                errors["parent"] = _("Det overordnede mål hører til en anden kommune.")
        if errors:
            raise ValidationError(errors)


class Measurement(models.Model):
    """A measured value of a goal's indicator, or an assessment of a qualitative goal."""

    municipality_path = "goal__plan__municipality"

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("mål")
    )
    measured_on = models.DateField(_("dato"), validators=[validate_plausible_date])
    value = models.DecimalField(_("værdi"), null=True, blank=True, **MEASURE_DIGITS)
    assessment = models.CharField(
        _("vurdering"), max_length=20, choices=Assessment.choices, blank=True
    )
    source = models.CharField(_("kilde"), max_length=300)
    note = LongTextField(_("note"), blank=True)
    is_illustrative = models.BooleanField(
        _("illustrativ"),
        default=False,
        help_text=_("Demodata, der ikke stammer fra kommunens dokumenter."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indtastet af"),
    )
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )
    # A figure Kurs counted (`strategy.sources`): which source, over which period, and when it
    # was last counted. Counting again updates this row, so a period has one counted figure.
    counted_from = models.CharField(_("talt fra"), max_length=300, blank=True, editable=False)
    period_start = models.DateField(
        _("periodens start"), null=True, blank=True, validators=[validate_plausible_date]
    )
    period_end = models.DateField(
        _("periodens slutning"), null=True, blank=True, validators=[validate_plausible_date]
    )
    counted_at = models.DateTimeField(_("sidst talt"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["submission_token", "counted_at"])

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("måling")
        verbose_name_plural = _("målinger")
        ordering = ["goal", "measured_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | ~models.Q(assessment=""),
                name="measurement_has_value_or_assessment",
                violation_error_message=_("En måling skal have en værdi eller en vurdering."),
            ),
            models.UniqueConstraint(
                fields=["goal", "counted_from", "period_start"],
                condition=~models.Q(counted_from=""),
                name="measurement_counted_once_per_period",
                violation_error_message=_("Perioden er allerede talt for målet."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal}: {self.value if self.value is not None else self.assessment}"
