"""The public pages in headless Chromium, checked with axe-core against WCAG 2.1 A and AA on a
laptop and on a 375 px phone: any violation fails the test. The pages are the demo's (every
plan, the 2.000-jobs goal with its figures from Statistics Denmark, the comparison with the
neighbours) and the accessibility statement; screenshots go to test-artifacts/."""

from io import StringIO

import pytest
from django.core.management import call_command

from conftest import ARTIFACTS
from core.tests.axe import SIZES, axe_violations
from strategy.demo.albertslund import JOBS_GOAL
from strategy.models import Goal, Plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_urls() -> dict[str, str]:
    urls = {"municipality": "/offentlig/165/", "statement": "/offentlig/tilgaengelighed/"}
    for plan in Plan.objects.filter(municipality__code="165").public().order_by("pk"):
        urls[f"plan-{plan.kind}"] = f"/offentlig/165/planer/{plan.pk}/"
    jobs = Goal.objects.get(plan__municipality__code="165", title=JOBS_GOAL)
    urls["goal-jobs"] = f"/offentlig/165/maal/{jobs.pk}/"
    return urls


def test_public_pages_have_no_wcag_21_aa_violations_on_a_laptop_and_a_phone(
    live_server, browser, monkeypatch
):
    monkeypatch.setenv("KURS_DEMO_PASSWORD", "adgangskode-til-test")
    call_command("load_demo", stdout=StringIO())
    # axe is injected as an inline script, which the pages' Content-Security-Policy forbids.
    page = browser.new_page(bypass_csp=True)
    found = {}

    for name, url in public_urls().items():
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            response = page.goto(f"{live_server.url}{url}")
            assert response.status == 200, url
            page.screenshot(path=ARTIFACTS / f"public-{name}-{size}.png", full_page=True)
            if size == "phone":
                assert page.evaluate("document.documentElement.scrollWidth") <= width, url
            violations = axe_violations(page)
            if violations:
                found[f"{url} ({size})"] = violations

    assert found == {}
