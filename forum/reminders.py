"""Reminders about the forum's follow-ups (`manage.py send_forum_reminders`).

Who: the follow-ups have no owner of their own; the person who closed the meeting (and so made
them) is reminded. When: a follow-up not done, due within `DAYS_BEFORE` days or overdue (up to a
year, so a forum loaded long after its meetings fills no inbox), once: the reminder is claimed by
setting `reminded_on` with a conditional UPDATE in the transaction that sends it, so two runs at
once send it once and an SMTP error leaves it to the next run.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.template.loader import render_to_string
from django.utils import translation

from forum.mail import site_url
from forum.models import FollowUp

DAYS_BEFORE = 3
OLDEST = timedelta(days=365)


def due_follow_ups(municipality, today: date) -> dict:
    """{user: [follow-up, …]} of the follow-ups to remind about now, soonest due first."""
    rows = (
        FollowUp.objects.of_municipality(municipality)
        .filter(
            done_at__isnull=True,
            reminded_on__isnull=True,
            due_on__lte=today + timedelta(days=DAYS_BEFORE),
            due_on__gte=today - OLDEST,
            meeting__closed_by__isnull=False,
        )
        .exclude(meeting__closed_by__email="")
        .select_related("meeting__forum__municipality", "meeting__closed_by")
        .order_by("due_on", "pk")
    )
    found = defaultdict(list)
    for follow_up in rows:
        found[follow_up.meeting.closed_by].append(follow_up)
    return dict(found)


def email_for(user, follow_ups, today: date) -> tuple[str, str]:
    context = {"user": user, "follow_ups": follow_ups, "today": today, "site_url": site_url()}
    with translation.override("da"):
        subject = render_to_string("emails/forum/reminder-subject.txt", context)
        body = render_to_string("emails/forum/reminder.txt", context)
    return " ".join(subject.split()), body
