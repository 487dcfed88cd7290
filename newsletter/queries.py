"""Read-side queries of the newsletter: the overview, an issue's progress, the public lists."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from contacts.models import MailingList
from newsletter.enums import DeliveryState, IssueState, SubscriberState
from newsletter.models import Delivery, Issue


def public_lists(municipality):
    """The lists anyone may sign up for, with a short name for the address."""
    return (
        MailingList.objects.of_municipality(municipality)
        .filter(public_signup=True)
        .exclude(slug="")
        .order_by("name", "pk")
    )


def lists_with_counts(municipality):
    """Every list of the municipality with its subscribers counted per state (one query)."""
    counts = {
        state: Count("subscribers", filter=Q(subscribers__state=state), distinct=True)
        for state in SubscriberState.values
    }
    return (
        MailingList.objects.of_municipality(municipality)
        .annotate(**counts, contact_persons=Count("subscriptions", distinct=True))
        .order_by("name", "pk")
    )


def confirmed_count(mailing_list) -> int:
    return mailing_list.subscribers.filter(state=SubscriberState.CONFIRMED).count()


def issues(municipality):
    return (
        Issue.objects.of_municipality(municipality)
        .select_related("mailing_list")
        .annotate(
            recipients=Count("deliveries"),
            delivered=Count("deliveries", filter=Q(deliveries__state=DeliveryState.SENT)),
        )
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class Progress:
    total: int
    queued: int
    sending: int
    sent: int
    bounced: int
    failed: int

    @property
    def done(self) -> int:
        return self.sent + self.bounced + self.failed

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.done / self.total)


def progress(issue: Issue) -> Progress:
    """How far the issue's sending has come (one query)."""
    counts = Delivery.objects.filter(issue=issue).aggregate(
        total=Count("pk"),
        **{state: Count("pk", filter=Q(state=state)) for state in DeliveryState.values},
    )
    return Progress(**counts)


def problems(issue: Issue, limit: int = 200):
    """Rows that were not sent, or are waiting for a retry, with their reason."""
    return (
        Delivery.objects.filter(issue=issue)
        .filter(
            Q(state__in=[DeliveryState.FAILED, DeliveryState.BOUNCED])
            | Q(state=DeliveryState.QUEUED, attempts__gt=0)
        )
        .select_related("subscriber")
        .order_by("state", "pk")[:limit]
    )


def is_running(issue: Issue) -> bool:
    return issue.state == IssueState.SENDING
