"""End to end in headless Chromium: staff ask for a committee report, follow it to its page and
read it in the browser. Screenshots go to test-artifacts/ (skipped without /usr/bin/chromium,
except in CI)."""

import pytest

from conftest import ARTIFACTS
from reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_ask_for_a_committee_report_and_read_it(live_server, browser_page, plan, staff):
    page = browser_page
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", staff.username)
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")

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
