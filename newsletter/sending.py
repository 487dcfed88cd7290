"""Sending an issue: the background job (django-q2) that works through its delivery rows.

Rules, each enforced here:
- **Claimed once.** A worker claims a batch of due rows (queued, `next_attempt_at` passed) by
  moving them to "sending" under its own claim id: on PostgreSQL it first locks the rows with
  `SELECT … FOR UPDATE SKIP LOCKED`, so concurrent workers take different rows without waiting;
  on SQLite, which runs one writer at a time, the conditional `UPDATE … WHERE state = 'queued'`
  alone decides. Either way a row is claimed by one worker, and only the claim's owner may finish
  it, so a mail is sent at most once.
- **One SMTP connection per batch** (`get_connection`), reopened after an error, since a
  server that answered 421 has closed it; the batch's messages are made from one serialised
  message (`newsletter.mail.PreparedIssue`).
- **Temporary errors** (4xx answers, refused or dropped connections) put the row back in the queue
  after a growing delay (`settings.NEWSLETTER_RETRY_DELAYS`: the n-th retry waits the n-th delay);
  after the last delay the row fails with the last error as its reason.
- **Pause.** Every failure adds one to the issue's run of failures (all workers together), every
  success sets it to 0. When the run reaches `settings.NEWSLETTER_PAUSE_AFTER` the issue pauses:
  the workers stop, their unsent rows go back to the queue, and staff see why and can resume.
- **Hard bounce.** A 5xx answer to RCPT TO means the address does not exist: the row ends
  "bounced" and every subscriber row of that address in the municipality is marked bounced, so
  nothing more is mailed to it. Another permanent (5xx) answer fails the row with its reason.
- **Nothing dropped.** Every row ends sent, bounced or failed with a reason shown on the issue's
  page. A recipient who left the list after sending started is not mailed (failed, with that
  reason). A row left "sending" longer than `LEASE` (its worker died mid-batch) may have been sent,
  so it is not sent again: it fails with that reason.
- **Done.** When no row is queued or being sent, the issue is "sent".

A job runs for at most `TIME_BUDGET` seconds (below the queue's timeout) and then queues itself
again. While only rows waiting for a retry remain, it sleeps until the first is due if that is
within `MAX_WAIT` seconds, and otherwise schedules itself for then (django-q2's scheduler, run by
the same worker) and ends, so a retry an hour away holds no worker.
"""

from __future__ import annotations

import logging
import smtplib
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Min
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task, schedule

from newsletter import mail
from newsletter.enums import DeliveryState, IssueState, SubscriberState
from newsletter.models import Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=15)
TIME_BUDGET = 500  # seconds; Q_CLUSTER["timeout"] is 600
MAX_WAIT = 30  # seconds a job may sleep for a retry to fall due; longer waits are scheduled
REASON_LENGTH = 480


def enqueue(issue_id: int, workers: int | None = None) -> None:
    """Queue `workers` jobs for the issue (each claims its own rows)."""
    for _n in range(workers or settings.NEWSLETTER_WORKERS):
        async_task("newsletter.sending.run", issue_id, task_name=f"newsletter-{issue_id}")


def retry_delay(attempts: int) -> timedelta | None:
    """How long a row waits after its `attempts`-th failed attempt; None: no more attempts."""
    delays = settings.NEWSLETTER_RETRY_DELAYS
    if attempts > len(delays):
        return None
    return timedelta(seconds=delays[attempts - 1])


# Classifying what the SMTP server said


TEMPORARY, BOUNCE, PERMANENT = "temporary", "bounce", "permanent"


