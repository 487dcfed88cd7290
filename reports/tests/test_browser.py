"""End to end in headless Chromium: staff ask for a committee report, follow it to its page and
read it in the browser; the report's page and its HTML version pass axe-core's WCAG 2.1 A and AA
rules on a laptop and a phone. Screenshots go to test-artifacts/ (skipped without
/usr/bin/chromium, except in CI)."""

import pytest

from conftest import ARTIFACTS
from core.tests.axe import SIZES, axe_violations
from reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")


def test_staff_ask_for_a_committee_report_and_read_it(live_server, browser_page, plan, staff):
    page = browser_page
    log_in(page, live_server, staff)

    page.goto(f"{live_server.url}/k/165/planer/{plan.pk}/")
    page.click("text=Rapporter til udvalget (HTML og PDF)")
    page.fill("#id_title", "Status til Økonomiudvalget")
    page.click("button:has-text('Dan rapport')")

    page.wait_for_selector("text=Læs rapporten i browseren (HTML)")
    report = Report.objects.get()
    assert page.url == f"{live_server.url}/k/165/rapporter/{report.pk}/"
    page.screenshot(path=ARTIFACTS / "committee-report-page.png", full_page=True)

    page.click("text=Læs rapporten i browseren (HTML)")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Status til Økonomiudvalget"
    assert page.locator("#summary-heading").inner_text() == "Sammenfatning"
    assert page.evaluate("document.documentElement.lang") == "da"
    assert page.evaluate(
        "document.fonts.ready.then(() => document.fonts.check('16px \"IBM Plex Sans\"'))"
    )
    assert page.locator("svg.kurs-chart").count() == 2  # the two quantified goals
    page.screenshot(path=ARTIFACTS / "committee-report.png", full_page=True)


def test_committee_report_has_no_wcag_21_aa_violations_on_a_laptop_and_a_phone(
    live_server, browser, plan, benchmarks, staff, build
):
    report = build(plan, staff)
    # axe is injected as an inline script, which the pages' Content-Security-Policy forbids.
    page = browser.new_page(bypass_csp=True)
    log_in(page, live_server, staff)
    urls = {
        "page": f"/k/165/rapporter/{report.pk}/",
        "html": f"/k/165/rapporter/{report.pk}/rapport.html",
    }
    found = {}

    for name, url in urls.items():
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            response = page.goto(f"{live_server.url}{url}")
            assert response.status == 200, url
            page.screenshot(path=ARTIFACTS / f"committee-report-{name}-{size}.png", full_page=True)
            violations = axe_violations(page)
            if violations:
                found[f"{url} ({size})"] = violations

    assert page.locator("svg.kurs-benchmark").count() == 2  # the section is there to check
    assert found == {}
