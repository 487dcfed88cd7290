from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.bounds import MEASURE_DIGITS
from core.models import Municipality, ScopedQuerySet
from officialstats.periods import MAX_PERIOD_LENGTH
from strategy.models import Goal, Measurement

# What a selection may hold: a table has a handful of variables, a person picks at most a few
# hundred values of one (every municipality is 98), and codes are short.
MAX_VARIABLES = 12
MAX_VALUES = 200
MAX_CODE_LENGTH = 40

table_id_validator = RegexValidator(
    r"^[A-Za-z0-9ÆØÅæøå]{1,20}$", _("Et tabelnavn er bogstaver og cifre, fx ERHV2.")
)


def validate_selection(selection) -> None:
    """A selection is {variable id: [value codes]}, bounded (see MAX_*), with no time variable's
    pattern mixed in: the time variable is always asked for in full."""
    if not isinstance(selection, dict) or not 0 < len(selection) <= MAX_VARIABLES:
        raise ValidationError(_("Vælg værdier for tabellens variable."), code="selection")
    for variable, values in selection.items():
        if (
            not isinstance(variable, str)
            or not 0 < len(variable) <= MAX_CODE_LENGTH
            or not isinstance(values, list)
            or not 0 < len(values) <= MAX_VALUES
            or not all(isinstance(v, str) and 0 < len(v) <= MAX_CODE_LENGTH for v in values)
        ):
            raise ValidationError(
                _("Vælg mellem 1 og %(max)s værdier af variablen %(variable)s."),
                code="selection",
                params={"max": MAX_VALUES, "variable": str(variable)[:MAX_CODE_LENGTH]},
            )


class OfficialSeriesQuerySet(ScopedQuerySet):
    def for_fetching(self):
        return self.select_related("municipality", "goal", "goal__plan").order_by(
            "municipality__code", "order", "pk"
        )

    def for_comparison(self):
        """With their municipality and figures, in the municipality's order: what
        `officialstats.benchmarks.comparison` reads, in two queries however many series."""
        return (
            self.select_related("municipality").prefetch_related("figures").order_by("order", "pk")
        )


class OfficialSeries(models.Model):
    """An official figure read from a Statistics Denmark table: which table and which values.

    The figure for a period is the sum of the selected values (one value each, usually; several
    industries add up). With an `area_variable`, one figure is kept per selected value of that
    variable (Albertslund, its neighbours, the region, the country), which is what the benchmark
    compares; without one, a single figure. A series linked to a `goal` also records its
    figures as the goal's measurements: the municipality's own area, or the single figure.
    """

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="official_series",
        verbose_name=_("kommune"),
    )
    title = models.CharField(_("titel"), max_length=200)
    unit = models.CharField(_("enhed"), max_length=50, blank=True)
    table_id = models.CharField(_("tabel"), max_length=20, validators=[table_id_validator])
    table_text = models.CharField(_("tabellens titel"), max_length=300, blank=True)
    selection = models.JSONField(_("udvalgte værdier"), validators=[validate_selection])
    area_variable = models.CharField(
        _("områdevariabel"),
        max_length=MAX_CODE_LENGTH,
        blank=True,
        help_text=_("Variablen, hvis værdier sammenlignes side om side, fx OMRÅDE."),
    )
    per_capita = models.BooleanField(
        _("pr. 1.000 indbyggere"),
        default=False,
        help_text=_("Vis også tallet pr. 1.000 indbyggere (befolkningen fra FOLK1A)."),
    )
    goal = models.OneToOneField(
        Goal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="official_series",
        verbose_name=_("mål"),
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    fetched_at = models.DateTimeField(_("senest hentet"), null=True, blank=True, editable=False)

    objects = OfficialSeriesQuerySet.as_manager()

    class Meta:
        verbose_name = _("tal fra Danmarks Statistik")
        verbose_name_plural = _("tal fra Danmarks Statistik")
        ordering = ["municipality", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.table_id})"

    @property
    def source(self) -> str:
        return f"Danmarks Statistik, {self.table_id}"

    @property
    def own_area(self) -> str:
        """The area whose figures are the goal's: the municipality's, or '' for one figure."""
        return self.municipality.code if self.area_variable else ""

    def clean(self) -> None:
        if self.per_capita and not self.area_variable:
            raise ValidationError({"per_capita": _("Tal pr. indbygger kræver en områdevariabel.")})
        if self.area_variable and self.area_variable not in (self.selection or {}):
            raise ValidationError({"area_variable": _("Vælg værdier af områdevariablen.")})
        if self.goal_id and self.goal.plan.municipality_id != self.municipality_id:
            raise ValidationError({"goal": _("Målet hører til en anden kommune.")})
        if (
            self.goal_id
            and self.area_variable
            and self.own_area not in self.selection.get(self.area_variable, [])
        ):
            raise ValidationError(
                {"area_variable": _("Vælg kommunens eget område, når tallene er målets.")}
            )


class OfficialFigure(models.Model):
    """One fetched figure of a series: an area's value for a period, as Statistics Denmark
    published it, with the population the per-capita figure divides by."""

    municipality_path = "series__municipality"

    series = models.ForeignKey(
        OfficialSeries, on_delete=models.CASCADE, related_name="figures", verbose_name=_("tal")
    )
    area_code = models.CharField(_("område"), max_length=MAX_CODE_LENGTH, blank=True)
    area_name = models.CharField(_("områdets navn"), max_length=200, blank=True)
    period = models.CharField(_("periode"), max_length=MAX_PERIOD_LENGTH)
    period_start = models.DateField(_("periodens start"))
    value = models.DecimalField(_("værdi"), **MEASURE_DIGITS)
    population = models.DecimalField(_("indbyggere"), null=True, blank=True, **MEASURE_DIGITS)
    # The goal's measurement made from this figure, so that a rerun updates it, not a copy.
    measurement = models.OneToOneField(
        Measurement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="official_figure",
        verbose_name=_("måling"),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("officielt tal")
        verbose_name_plural = _("officielle tal")
        ordering = ["series", "area_code", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "area_code", "period"], name="official_figure_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.series.table_id} {self.area_code} {self.period}: {self.value}"

    @property
    def per_thousand(self):
        if not self.population:
            return None
        return self.value / self.population * 1000