def classify(error: Exception) -> tuple[str, str]:
    """(kind, reason) of a failed send: temporary, bounce (5xx on RCPT) or permanent."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, answer = next(iter(error.recipients.values()))
        reason = f"{code} {_text(answer)}"
        return (BOUNCE if 500 <= code < 600 else TEMPORARY), reason
    if isinstance(error, smtplib.SMTPResponseException):
        code = error.smtp_code
        reason = f"{code} {_text(error.smtp_error)}"
        if isinstance(error, smtplib.SMTPDataError) and 500 <= code < 600:
            return PERMANENT, reason
        # 4xx, and a 5xx to HELO or MAIL FROM, which is the sending side's problem, not the
        # recipient's: retried, and a run of them pauses the send.
        return TEMPORARY, reason
    if isinstance(error, (smtplib.SMTPException, OSError)):
        return TEMPORARY, f"{type(error).__name__}: {error}"
    return PERMANENT, f"{type(error).__name__}: {error}"


def _text(answer) -> str:
    return answer.decode(errors="replace") if isinstance(answer, bytes) else str(answer)


# Claiming


def claim(issue_id: int, worker: str, size: int) -> list[Delivery]:
    """Claim up to `size` due rows of the issue for `worker` (see the module doc)."""
    now = timezone.now()
    due = Delivery.objects.filter(
        issue_id=issue_id, state=DeliveryState.QUEUED, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    with transaction.atomic():
        if db_connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:size])
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, state=DeliveryState.QUEUED).update(
            state=DeliveryState.SENDING, claimed_by=worker, claimed_at=now
        )
    return list(
        Delivery.objects.filter(claimed_by=worker, state=DeliveryState.SENDING)
        .select_related("subscriber")
        .order_by("pk")
    )


def _finish(worker: str, delivery_ids, **values) -> int:
    """Finish rows only this worker holds."""
    return Delivery.objects.filter(
        pk__in=delivery_ids, claimed_by=worker, state=DeliveryState.SENDING
    ).update(**values)


def _fail_lost_claims(issue_id: int) -> None:
    Delivery.objects.filter(
        issue_id=issue_id, state=DeliveryState.SENDING, claimed_at__lt=timezone.now() - LEASE
    ).update(
        state=DeliveryState.FAILED,
        last_error="Afsendelsen blev afbrudt midt i forsøget; mailen er måske sendt og sendes "
        "derfor ikke igen.",
    )


def _finish_if_done(issue_id: int) -> bool:
    """Mark the issue sent when no row is left to send; whether the send is over."""
    open_rows = Delivery.objects.filter(
        issue_id=issue_id, state__in=[DeliveryState.QUEUED, DeliveryState.SENDING]
    )
    if open_rows.exists():
        return False
    Issue.objects.filter(pk=issue_id, state=IssueState.SENDING).update(
        state=IssueState.SENT, finished_at=timezone.now()
    )
    return True


# The job


def run(issue_id: int, *, time_budget: float = TIME_BUDGET) -> None:
    """Send the issue's due rows until none is left, the issue pauses, or the time is up."""
    worker = uuid.uuid4().hex
    deadline = time.monotonic() + time_budget
    rendered = None
    while True:
        issue = (
            Issue.objects.select_related("mailing_list__municipality").filter(pk=issue_id).first()
        )
        if issue is None or issue.state != IssueState.SENDING:
            return  # deleted, paused or done since the job was queued
        _fail_lost_claims(issue_id)
        batch = claim(issue_id, worker, settings.NEWSLETTER_BATCH_SIZE)
        if not batch:
            if _finish_if_done(issue_id):
                return
            wait = _seconds_to_next_due(issue_id)
            if wait is None:
                return  # the rest are being sent by another worker, which finishes the issue
            if wait > MAX_WAIT or time.monotonic() + wait > deadline:
                # A long wait would hold a queue worker that other jobs need: come back then.
                schedule(
                    "newsletter.sending.run",
                    issue_id,
                    schedule_type=Schedule.ONCE,
                    next_run=timezone.now() + timedelta(seconds=wait),
                )
                return
            time.sleep(wait)
            continue
        if rendered is None:
            rendered = mail.render_issue(issue)
        if not send_batch(issue, batch, rendered, worker):
            return
        if time.monotonic() > deadline:
            enqueue(issue_id, workers=1)
            return


def _seconds_to_next_due(issue_id: int) -> float | None:
    first = Delivery.objects.filter(issue_id=issue_id, state=DeliveryState.QUEUED).aggregate(
        first=Min("next_attempt_at")
    )["first"]
    if first is None:
        return None
    return max((first - timezone.now()).total_seconds(), 0.0)


@dataclass
class _Batch:
    issue: Issue
    worker: str
    sent: list[int] = field(default_factory=list)
    failed_since_reset: bool = True  # the shared run of failures may be > 0 when we start

    def flush(self) -> None:
        """Record the mails sent so far (one UPDATE for many rows) and end the failure run."""
        if not self.sent:
            return
        _finish(
            self.worker,
            self.sent,
            state=DeliveryState.SENT,
            sent_at=timezone.now(),
            attempts=F("attempts") + 1,
            last_error="",
        )
        if self.failed_since_reset:
            Issue.objects.filter(pk=self.issue.pk).update(consecutive_failures=0)
            self.failed_since_reset = False
        self.sent = []


