"""Read-side querysets of the partner pages, each in a bounded number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q

from actions.models import Activity, Partner
from partnerships.models import Agreement
from strategy.models import Goal


def partner_list(municipality):
    return (
        Partner.objects.of_municipality(municipality)
        .annotate(
            agreement_count=Count("agreements", distinct=True),
            contact_count=Count("contacts", distinct=True),
            activity_count=Count("activities", distinct=True),
        )
        .order_by("name")
    )


def partner_page(municipality):
    return Partner.objects.of_municipality(municipality).prefetch_related(
        Prefetch(
            "agreements",
            Agreement.objects.prefetch_related(
                Prefetch("activities", Activity.objects.select_related("plan")),
                Prefetch("goals", Goal.objects.select_related("plan")),
            ),
        ),
        "contacts",
    )


def activities_of(partner):
    """The activities the partner takes part in: named as a partner of the activity, or
    covered by one of its agreements."""
    return (
        Activity.objects.of_municipality(partner.municipality)
        .filter(Q(partners=partner) | Q(agreements__partner=partner))
        .select_related("plan")
        .distinct()
        .order_by("title")
    )


def goals_of(partner):
    """The goals the partner's agreements and activities serve."""
    return (
        Goal.objects.of_municipality(partner.municipality)
        .filter(Q(agreements__partner=partner) | Q(activities__partners=partner))
        .select_related("plan")
        .distinct()
        .order_by("title")
    )
