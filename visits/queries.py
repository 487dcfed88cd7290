"""Read-side querysets of visits: each says what its page shows."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch

from contacts.models import ContactPerson
from core.models import User
from visits import rollup
from visits.models import FollowUp, Need, Visit, VisitTopic

PAGE_SIZE = 50


def visit_list(municipality, *, first: date, last: date, topic=None, need_topic=None, industry=""):
    """The municipality's visits in a period, newest first, with company and topics: the list
    behind each number of the roll-up (`topic`: visits with it; `need_topic`: visits with a
    need under it; `industry`: a section key of `businesses.industries`)."""
    visits = rollup.in_period(municipality, first, last)
    if topic is not None:
        visits = visits.filter(topics=topic)
    if need_topic is not None:
        visits = visits.filter(needs__topic=need_topic).distinct()
    if industry:
        visits = rollup.in_industry(visits, industry)
    return visits.select_related("company").prefetch_related(
        Prefetch("topics", queryset=VisitTopic.objects.order_by("order", "name"))
    )


def visit_page(municipality):
    """Visits with everything their page shows, in one query per kind of row."""
    return (
        Visit.objects.of_municipality(municipality)
        .select_related("company", "production_unit", "created_by")
        .prefetch_related(
            Prefetch("our_participants", queryset=User.objects.order_by("first_name", "last_name")),
            Prefetch("their_participants", queryset=ContactPerson.objects.order_by("name")),
            Prefetch("topics", queryset=VisitTopic.objects.order_by("order", "name")),
            Prefetch("needs", queryset=Need.objects.select_related("topic").order_by("pk")),
            Prefetch(
                "follow_ups",
                queryset=FollowUp.objects.select_related("owner").order_by("due_on", "pk"),
            ),
        )
    )
