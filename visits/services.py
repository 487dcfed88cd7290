"""Business rules that change visits and follow-ups. Each function owns its transaction.

`record_visit` saves a visit with its topics, participants, needs and follow-ups at once (all or
nothing, once per form submission) and moves its contact persons' last contact to the visit's
date, which the retention rule reads (`contacts.services`). `complete_follow_up` marks a task
done, refused when someone changed it since the page was opened (`core.concurrency`).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from contacts.models import ContactPerson
from core.concurrency import claim_next_version
from core.idempotency import save_once
from visits.enums import DEFAULT_TOPICS
from visits.models import FollowUp, Need, Visit, VisitTopic


def seed_topics(municipality) -> None:
    """Give `municipality` the default topic list unless it has topics already."""
    if not VisitTopic.objects.of_municipality(municipality).exists():
        VisitTopic.objects.bulk_create(
            VisitTopic(municipality=municipality, name=name, order=index)
            for index, name in enumerate(DEFAULT_TOPICS, start=1)
        )


def record_visit(
    *,
    municipality,
    company,
    user,
    visited_on: date,
    body: str,
    production_unit=None,
    our_participants=(),
    their_participants=(),
    topics=(),
    other_topic: str = "",
    summary: str = "",
    needs=(),
    follow_ups=(),
    token=None,
) -> Visit:
    """Save a visit to `company` with its needs (`(topic, text)` pairs) and follow-ups
    (`(title, owner, due_on)`); a second post of the same `token` returns the first visit.

    Participants, topics and owners must belong to `municipality` (else ValidationError)."""
    _check_own(municipality, our_participants, their_participants, topics, needs, follow_ups)
    visit = Visit(
        municipality=municipality,
        company=company,
        production_unit=production_unit,
        visited_on=visited_on,
        body=body,
        other_topic=other_topic,
        summary=summary,
        created_by=user,
    )
    visit.full_clean(exclude=["submission_token"])
    need_rows = [Need(topic=topic, text=text) for topic, text in needs]
    follow_up_rows = [
        FollowUp(title=title, owner=owner, due_on=due_on) for title, owner, due_on in follow_ups
    ]
    for row in (*need_rows, *follow_up_rows):
        row.full_clean(exclude=["visit"])
    with transaction.atomic():
        visit, created = save_once(visit, token=token)
        if not created:
            return visit
        visit.our_participants.set(our_participants)
        visit.their_participants.set(their_participants)
        visit.topics.set(topics)
        for row in (*need_rows, *follow_up_rows):
            row.visit = visit
        Need.objects.bulk_create(need_rows)
        FollowUp.objects.bulk_create(follow_up_rows)
        ContactPerson.objects.filter(pk__in=[c.pk for c in their_participants]).filter(
            Q(last_contact_on__isnull=True) | Q(last_contact_on__lt=visited_on)
        ).update(last_contact_on=visited_on)
    return visit


def _check_own(municipality, users, contacts, topics, needs, follow_ups) -> None:
    members = set(
        municipality.memberships.filter(
            user__in=[*users, *(owner for _t, owner, _d in follow_ups)]
        ).values_list("user_id", flat=True)
    )
    foreign = (
        any(user.pk not in members for user in users)
        or any(owner.pk not in members for _t, owner, _d in follow_ups)
        or any(contact.municipality_id != municipality.pk for contact in contacts)
        or any(
            topic.municipality_id != municipality.pk
            for topic in [*topics, *(topic for topic, _text in needs if topic is not None)]
        )
    )
    if foreign:
        raise ValidationError(_("Deltagere, emner og ansvarlige skal høre til kommunen."))


def add_follow_up(*, visit: Visit, title: str, owner, due_on: date, token=None) -> FollowUp:
    """Add a follow-up to a recorded visit; a second post of the same `token` adds nothing.
    The owner must be a member of the visit's municipality (else ValidationError)."""
    _check_own(visit.municipality, [], [], [], [], [(title, owner, due_on)])
    follow_up = FollowUp(visit=visit, title=title, owner=owner, due_on=due_on)
    follow_up.full_clean(exclude=["submission_token"])
    follow_up, _created = save_once(follow_up, token=token)
    return follow_up


def complete_follow_up(*, follow_up: FollowUp, expected_version: int, done_on: date) -> FollowUp:
    """Mark `follow_up` done on `done_on`; refused if it changed since `expected_version`."""
    follow_up.done_on = done_on
    follow_up.full_clean()
    with transaction.atomic():
        claim_next_version(
            follow_up,
            expected_version=expected_version,
            message=_("Opfølgningen er ændret af en anden. Se den nye udgave og prøv igen."),
        )
        follow_up.save(update_fields=["done_on"])
    return follow_up
