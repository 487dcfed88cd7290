"""Committee status reports: the request and its background job, and the version it produced.

A `Report` is asked for by an editor for one plan; a background job (`reports.jobs`) builds it
and writes one `ReportVersion`: the rendered HTML and PDF, their checksum and a JSON snapshot of
every number shown. A version is written once and never changed (`save` refuses an update).
Once the report is marked sent to the committee (`sent_at`) neither the report nor its version
can be changed or deleted: `save` and `delete` refuse, and so does a delete that cascades from
elsewhere (`refuse_deleting_sent`, a pre_delete receiver), the admin shows them read-only, and
the plan they report on is protected (`on_delete=PROTECT`). `QuerySet.update` bypasses all of
this; only the job's progress and state are written so (`reports.jobs`), and never once sent.

A running report whose job has written no progress for longer than the worker may run a job is
stalled (`STALLED_AFTER`): its worker died. Its page shows it failed at once (`shown_state`),
and a recurring job marks it failed (`reports.jobs.fail_stalled_reports`).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.bounds import LongTextField
from core.models import Municipality, ScopedQuerySet
from reports.enums import ReportState
from reports.logos import validate_logo
from strategy.models import Plan


class SentReportError(ValidationError):
    """A change to a report that has been sent to the committee, or to its version."""

    def __init__(self):
        super().__init__(
            _("Rapporten er sendt til udvalget og kan ikke ændres eller slettes."), code="sent"
        )


# The worker stops a job that has run for Q_CLUSTER["timeout"] seconds, and a running job writes
# its progress at every step (`reports.jobs`), so no living job goes that long without a write:
# a running report whose progress is older was left by a worker that died (killed, restarted,
# timed out), and the task delivered again finds it running and leaves it. The margin covers the
# worker's delay in stopping a job and clocks of the web and worker machines that differ a
# little; it errs towards waiting, as failing a report that is still being built would be worse.
STALLED_AFTER = timedelta(seconds=settings.Q_CLUSTER["timeout"]) + timedelta(minutes=5)

STALLED_ERROR = _("Rapporten blev ikke færdig: baggrundsarbejderen stoppede. Bestil en ny.")


class ReportQuerySet(ScopedQuerySet):
    def stalled(self, now: datetime | None = None) -> ReportQuerySet:
        """Running reports whose job has made no progress for `STALLED_AFTER` (`Report.is_stalled`
        says the same of one report)."""
        cutoff = (now or timezone.now()) - STALLED_AFTER
        return self.alias(
            # A report claimed before `progressed_at` existed counts from when it was asked for.
            last_progress=Coalesce("progressed_at", "created_at")
        ).filter(state=ReportState.RUNNING, last_progress__lt=cutoff)


class ReportLook(models.Model):
    """How a municipality's reports look: the logo at the top of every report (optional)."""

    municipality_path = "municipality"

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="report_look",
        verbose_name=_("kommune"),
    )
    logo = models.FileField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"]), validate_logo],
        help_text=_("PNG eller JPEG, højst 500 kB og 2.000 × 2.000 punkter."),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("rapportudseende")
        verbose_name_plural = _("rapportudseende")

    def __str__(self) -> str:
        return str(self.municipality)


