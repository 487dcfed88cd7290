"""Business rules for committee reports: asking for one, and sending it to the committee.

Each function owns its transaction. A report is built in the background (`reports.jobs`); what
a report showed is kept in its version, which is never changed, and a sent report is final
(`reports.models`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reports import jobs
from reports.enums import ReportState
from reports.models import Report


def request_report(*, plan, user, title: str, recommendation: str = "") -> Report:
    """Ask for a status report of `plan`. Side effect: the job that builds it is queued when
    the transaction commits (run at once when jobs are synchronous, `Q_CLUSTER["sync"]`)."""
    report = Report(plan=plan, requested_by=user, title=title, recommendation=recommendation)
    report.full_clean()
    with transaction.atomic():
        report.save()
        transaction.on_commit(lambda: jobs.enqueue(report.pk))
    return report


def send_report(*, report: Report, user) -> Report:
    """Mark a finished report as sent to the committee: from then on neither the report nor its
    version can be changed or deleted, and the plan's next report lists the changes since it.

    Raises ValidationError unless the report is finished and not sent yet (also when two editors
    send it at once: the second is refused)."""
    with transaction.atomic():
        sent = Report.objects.filter(
            pk=report.pk, state=ReportState.DONE, sent_at__isnull=True
        ).update(sent_at=timezone.now(), sent_by=user)
    if not sent:
        raise ValidationError(_("Kun en færdig rapport, der ikke er sendt, kan sendes."))
    report.refresh_from_db()
    return report
