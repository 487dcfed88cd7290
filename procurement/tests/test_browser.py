"""End to end in headless Chromium: a firm finds an upcoming tender on the public page and
registers its interest; staff award the tender and are stopped from closing it until the bidder
not selected has been told why. The public pages pass axe-core's WCAG 2.1 A and AA rules.
Screenshots go to test-artifacts/ (skipped without /usr/bin/chromium, except in CI)."""

from datetime import date

import pytest

from conftest import ARTIFACTS
from core.tests.axe import SIZES, axe_violations
from procurement import services
from procurement.enums import TenderStatus
from procurement.models import InterestRegistration, Tender

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_firm_registers_interest_and_staff_close_only_after_telling_why(
    live_server, browser_page, staff, tender, firm
):
    page = browser_page
    page.goto(f"{live_server.url}/k/165/erhverv/udbud/")
    page.screenshot(path=ARTIFACTS / "tenders-public.png", full_page=True)
    page.click("text=Meld jeres interesse")
    page.fill("#id_cvr_number", "12345678")
    page.fill("#id_company_name", firm.name)
    page.fill("#id_contact_name", "Karin Fiktiv")
    page.fill("#id_email", "karin@rengoering.example")
    page.click("button:has-text('Send')")
    page.wait_for_selector("#error-summary")
    assert page.input_value("#id_contact_name") == "Karin Fiktiv"
    page.fill("#id_cvr_number", firm.cvr_number)
    page.press("#id_cvr_number", "Tab")
    page.wait_for_selector("text=Fundet i CVR-registeret")
    page.click("button:has-text('Send')")
    page.wait_for_selector("text=er registreret")
    assert InterestRegistration.objects.get().company == firm

    chosen = services.add_bid(
        tender=tender, company_name=firm.name, cvr_number="", received_on=date(2026, 11, 20)
    )
    services.add_bid(tender=tender, company_name="Andet Firma A/S", received_on=date(2026, 11, 21))
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", staff.username)
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")
    page.goto(f"{live_server.url}/k/165/udbud/{tender.pk}/")
    page.click("button:has-text('Afslut udbuddet')")
    page.wait_for_selector("text=Mangler: Andet Firma A/S")
    page.screenshot(path=ARTIFACTS / "tender-close-refused.png", full_page=True)

    page.click("summary:has-text('Registrér begrundelse')")
    refused = tender.bids.get(company_name="Andet Firma A/S")
    page.fill(f"#id_bud{refused.pk}-told_on", "2026-12-01")
    page.fill(
        f"#id_bud{refused.pk}-reason", "Kvalitet vægtede 60 %, og jeres tilbud scorede lavere."
    )
    page.click("button:has-text('Gem begrundelsen')")
    page.wait_for_selector("text=Begrundelsen er registreret.")
    page.click("button:has-text('Afslut udbuddet')")
    page.wait_for_selector("text=Udbuddet er afsluttet.")
    page.screenshot(path=ARTIFACTS / "tender-closed.png", full_page=True)
    assert Tender.objects.get().status == TenderStatus.CLOSED


def test_the_tender_pages_have_no_wcag_21_aa_violations(live_server, browser, tender, bids, staff):
    chosen, _other, _third = bids
    services.award(tender=tender, bid=chosen, awarded_on=date(2026, 11, 30))
    page = browser.new_page(bypass_csp=True)
    found = {}
    public = ["/k/165/erhverv/udbud/", "/k/165/erhverv/udbud/interesse/"]
    staff_pages = ["/k/165/udbud/", f"/k/165/udbud/{tender.pk}/"]
    for url in public + staff_pages:
        if url == staff_pages[0]:
            page.goto(f"{live_server.url}/login/")
            page.fill("#id_username", staff.username)
            page.fill("#id_password", "password")
            page.click("button[type=submit]")
            page.wait_for_url(f"{live_server.url}/k/165/")
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            assert page.goto(f"{live_server.url}{url}").status == 200
            if violations := axe_violations(page):
                found[f"{url} ({size})"] = violations
    assert found == {}
