from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportState(models.TextChoices):
    """Where a report's background job is; a sent report is `DONE` and has `sent_at`."""

    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("Dannes")
    DONE = "done", _("Klar")
    FAILED = "failed", _("Fejlet")
