"""End to end in headless Chromium (Debian's package) driven by Playwright.

Screenshots go to test-artifacts/. Without /usr/bin/chromium the test is skipped, except in CI,
which sets KURS_REQUIRE_BROWSER=1 so that a missing browser fails the run instead.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from conftest import ARTIFACTS
from core.enums import Role
from core.tests.factories import MembershipFactory, MunicipalityFactory
from strategy.tests.factories import GoalFactory, PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_logs_in_enters_a_measurement_and_sees_the_status_change(live_server, browser_page):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    MembershipFactory(municipality=municipality, role=Role.STAFF, user__username="medarbejder")
    today = timezone.localdate()
    plan = PlanFactory(
        municipality=municipality,
        title="Erhvervsstrategi",
        period_start=today.year - 1,
        period_end=today.year + 2,
    )
    goal = GoalFactory(
        plan=plan,
        title="Nyhedsbrev med 500 abonnenter",
        unit="abonnenter",
        target_value=Decimal(500),
        baseline_value=Decimal(100),
        baseline_date=date(today.year - 1, 1, 1),
        deadline=date(today.year + 2, 12, 31),
    )
    page = browser_page

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "medarbejder")
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")
    assert page.locator("h1").inner_text() == "Overblik over målene i Albertslund"
    page.screenshot(path=ARTIFACTS / "dashboard.png", full_page=True)

    page.click(f"text={goal.title}")
    assert page.locator("h1 + p .status").inner_text() == "Ikke målt endnu"
    page.fill("#id_value", "1.234,5")
    page.fill("#id_source", "Nyhedsbrevssystemet")
    page.click("button:has-text('Gem måling')")

    page.wait_for_selector(".alert-success")
    assert page.locator("h1 + p .status").inner_text() == "Opfyldt"
    assert "1.234,5" in page.locator("#measurements").inner_text()
    page.screenshot(path=ARTIFACTS / "goal-after-measurement.png", full_page=True)
    goal.refresh_from_db()
    assert list(goal.measurements.values_list("value", flat=True)) == [Decimal("1234.5")]


def test_dashboard_is_usable_on_a_phone(live_server, browser_page):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    MembershipFactory(municipality=municipality, role=Role.STAFF, user__username="medarbejder")
    GoalFactory(plan=PlanFactory(municipality=municipality), title="Et mål på telefonen")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "medarbejder")
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")

    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390
    assert page.locator("a.goal-title", has_text="Et mål på telefonen").is_visible()
    page.screenshot(path=ARTIFACTS / "dashboard-phone.png", full_page=True)
