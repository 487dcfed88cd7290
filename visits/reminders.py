"""Reminders to the owners of follow-ups: which are due, and the e-mail that says so.

The rule: an open follow-up is due for a reminder from `NOTICE_DAYS` days before its due date,
and stays due while it is open, but each owner is reminded once per follow-up and due date (a
`FollowUpReminder` row, claimed by `send_follow_up_reminders` before the e-mail goes out; a new
due date is reminded again). Follow-ups due more than a year ago are not reminded (as for
activities: data loaded long after the fact does not fill inboxes). The owner must be an active
user, still a member of the municipality, with an e-mail address.

The words are in `templates/emails/follow-up-reminder*.txt`, always in Danish.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from visits.models import FollowUp, FollowUpReminder

NOTICE_DAYS = 3
HISTORY_DAYS = 365


def due_follow_ups(municipality, today: date) -> dict:
    """`municipality`'s open follow-ups due for a reminder on `today` and not reminded before,
    grouped by owner (sorted by due date). Two queries."""
    already = FollowUpReminder.objects.filter(
        follow_up=OuterRef("pk"), due_on=OuterRef("due_on"), recipient=OuterRef("owner")
    )
    follow_ups = (
        FollowUp.objects.of_municipality(municipality)
        .filter(
            done_on__isnull=True,
            due_on__lte=today + timedelta(days=NOTICE_DAYS),
            due_on__gte=today - timedelta(days=HISTORY_DAYS),
            owner__is_active=True,
            owner__memberships__municipality_id=F("visit__municipality_id"),
        )
        .exclude(owner__email="")
        .exclude(Exists(already))
        .select_related("owner", "visit__company", "visit__municipality")
        .order_by("owner_id", "due_on", "pk")
    )
    grouped = defaultdict(list)
    for follow_up in follow_ups:
        grouped[follow_up.owner].append(follow_up)
    return dict(grouped)


def email_for(owner, follow_ups: list[FollowUp], today: date) -> tuple[str, str]:
    """The subject (one line) and plain-text body of `owner`'s reminder."""
    site_url = getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    items = [
        {
            "follow_up": follow_up,
            "overdue": follow_up.due_on < today,
            "url": site_url
            + reverse(
                "visits:detail",
                kwargs={
                    "code": follow_up.visit.municipality.code,
                    "visit_id": follow_up.visit_id,
                },
            ),
        }
        for follow_up in follow_ups
    ]
    context = {
        "name": owner.first_name or owner.get_full_name() or owner.username,
        "count": len(items),
        "items": items,
    }
    with translation.override("da"):
        subject = render_to_string("emails/follow-up-reminder-subject.txt", context)
        body = render_to_string("emails/follow-up-reminder.txt", context)
    return " ".join(subject.split()), body