def send_batch(issue: Issue, batch: list[Delivery], rendered, worker: str) -> bool:
    """Send the claimed `batch` on one SMTP connection; False when the issue paused."""
    prepared = mail.PreparedIssue(rendered, issue.mailing_list.municipality.code)
    state = _Batch(issue, worker)
    smtp = get_connection(fail_silently=False)
    is_open = False
    try:
        for index, delivery in enumerate(batch):
            subscriber = delivery.subscriber
            if subscriber.state != SubscriberState.CONFIRMED:
                _finish(
                    worker,
                    [delivery.pk],
                    state=DeliveryState.FAILED,
                    last_error=f"Ikke sendt: modtageren er {subscriber.get_state_display()}.",
                )
                continue
            try:
                if not is_open:
                    smtp.open()
                    is_open = True
                message = prepared.message_for(
                    email=subscriber.email, key=subscriber.unsubscribe_key, connection=smtp
                )
                smtp.send_messages([message])
            except Exception as error:  # every failure ends in the row, with its reason
                kind, reason = classify(error)
                if kind == PERMANENT and not isinstance(error, (smtplib.SMTPException, OSError)):
                    logger.exception("Delivery %s failed unexpectedly", delivery.pk)
                _close(smtp)
                is_open = False
                state.flush()
                if not _record_failure(issue, delivery, kind, reason[:REASON_LENGTH], worker):
                    _release(worker, [d.pk for d in batch[index + 1 :]])
                    return False
                state.failed_since_reset = True
            else:
                state.sent.append(delivery.pk)
        state.flush()
    finally:
        _close(smtp)
    return True


def _close(smtp) -> None:
    try:
        smtp.close()
    except Exception:  # a connection that died is closed already
        smtp.connection = None


def _release(worker: str, delivery_ids) -> None:
    """Put claimed rows that were not tried back in the queue (the issue paused)."""
    _finish(worker, delivery_ids, state=DeliveryState.QUEUED, claimed_by="", claimed_at=None)


def _record_failure(issue: Issue, delivery: Delivery, kind: str, reason: str, worker: str) -> bool:
    """Record one failed attempt; False when the send is paused (by this or another worker)."""
    now = timezone.now()
    attempts = delivery.attempts + 1
    if kind == BOUNCE:
        _finish(
            worker, [delivery.pk], state=DeliveryState.BOUNCED, attempts=attempts, last_error=reason
        )
        # The address does not exist: no list of the municipality mails it again.
        Subscriber.objects.of_municipality(issue.mailing_list.municipality).filter(
            email=delivery.subscriber.email
        ).exclude(state=SubscriberState.BOUNCED).update(
            state=SubscriberState.BOUNCED, bounced_at=now, bounce_reason=reason
        )
        return Issue.objects.filter(pk=issue.pk, state=IssueState.SENDING).exists()
    delay = retry_delay(attempts) if kind == TEMPORARY else None
    if delay is None:
        prefix = f"Opgivet efter {attempts} forsøg: " if kind == TEMPORARY else ""
        _finish(
            worker,
            [delivery.pk],
            state=DeliveryState.FAILED,
            attempts=attempts,
            last_error=(prefix + reason)[:REASON_LENGTH],
        )
    else:
        _finish(
            worker,
            [delivery.pk],
            state=DeliveryState.QUEUED,
            attempts=attempts,
            next_attempt_at=now + delay,
            last_error=reason,
            claimed_by="",
            claimed_at=None,
        )
    Issue.objects.filter(pk=issue.pk).update(consecutive_failures=F("consecutive_failures") + 1)
    Issue.objects.filter(
        pk=issue.pk,
        state=IssueState.SENDING,
        consecutive_failures__gte=settings.NEWSLETTER_PAUSE_AFTER,
    ).update(
        state=IssueState.PAUSED,
        pause_reason=(f"{settings.NEWSLETTER_PAUSE_AFTER} fejl i træk; seneste: {reason}")[
            :REASON_LENGTH
        ],
    )
    return Issue.objects.filter(pk=issue.pk, state=IssueState.SENDING).exists()
