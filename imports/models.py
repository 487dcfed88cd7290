"""An imported document, the goals the extractor proposed from it, and each one's decision.

Nothing the extractor proposed is ever deleted or overwritten: a proposal keeps the extractor's
reading in `original` (as `extract_goals` prints it) beside the values a person accepted or
edited, and its `decision`, so that the extractor's mistakes can be counted (`mistakes`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.bounds import MEASURE_DIGITS
from core.models import Municipality, ScopedQuerySet
from strategy.documents import validate_content
from strategy.enums import Comparator, PlanKind, PlanStatus
from strategy.models import Plan, validate_source_document_size

# A document's text is read, not typed: 5 million characters is some 2,000 pages.
DOCUMENT_TEXT_MAX_CHARS = 5_000_000
year_validators = [MinValueValidator(1900), MaxValueValidator(2100)]


class Decision(models.TextChoices):
    PENDING = "pending", _("Ikke besluttet")
    ACCEPTED = "accepted", _("Godkendt")
    EDITED = "edited", _("Rettet")
    REJECTED = "rejected", _("Afvist")


class ProposalKind(models.TextChoices):
    QUALITATIVE = "qualitative", _("Kvalitativt mål")
    QUANTIFIED = "quantified", _("Kvantificeret mål")
    MILESTONE = "milestone", _("Milepæl")


class DocumentImportQuerySet(ScopedQuerySet):
    def public(self):
        """Imports whose plan is adopted: the document and its goals are public information."""
        return self.filter(plan__status=PlanStatus.ADOPTED)


class DocumentImport(models.Model):
    """One uploaded policy document and what Kurs read from it."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="imports", verbose_name=_("kommune")
    )
    document = models.FileField(
        _("dokument"),
        upload_to="imports/",
        validators=[
            FileExtensionValidator(["pdf", "docx", "txt", "md"]),
            validate_source_document_size,
            validate_content,
        ],
    )
    file_name = models.CharField(_("filnavn"), max_length=255)
    text = models.TextField(_("dokumentets tekst"))
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=PlanKind.choices)
    period_start = models.PositiveSmallIntegerField(
        _("periode fra (år)"), null=True, blank=True, validators=year_validators
    )
    period_end = models.PositiveSmallIntegerField(
        _("periode til (år)"), null=True, blank=True, validators=year_validators
    )
    # The tracks and themes read from the headings: [{"title", "kind", "themes": [...]}, …].
    structure = models.JSONField(_("struktur"), default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("indlæst af"),
    )
    uploaded_at = models.DateTimeField(_("indlæst"), auto_now_add=True)
    plan = models.OneToOneField(
        Plan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="document_import",
        verbose_name=_("oprettet plan"),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = DocumentImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("indlæst dokument")
        verbose_name_plural = _("indlæste dokumenter")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.plan_id is not None and self.plan.status == PlanStatus.ADOPTED


class Proposal(models.Model):
    """A goal the extractor proposed, the values a person settled on, and the decision."""

    municipality_path = "document_import__municipality"

    document_import = models.ForeignKey(
        DocumentImport,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("indlæst dokument"),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    sentence = models.TextField(_("kildesætning"))
    start = models.PositiveIntegerField(_("fra tegn"))
    end = models.PositiveIntegerField(_("til tegn"))
    # What the extractor read, exactly as `extract_goals --format json` prints it; never changed.
    original = models.JSONField(_("forslag fra dokumentet"))

    title = models.CharField(_("mål"), max_length=500)
    kind = models.CharField(_("type"), max_length=20, choices=ProposalKind.choices)
    metric = models.CharField(_("indikator"), max_length=300, blank=True)
    comparator = models.CharField(
        _("sammenligning"), max_length=20, choices=Comparator.choices, blank=True
    )
    target = models.DecimalField(_("måltal"), null=True, blank=True, **MEASURE_DIGITS)
    target_high = models.DecimalField(
        _("måltal, øvre grænse"), null=True, blank=True, **MEASURE_DIGITS
    )
    unit = models.CharField(_("enhed"), max_length=50, blank=True)
    deadline_year = models.PositiveSmallIntegerField(
        _("frist (år)"), null=True, blank=True, validators=year_validators
    )
    deadline_text = models.CharField(_("frist som i dokumentet"), max_length=100, blank=True)
    recurring = models.BooleanField(_("årligt mål"), default=False)
    recurring_from = models.PositiveSmallIntegerField(
        _("årligt fra år"), null=True, blank=True, validators=year_validators
    )
    baseline_value = models.DecimalField(_("udgangspunkt"), null=True, blank=True, **MEASURE_DIGITS)
    baseline_year = models.PositiveSmallIntegerField(
        _("udgangspunkt, år"), null=True, blank=True, validators=year_validators
    )
    track_title = models.CharField(_("spor"), max_length=200, blank=True)
    theme_title = models.CharField(_("tema"), max_length=200, blank=True)

    decision = models.CharField(
        _("beslutning"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besluttet af"),
    )
    decided_at = models.DateTimeField(_("besluttet"), null=True, blank=True)
    goal = models.ForeignKey(
        "strategy.Goal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oprettet mål"),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("forslag til mål")
        verbose_name_plural = _("forslag til mål")
        ordering = ["document_import", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="proposal_sentence_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_kept(self) -> bool:
        return self.decision in (Decision.ACCEPTED, Decision.EDITED)
