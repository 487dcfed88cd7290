"""Fixtures for the actions app's tests: an owner to remind."""

import pytest

from core.tests.factories import MembershipFactory


@pytest.fixture
def owner(municipality):
    """Eva, staff of the municipality, who owns activities and goals and is reminded of them."""
    return MembershipFactory(
        municipality=municipality,
        user__username="ejer",
        user__first_name="Eva",
        user__last_name="Ejer",
        user__email="eva@albertslund.example",
    ).user
