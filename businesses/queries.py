"""Read-side querysets of the company register: each says what its page shows."""

from __future__ import annotations

from django.db.models import Prefetch

from businesses.models import Company, CompanyProfile, ProductionUnit

PAGE_SIZE = 50


def company_list(municipality):
    """The companies on `municipality`'s list, by name: one row each, no related rows."""
    return Company.objects.on_list_of(municipality).visible_to(municipality).order_by("name", "pk")


def company_page(municipality):
    """Companies a member of `municipality` may open, with their name and address history,
    production units (those in the municipality first) and the municipality's own profile."""
    return Company.objects.visible_to(municipality).prefetch_related(
        "names",
        "addresses",
        Prefetch(
            "production_units",
            queryset=ProductionUnit.objects.order_by("end_date", "name", "p_number"),
        ),
        Prefetch(
            "profiles",
            queryset=CompanyProfile.objects.of_municipality(municipality).select_related(
                "key_account_owner"
            ),
            to_attr="own_profiles",
        ),
    )
