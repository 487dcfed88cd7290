"""The partner pages and the outreach logs in headless Chromium: staff record an agreement
through the form and see it on the partner's page; the pages pass axe-core's WCAG 2.1 A and AA
rules on a laptop and a phone. Screenshots go to test-artifacts/."""

from datetime import date

import pytest

from actions.models import Partner
from actions.tests.factories import ActionPlanFactory, ActivityFactory
from conftest import ARTIFACTS
from core.tests.axe import SIZES, axe_violations
from outreach import services as outreach
from outreach.enums import Reach
from partnerships import services
from partnerships.models import Agreement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")


def test_staff_record_an_agreement_and_the_pages_are_accessible(
    live_server, browser, staff, municipality
):
    gate21 = Partner.objects.create(municipality=municipality, name="Gate 21")
    ActivityFactory(
        plan=ActionPlanFactory(municipality=municipality), title="Smart Grøn innovationsplatform"
    )
    services.create_contact(partner=gate21, name="Poul Fiktiv", role="Direktør")
    outreach.record_mention(
        municipality=municipality,
        mentioned_on=date(2025, 3, 1),
        outlet="Ingeniøren",
        reach=Reach.NATIONAL,
        title="Lys i Hersted",
    )
    outreach.record_advice(
        municipality=municipality,
        advised_on=date(2025, 3, 2),
        advised="Anna Fiktiv",
        topic="Forretningsplan",
        adviser="Erhvervskonsulenten",
    )
    page = browser.new_page(bypass_csp=True, viewport={"width": 1280, "height": 900})
    log_in(page, live_server, staff)

    page.goto(f"{live_server.url}/k/165/partnere/{gate21.pk}/aftaler/ny/")
    page.fill("#id_title", "Smart Grøn innovationsplatform")
    page.fill("#id_purpose", "Erfarne iværksættere hjælper nye, grønne iværksættere.")
    page.fill("#id_period_text", "2016-2017")
    page.fill("#id_starts_on", "2017-01-01")
    page.fill("#id_ends_on", "2016-01-01")
    page.select_option("#id_activities", label="Smart Grøn innovationsplatform")
    page.click("button:has-text('Gem')")
    page.wait_for_selector("#error-summary")
    assert page.input_value("#id_title") == "Smart Grøn innovationsplatform"
    page.fill("#id_starts_on", "2016-01-01")
    page.fill("#id_ends_on", "2017-12-31")
    page.click("button:has-text('Gem')")
    page.wait_for_selector("text=Aftalen er gemt.")
    assert Agreement.objects.get().activities.count() == 1
    page.screenshot(path=ARTIFACTS / "partner-page.png", full_page=True)

    found = {}
    for url in (
        "/k/165/partnere/",
        f"/k/165/partnere/{gate21.pk}/",
        f"/k/165/partnere/{gate21.pk}/aftaler/ny/",
        "/k/165/medieomtale/",
        "/k/165/raadgivning/",
    ):
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            assert page.goto(f"{live_server.url}{url}").status == 200
            if violations := axe_violations(page):
                found[f"{url} ({size})"] = violations
    page.screenshot(path=ARTIFACTS / "advice-log.png", full_page=True)
    assert found == {}