class Report(models.Model):
    """A committee status report of a plan: who asked for it, its job's state, and when it was
    sent. Its content is its `version`, written by the job."""

    municipality_path = "plan__municipality"

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="reports", verbose_name=_("plan")
    )
    title = models.CharField(_("titel"), max_length=200)
    recommendation = LongTextField(
        _("indstilling"),
        blank=True,
        help_text=_("Hvad udvalget bedes tage til efterretning eller beslutte."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("bestilt af"),
    )
    state = models.CharField(
        _("tilstand"), max_length=20, choices=ReportState.choices, default=ReportState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("fremdrift (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    # When the job last wrote its progress (set at its claim and each step): how a stalled job
    # is told from a slow one (`STALLED_AFTER`).
    progressed_at = models.DateTimeField(_("seneste fremdrift"), null=True, blank=True)
    error = models.CharField(_("fejl"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("bestilt"), auto_now_add=True)
    finished_at = models.DateTimeField(_("færdig"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sendt til udvalget"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sendt af"),
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("statusrapport")
        verbose_name_plural = _("statusrapporter")
        ordering = ["plan", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100),
                name="report_progress_at_most_100",
            ),
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=True) | models.Q(state=ReportState.DONE),
                name="report_sent_only_when_done",
                violation_error_message=_("Kun en færdig rapport kan sendes."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self._stored_sent():
            raise SentReportError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._stored_sent():
            raise SentReportError
        return super().delete(*args, **kwargs)

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None

    @property
    def is_stalled(self) -> bool:
        """Running, with no progress from its job for `STALLED_AFTER`: its worker died
        (`ReportQuerySet.stalled` selects the same)."""
        last_progress = self.progressed_at or self.created_at
        return (
            self.state == ReportState.RUNNING
            and last_progress is not None
            and last_progress < timezone.now() - STALLED_AFTER
        )

    @property
    def shown_state(self) -> ReportState:
        """The state to show: a stalled report is shown failed even before the recurring job
        has marked it so (reading changes nothing)."""
        return ReportState.FAILED if self.is_stalled else ReportState(self.state)

    @property
    def shown_error(self) -> str:
        """Why the report failed, as shown with `shown_state`."""
        return str(STALLED_ERROR) if self.is_stalled else self.error

    def _stored_sent(self) -> bool:
        """Whether the report is sent as the database has it (not as this instance says)."""
        return (
            self.pk is not None
            and Report.objects.filter(pk=self.pk, sent_at__isnull=False).exists()
        )


class ReportVersion(models.Model):
    """What a report showed, exactly as rendered: HTML, PDF, checksum and the numbers shown.
    Written once by the job, never changed."""

    municipality_path = "report__plan__municipality"

    report = models.OneToOneField(
        Report, on_delete=models.CASCADE, related_name="version", verbose_name=_("rapport")
    )
    as_of = models.DateField(_("status pr."))
    # The sent report this one lists the changes since; None for a plan's first report.
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forrige sendte rapport"),
    )
    html = models.TextField(_("HTML"))
    pdf = models.BinaryField(_("PDF"))
    page_count = models.PositiveSmallIntegerField(_("sider"))
    checksum = models.CharField(_("kontrolsum (SHA-256)"), max_length=64)
    snapshot = models.JSONField(_("tallene i rapporten"))
    rendered_at = models.DateTimeField(_("dannet"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("rapportversion")
        verbose_name_plural = _("rapportversioner")
        ordering = ["-rendered_at", "-pk"]

    def __str__(self) -> str:
        return str(self.report)

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise (
                SentReportError
                if self.report.is_sent
                else ValidationError(
                    _("En rapportversion skrives én gang og ændres ikke."), code="immutable"
                )
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.report._stored_sent():
            raise SentReportError
        return super().delete(*args, **kwargs)

    @staticmethod
    def checksum_of(html: str, pdf: bytes) -> str:
        """SHA-256 over the HTML and the PDF, to show that a reopened version is the sent one."""
        digest = hashlib.sha256(html.encode("utf-8"))
        digest.update(bytes(pdf))
        return digest.hexdigest()

    @property
    def is_intact(self) -> bool:
        return self.checksum == self.checksum_of(self.html, self.pdf)


@receiver(pre_delete, sender=Report, dispatch_uid="reports-refuse-deleting-sent-report")
@receiver(pre_delete, sender=ReportVersion, dispatch_uid="reports-refuse-deleting-sent-version")
def refuse_deleting_sent(sender, instance, **kwargs) -> None:
    """A delete that cascades from elsewhere (or a queryset's delete) calls no `delete` method:
    this refuses it for a sent report and its version all the same."""
    report = instance if isinstance(instance, Report) else instance.report
    if report._stored_sent():
        raise SentReportError
