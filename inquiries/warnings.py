"""Which warnings about service promises are due: the rules the warnings job follows
(`manage.py send_inquiry_warnings`), and the e-mail that carries them.

Thresholds
    A clock (the first response until it is given, then the resolution) passes a threshold when
    its share of the time used reaches one of the topic's `warning_shares` (50 %, 80 % and 100 %
    by default). Each threshold is sent once per recipient and clock: a `InquiryWarning` row is
    claimed before the e-mail goes out. When a run finds several new thresholds passed at once
    (after a weekend), the e-mail tells the highest and all of them are claimed.

Working hours
    A warning is only sent while the team's calendar is at work (its opening hours, not on a
    holiday it keeps closed); outside them it waits for the first run in working time.

Recipients
    The case's owner and the team's lead, each once, when they are active users with an e-mail
    address and still members of the municipality.

Before it decides, the job recomputes and stores every open inquiry's clock from its state log,
so the queue's stored deadlines never drift from the log for longer than a run.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from core.models import User
from inquiries import mail, promises, services
from inquiries.models import Inquiry, InquiryWarning


@dataclass(frozen=True)
class Due:
    """New thresholds of one inquiry's clock for one recipient."""

    inquiry: Inquiry
    clock: promises.LiveClock
    recipient: User
    thresholds: tuple[int, ...]

    @property
    def highest(self) -> int:
        return max(self.thresholds)


def due_warnings(municipality, now) -> list[Due]:
    """The warnings of `municipality` due at `now` and not claimed before, after storing every
    open inquiry's clock afresh. A fixed number of queries."""
    inquiries = list(
        services.with_clock_inputs(Inquiry.objects.of_municipality(municipality).open())
        .select_related("owner", "team__lead")
        .order_by("pk")
    )
    services.store_clocks(inquiries, now=now)
    members = set(User.objects.members_of(municipality).values_list("pk", flat=True))
    claimed = set(
        InquiryWarning.objects.filter(inquiry__in=inquiries).values_list(
            "inquiry_id", "kind", "threshold", "recipient_id"
        )
    )
    found = []
    for inquiry in inquiries:
        calendar = services.calendar_of(inquiry.team)
        if not calendar.is_working_time(now):
            continue
        clock = promises.live_clock(inquiry, calendar, now)
        if clock is None:
            continue
        passed = [share for share in inquiry.topic.shares if clock.share * 100 >= share]
        for recipient in _recipients(inquiry, members):
            new = tuple(
                share
                for share in passed
                if (inquiry.pk, clock.kind, share, recipient.pk) not in claimed
            )
            if new:
                found.append(Due(inquiry, clock, recipient, new))
    return found


def _recipients(inquiry, members: set[int]) -> list[User]:
    people = []
    for person in (inquiry.owner, inquiry.team.lead):
        if (
            person is not None
            and person.is_active
            and person.email
            and person.pk in members
            and person not in people
        ):
            people.append(person)
    return people


def email_for(due: Due) -> tuple[str, str]:
    path = reverse(
        "inquiries:detail",
        kwargs={"code": due.inquiry.municipality.code, "inquiry_id": due.inquiry.pk},
    )
    return mail.render(
        "warning",
        {
            "due": due,
            "inquiry": due.inquiry,
            "clock": due.clock,
            "name": due.recipient.first_name
            or due.recipient.get_full_name()
            or due.recipient.username,
            "url": f"{mail.site_url()}{path}",
        },
    )
